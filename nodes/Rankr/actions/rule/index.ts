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
			{ name: 'Create', value: 'create', action: 'Create an automation rule', description: 'Create a rule that tags, scores or adds tasks when an event arrives' },
			{ name: 'Delete', value: 'delete', action: 'Delete an automation rule', description: 'Delete an automation rule' },
			{ name: 'Get', value: 'get', action: 'Get an automation rule', description: 'Retrieve an automation rule by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many automation rules', description: 'List the automation rules of the account' },
			{ name: 'Update', value: 'update', action: 'Update an automation rule', description: 'Change the trigger, conditions or actions of a rule, or turn it off' },
		],
		default: 'create',
	},
	...operationFields('rule', operations),
];
