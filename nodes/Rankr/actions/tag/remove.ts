import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { checkTags, contactLocator, getContactChoice, getContactId, tagsField } from '../common';

export const remove: OperationModule = {
	routes: ['DELETE /v1/contacts/{contactId}/tags/{tag}'],
	description: [contactLocator(), { ...tagsField, required: true, description: 'Tags to remove; removing a tag the contact does not hold changes nothing' }],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const tags = checkTags.call(this, this.getNodeParameter('tags', i, ''), 'Tags', i);
		if (!tags.length) throw invalid(this, 'Tags', i, 'is required but empty');
		const contactId = await getContactId.call(this, i);
		// The contract removes one tag per call; the last answer holds the contact's tags after all of them.
		let result: IDataObject = {};
		for (const tag of tags) {
			result = await rankrRequest(this, { method: 'DELETE', path: apiPath`/v1/contacts/${contactId}/tags/${tag}`, itemIndex: i });
		}
		return result;
	},
};
