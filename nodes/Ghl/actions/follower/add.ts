import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId } from '../common';
import { followerIds, followersField } from './fields';

export const add: OperationModule = {
	routes: ['POST /contacts/{contactId}/followers'],
	description: [contactLocator({ description: 'The contact to follow' }), followersField],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const followers = followerIds.call(this, i);
		// GHL answers {followers: everyone following now, followersAdded: the ones that were new}.
		const response = await ghlRequest<IDataObject>(this, { method: 'POST', path: apiPath`/contacts/${contactId}/followers`, body: { followers }, itemIndex: i });
		return { contactId, ...response };
	},
};
