import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { send } from './send';

export const operations: ResourceOperations = { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send an event',
				description: 'Tell Rankr something happened; its rules act and the answer says what they did',
			},
		],
		default: 'send',
	},
	...operationFields('event', operations),
];
