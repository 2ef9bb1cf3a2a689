import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';

/** Operations of the contact resource (filled in by the operation files of this folder). */
export const operations: ResourceOperations = {};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [],
		default: '',
	},
	...operationFields('contact', operations),
];
