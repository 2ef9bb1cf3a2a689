import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { archive } from './archive';
import { create } from './create';
import { deleteContact } from './delete';
import { get } from './get';
import { getMany } from './getMany';
import { unarchive } from './unarchive';
import { update } from './update';
import { upsert } from './upsert';
import { upsertMany } from './upsertMany';

export const operations: ResourceOperations = { archive, create, delete: deleteContact, get, getMany, unarchive, update, upsert, upsertMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Archive', value: 'archive', action: 'Archive a contact', description: 'Mark a Rankr contact archived, keeping its tasks, notes, tags and score history' },
			{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Create a Rankr contact; an External Ref links it to its record elsewhere' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update a contact', description: 'Create a new record, or update the current one if it already exists (upsert)' },
			{
				name: 'Create or Update Many',
				value: 'upsertMany',
				action: 'Create or update many contacts',
				description: 'Upsert every input item as a contact by External Ref, 100 a request, with a result per item',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a Rankr contact for good, with its tasks, notes and score history (Archive keeps them)' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Retrieve a Rankr contact by ID or External Ref' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many contacts', description: 'List or search contacts' },
			{ name: 'Unarchive', value: 'unarchive', action: 'Unarchive a contact', description: 'Restore an archived Rankr contact' },
			{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Change fields of a Rankr contact; only the fields given are changed' },
		],
		default: 'create',
	},
	...operationFields('contact', operations),
];
