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
		displayOptions: { show: { resource: ['follower'] } },
		options: [
			{ name: 'Add', value: 'add', action: 'Add followers to a contact', description: 'Make users follow a contact' },
			{ name: 'Remove', value: 'remove', action: 'Remove followers from a contact', description: 'Stop users following a contact' },
		],
		default: 'add',
	},
	...operationFields('follower', operations),
];
