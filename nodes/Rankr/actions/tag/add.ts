import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { checkTags, contactLocator, getContactChoice, getContactId, tagsField } from '../common';

export const add: OperationModule = {
	routes: ['POST /v1/contacts/{contactId}/tags'],
	description: [contactLocator(), { ...tagsField, required: true, description: 'Tags to add; tags the contact holds already are kept once' }],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const tags = checkTags.call(this, this.getNodeParameter('tags', i, ''), 'Tags', i);
		if (!tags.length) throw invalid(this, 'Tags', i, 'is required but empty');
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, { method: 'POST', path: apiPath`/v1/contacts/${contactId}/tags`, body: { tags }, itemIndex: i });
	},
};
