import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { add } from './add';
import { remove } from './remove';

export const operations: ResourceOperations = { add, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflow'] } },
		options: [
			{ name: 'Add Contact', value: 'add', action: 'Add a contact to a workflow', description: 'Enrol a contact in a GHL workflow' },
			{ name: 'Remove Contact', value: 'remove', action: 'Remove a contact from a workflow', description: 'Take a contact out of a GHL workflow' },
		],
		default: 'add',
	},
	...operationFields('workflow', operations),
];
