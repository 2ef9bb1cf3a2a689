import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { checkTags, contactLocator, getContactChoice, getContactId, tagsField } from '../common';

export const set: OperationModule = {
	routes: ['PUT /v1/contacts/{contactId}/tags'],
	description: [contactLocator(), { ...tagsField, description: 'The contact\'s tags after this; empty removes them all' }],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const tags = checkTags.call(this, this.getNodeParameter('tags', i, ''), 'Tags', i);
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, { method: 'PUT', path: apiPath`/v1/contacts/${contactId}/tags`, body: { tags }, itemIndex: i });
	},
};
