import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { checkEnum } from '../../../shared/validation';
import { contactIdsField, getContactIds } from '../common';
import { tagsField, tagsOf } from './fields';

const BULK_TYPES = ['add', 'remove'] as const;

/** Tag → Bulk Add or Remove: one call for many contacts; GHL reports per contact in `responses`. */
export const bulkUpdate: OperationModule = {
	routes: ['POST /contacts/bulk/tags/update/{type}'],
	description: [
		{
			displayName: 'Action',
			name: 'bulkAction',
			type: 'options',
			options: [
				{ name: 'Add Tags', value: 'add' },
				{ name: 'Remove Tags', value: 'remove' },
			],
			default: 'add',
		},
		contactIdsField,
		{ ...tagsField, required: false, description: 'Tags to add or remove, by name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
		{
			displayName: 'Remove All Tags',
			name: 'removeAllTags',
			type: 'boolean',
			default: false,
			displayOptions: { show: { bulkAction: ['remove'] } },
			description: 'Whether to remove every tag of these contacts',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const type = checkEnum(this, this.getNodeParameter('bulkAction', i), BULK_TYPES, 'Action', i);
		const contacts = getContactIds.call(this, i);
		const removeAllTags = type === 'remove' && this.getNodeParameter('removeAllTags', i, false) === true;
		const tags = tagsOf(this, i, !removeAllTags);
		// SPEC-QUIRKS 1: removeAllTags is a boolean (the spec's example says "false"), only meaningful on remove.
		const body: IDataObject = { locationId: await ghlLocation(this), contacts, tags, ...(type === 'remove' ? { removeAllTags } : {}) };
		return await ghlRequest(this, { method: 'POST', path: apiPath`/contacts/bulk/tags/update/${type}`, body, idempotent: true, itemIndex: i });
	},
};
