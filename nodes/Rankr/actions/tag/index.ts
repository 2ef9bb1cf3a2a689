import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { add } from './add';
import { getMany } from './getMany';
import { remove } from './remove';
import { set } from './set';

export const operations: ResourceOperations = { add, getMany, remove, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Add to Contact', value: 'add', action: 'Add tags to a contact', description: 'Add tags to a contact, keeping the ones it has' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many tags', description: 'List the account\'s tags with how many contacts hold each' },
			{ name: 'Remove From Contact', value: 'remove', action: 'Remove tags from a contact', description: 'Take tags off a contact, keeping its other tags' },
			{ name: 'Set on Contact', value: 'set', action: 'Set the tags of a contact', description: 'Replace all of a contact\'s tags' },
		],
		default: 'add',
	},
	...operationFields('tag', operations),
];
