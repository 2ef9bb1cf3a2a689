import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { get } from './get';

export const operations: ResourceOperations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [{ name: 'Get', value: 'get', action: 'Get the account', description: 'Who the API key belongs to, and its plan' }],
		default: 'get',
	},
	...operationFields('account', operations),
];
