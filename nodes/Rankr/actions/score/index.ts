import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { adjust } from './adjust';
import { get } from './get';
import { getHistory } from './getHistory';
import { set } from './set';

export const operations: ResourceOperations = { adjust, get, getHistory, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['score'] } },
		options: [
			{ name: 'Adjust', value: 'adjust', action: 'Adjust a lead score', description: 'Add or subtract points, with a reason' },
			{ name: 'Get', value: 'get', action: 'Get a lead score', description: 'Retrieve a contact\'s current lead score' },
			{ name: 'Get History', value: 'getHistory', action: 'Get the history of a lead score', description: 'Every change, oldest first' },
			{ name: 'Set', value: 'set', action: 'Set a lead score', description: 'Replace a contact\'s lead score with a given value' },
		],
		default: 'adjust',
	},
	...operationFields('score', operations),
];
