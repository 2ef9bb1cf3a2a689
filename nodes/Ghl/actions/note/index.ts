import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { create, deleteNote, get, getMany, update } from './operations';

export const operations: ResourceOperations = { create, delete: deleteNote, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a note' },
			{ name: 'Delete', value: 'delete', action: 'Delete a note' },
			{ name: 'Get', value: 'get', action: 'Get a note' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many notes of a contact' },
			{ name: 'Update', value: 'update', action: 'Update a note' },
		],
		default: 'create',
	},
	...operationFields('note', operations),
];
