import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { create } from './create';
import { deleteNote } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { update } from './update';

export const operations: ResourceOperations = { create, delete: deleteNote, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a note', description: 'Add a note to a contact' },
			{ name: 'Delete', value: 'delete', action: 'Delete a note', description: 'Delete a note of a contact' },
			{ name: 'Get', value: 'get', action: 'Get a note', description: 'Retrieve a note of a contact by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many notes of a contact', description: 'List the notes of a contact' },
			{ name: 'Update', value: 'update', action: 'Update a note', description: 'Change the text of a note' },
		],
		default: 'create',
	},
	...operationFields('note', operations),
];
