import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { create } from './create';
import { deleteRule } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { update } from './update';

export const operations: ResourceOperations = { create, delete: deleteRule, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rule'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create an automation rule' },
			{ name: 'Delete', value: 'delete', action: 'Delete an automation rule' },
			{ name: 'Get', value: 'get', action: 'Get an automation rule' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many automation rules' },
			{ name: 'Update', value: 'update', action: 'Update an automation rule' },
		],
		default: 'create',
	},
	...operationFields('rule', operations),
];
