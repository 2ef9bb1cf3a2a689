import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { create, deleteTask, get, getMany, searchLocation, setCompleted, update } from './operations';

export const operations: ResourceOperations = { create, delete: deleteTask, get, getMany, searchLocation, setCompleted, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a task' },
			{ name: 'Delete', value: 'delete', action: 'Delete a task' },
			{ name: 'Get', value: 'get', action: 'Get a task' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many tasks of a contact' },
			{ name: 'Search Location', value: 'searchLocation', action: 'Search tasks of the location', description: 'Tasks of all contacts, filtered' },
			{ name: 'Set Completed', value: 'setCompleted', action: 'Set a task completed or open' },
			{ name: 'Update', value: 'update', action: 'Update a task' },
		],
		default: 'create',
	},
	...operationFields('task', operations),
];
