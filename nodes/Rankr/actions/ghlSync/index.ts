import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';

// Sync Contact and Parity Check land here (owned by the sync work).
export const operations: ResourceOperations = {};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ghlSync'] } },
		options: [],
		default: '',
	},
	...operationFields('ghlSync', operations),
];
