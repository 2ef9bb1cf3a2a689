import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { complete } from './complete';
import { create } from './create';
import { deleteTask } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { update } from './update';

export const operations: ResourceOperations = { complete, create, delete: deleteTask, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Complete', value: 'complete', action: 'Complete a task', description: 'Mark a task done, or open it again' },
			{ name: 'Create', value: 'create', action: 'Create a task', description: 'Add a task to a contact, with a due date' },
			{ name: 'Delete', value: 'delete', action: 'Delete a task', description: 'Delete a task of a contact' },
			{ name: 'Get', value: 'get', action: 'Get a task', description: 'Retrieve a task of a contact by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many tasks of a contact', description: 'List the tasks of a contact' },
			{ name: 'Update', value: 'update', action: 'Update a task', description: 'Change the title, description, due date or assignee of a task' },
		],
		default: 'create',
	},
	...operationFields('task', operations),
];
