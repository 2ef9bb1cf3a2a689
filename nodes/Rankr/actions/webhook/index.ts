import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { create } from './create';
import { deleteWebhook } from './delete';
import { get } from './get';
import { getMany } from './getMany';

export const operations: ResourceOperations = { create, delete: deleteWebhook, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a webhook subscription', description: 'Subscribe a URL to Rankr events (the Rankr Trigger does this for you)' },
			{ name: 'Delete', value: 'delete', action: 'Delete a webhook subscription', description: 'Stop sending events to a URL' },
			{ name: 'Get', value: 'get', action: 'Get a webhook subscription', description: 'Retrieve a webhook subscription by ID, without its secret' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many webhook subscriptions', description: 'List the webhook subscriptions of the account' },
		],
		default: 'create',
	},
	...operationFields('webhook', operations),
];
