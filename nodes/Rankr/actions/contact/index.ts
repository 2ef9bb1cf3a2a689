import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { create } from './create';
import { deleteContact } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { update } from './update';
import { upsert } from './upsert';

export const operations: ResourceOperations = { create, delete: deleteContact, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Create a Rankr contact; an External Ref links it to its record elsewhere' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update a contact', description: 'Create a new record, or update the current one if it already exists (upsert)' },
			{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a Rankr contact, with its tasks and notes' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Retrieve a Rankr contact by ID or External Ref' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many contacts', description: 'List or search contacts' },
			{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Change fields of a Rankr contact; only the fields given are changed' },
		],
		default: 'create',
	},
	...operationFields('contact', operations),
];
