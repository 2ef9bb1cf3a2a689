import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { add } from './add';
import { remove } from './remove';
import { removeFromAll } from './removeFromAll';

export const operations: ResourceOperations = { add, remove, removeFromAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{ name: 'Add Contact', value: 'add', action: 'Add a contact to a campaign', description: 'Start a campaign for a contact' },
			{ name: 'Remove Contact', value: 'remove', action: 'Remove a contact from a campaign', description: 'Stop one campaign for a contact' },
			{ name: 'Remove Contact From All Campaigns', value: 'removeFromAll', action: 'Remove a contact from every campaign', description: 'Stop every campaign the contact is in' },
		],
		default: 'add',
	},
	...operationFields('campaign', operations),
];
