import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { create } from './create';
import { deleteTask } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { searchLocation } from './searchLocation';
import { setCompleted } from './setCompleted';
import { update } from './update';

export const operations: ResourceOperations = { create, delete: deleteTask, get, getMany, searchLocation, setCompleted, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a task', description: 'Create a task for a contact' },
			{ name: 'Delete', value: 'delete', action: 'Delete a task', description: 'Delete a task of a contact' },
			{ name: 'Get', value: 'get', action: 'Get a task', description: 'Retrieve a task of a contact by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many tasks of a contact', description: 'List the tasks of a contact' },
			{ name: 'Search in Location', value: 'searchLocation', action: 'Search tasks of the location', description: 'Find tasks across all contacts of the location; Return All within a request budget, resumable' },
			{ name: 'Set Completed', value: 'setCompleted', action: 'Set a task completed', description: 'Mark a task done, or open again' },
			{ name: 'Update', value: 'update', action: 'Update a task', description: 'Change the title, body, due date, assignee or completion of a task' },
		],
		default: 'create',
	},
	...operationFields('task', operations),
];
