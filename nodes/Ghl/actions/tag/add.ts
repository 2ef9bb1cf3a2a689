import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId } from '../common';
import { tagsField, tagsOf } from './fields';

/** Tag → Add to Contact: GHL keeps the contact's other tags (unlike Contact → Update, which replaces them). */
export const add: OperationModule = {
	routes: ['POST /contacts/{contactId}/tags'],
	description: [contactLocator(), tagsField],
	async execute(this: IExecuteFunctions, i: number) {
		const id = getContactId.call(this, i);
		const tags = tagsOf(this, i, true);
		// Adding the same tags twice gives the same result, so a lost answer may be retried.
		const response = await ghlRequest<IDataObject>(this, { method: 'POST', path: apiPath`/contacts/${id}/tags`, body: { tags }, idempotent: true, itemIndex: i });
		return { contactId: id, tags: response.tags };
	},
};
