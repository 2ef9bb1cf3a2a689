import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { addToBusiness } from './addToBusiness';
import { create } from './create';
import { deleteContact } from './delete';
import { findDuplicate } from './findDuplicate';
import { get } from './get';
import { getAppointments } from './getAppointments';
import { getMany } from './getMany';
import { getManyByBusiness } from './getManyByBusiness';
import { getManyLegacy } from './getManyLegacy';
import { removeFromBusiness } from './removeFromBusiness';
import { update } from './update';
import { upsert } from './upsert';

export const operations: ResourceOperations = {
	addToBusiness,
	create,
	delete: deleteContact,
	findDuplicate,
	get,
	getAppointments,
	getMany,
	getManyByBusiness,
	getManyLegacy,
	removeFromBusiness,
	update,
	upsert,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Add to Business', value: 'addToBusiness', action: 'Add contacts to a business', description: 'Link contacts to a business in bulk' },
			{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Create a contact in the location, with custom fields and DND settings' },
			{ name: 'Create or Update', value: 'upsert', action: 'Create or update a contact', description: 'Create a new record, or update the current one if it already exists (upsert)' },
			{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a contact from the location, with its tasks and notes' },
			{ name: 'Find Duplicate', value: 'findDuplicate', action: 'Find a duplicate contact', description: 'Look a contact up by email or phone' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Retrieve a contact by ID, with its tags and custom fields' },
			{ name: 'Get Appointments', value: 'getAppointments', action: 'Get appointments of a contact', description: 'List the calendar events booked for a contact' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many contacts', description: 'Search contacts with filters and sorting; Return All within a request budget, resumable' },
			{ name: 'Get Many (Legacy)', value: 'getManyLegacy', action: 'Get many contacts with the legacy list', description: 'GHL\'s deprecated contact list, paged by startAfter; Return All within a request budget, resumable' },
			{ name: 'Get Many by Business', value: 'getManyByBusiness', action: 'Get contacts of a business', description: 'List the contacts linked to a business; Return All within a request budget, resumable' },
			{ name: 'Remove From Business', value: 'removeFromBusiness', action: 'Remove contacts from their business', description: 'Unlink contacts from their business in bulk' },
			{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Change fields of a contact; Tags given here replace all of its tags' },
		],
		default: 'get',
	},
	...operationFields('contact', operations),
];
