import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { invalid, requireId, toList } from '../../../shared/validation';
import { contactLocator, getContactId } from '../common';

const tagsField: INodeProperties = {
	displayName: 'Tag Names or IDs',
	name: 'tags',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	required: true,
	description: 'Tags by name. Choose from the list, or specify names using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

function tagsOf(ctx: IExecuteFunctions, i: number): string[] {
	const tags = toList(ctx.getNodeParameter('tags', i, []));
	if (!tags.length) throw invalid(ctx, 'Tags', i, 'is required but empty');
	return tags;
}

/** Tag → Add / Remove on one contact: GHL keeps the other tags (unlike Contact → Update). */
function contactTags(method: 'POST' | 'DELETE'): OperationModule {
	return {
		routes: [`${method} /contacts/{contactId}/tags`],
		description: [contactLocator(), tagsField],
		async execute(this: IExecuteFunctions, i: number) {
			const id = getContactId.call(this, i);
			const tags = tagsOf(this, i);
			const response = await ghlRequest<IDataObject>(this, { method, path: apiPath`/contacts/${id}/tags`, body: { tags }, itemIndex: i });
			return { contactId: id, tags: response.tags };
		},
	};
}

export const add = contactTags('POST');
export const remove = contactTags('DELETE');

export const bulkUpdate: OperationModule = {
	routes: ['POST /contacts/bulk/tags/update/{type}'],
	description: [
		{ displayName: 'Action', name: 'bulkAction', type: 'options', options: [{ name: 'Add Tags', value: 'add' }, { name: 'Remove Tags', value: 'remove' }], default: 'add' },
		{ displayName: 'Contact IDs', name: 'contactIds', type: 'string', default: '', required: true, description: 'Comma-separated contact IDs, or an expression giving a list' },
		{ ...tagsField, required: false, description: 'Tags to add or remove' },
		{ displayName: 'Remove All Tags', name: 'removeAllTags', type: 'boolean', default: false, displayOptions: { show: { bulkAction: ['remove'] } }, description: 'Whether to remove every tag of these contacts' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const type = this.getNodeParameter('bulkAction', i) as string;
		if (type !== 'add' && type !== 'remove') throw invalid(this, 'Action', i, `"${type}" is not add or remove`);
		const contacts = toList(this.getNodeParameter('contactIds', i));
		if (!contacts.length) throw invalid(this, 'Contact IDs', i, 'is required but empty');
		contacts.forEach((c) => requireId(this, c, 'Contact IDs', i));
		const removeAllTags = type === 'remove' && (this.getNodeParameter('removeAllTags', i, false) as boolean);
		const tags = toList(this.getNodeParameter('tags', i, []));
		if (!tags.length && !removeAllTags) throw invalid(this, 'Tags', i, 'is required but empty');
		const body: IDataObject = { locationId: await ghlLocation(this), contacts, tags, ...(type === 'remove' ? { removeAllTags } : {}) };
		return await ghlRequest(this, { method: 'POST', path: apiPath`/contacts/bulk/tags/update/${type}`, body, idempotent: true, itemIndex: i });
	},
};
