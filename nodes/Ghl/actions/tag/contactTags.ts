import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { checkEnum, invalid, toList } from '../../../shared/validation';
import { contactIdsField, contactLocator, getContactId, getContactIds } from '../common';

/** Tags on contacts: one contact at a time (keeping its other tags), or many contacts in one bulk call. */
const tagsField: INodeProperties = {
	displayName: 'Tag Names or IDs',
	name: 'tags',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	required: true,
	description: 'Tags by name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Tag names, blanks and repeats dropped. */
function tagsOf(ctx: IExecuteFunctions, i: number, required: boolean): string[] {
	const tags = [...new Set(toList(ctx.getNodeParameter('tags', i, [])))];
	if (required && !tags.length) throw invalid(ctx, 'Tags', i, 'is required but empty');
	return tags;
}

/** Tag → Add / Remove on one contact: GHL keeps the other tags (unlike Contact → Update). */
function contactTags(method: 'POST' | 'DELETE'): OperationModule {
	return {
		routes: [`${method} /contacts/{contactId}/tags`],
		description: [contactLocator(), tagsField],
		async execute(this: IExecuteFunctions, i: number) {
			const id = getContactId.call(this, i);
			const tags = tagsOf(this, i, true);
			// Adding or removing the same tags twice gives the same result, so a lost answer may be retried.
			const response = await ghlRequest<IDataObject>(this, { method, path: apiPath`/contacts/${id}/tags`, body: { tags }, idempotent: true, itemIndex: i });
			return { contactId: id, tags: response.tags };
		},
	};
}

export const add = contactTags('POST');
export const remove = contactTags('DELETE');

const BULK_TYPES = ['add', 'remove'] as const;

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
