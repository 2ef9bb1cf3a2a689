import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { add } from './add';
import { bulkUpdate } from './bulkUpdate';
import { createLocation } from './createLocation';
import { deleteLocation } from './deleteLocation';
import { getLocation } from './getLocation';
import { getManyLocation } from './getManyLocation';
import { remove } from './remove';
import { updateLocation } from './updateLocation';

export const operations: ResourceOperations = {
	add,
	bulkUpdate,
	createLocation,
	deleteLocation,
	getLocation,
	getManyLocation,
	remove,
	updateLocation,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Add to Contact', value: 'add', action: 'Add tags to a contact', description: 'Keeps the contact\'s other tags' },
			{ name: 'Bulk Add or Remove', value: 'bulkUpdate', action: 'Add or remove tags on many contacts', description: 'Add or remove tags on many contacts in one request' },
			{ name: 'Create Location Tag', value: 'createLocation', action: 'Create a location tag', description: 'Create a tag in the location, ready to use on contacts' },
			{ name: 'Delete Location Tag', value: 'deleteLocation', action: 'Delete a location tag', description: 'Delete a tag from the location' },
			{ name: 'Get Location Tag', value: 'getLocation', action: 'Get a location tag', description: 'Retrieve a tag of the location by ID' },
			{ name: 'Get Many Location Tags', value: 'getManyLocation', action: 'Get many location tags', description: 'List the tags defined in the location' },
			{ name: 'Remove From Contact', value: 'remove', action: 'Remove tags from a contact', description: 'Take tags off a contact, keeping its other tags' },
			{ name: 'Update Location Tag', value: 'updateLocation', action: 'Rename a location tag', description: 'Give a location tag a new name' },
		],
		default: 'add',
	},
	...operationFields('tag', operations),
];
