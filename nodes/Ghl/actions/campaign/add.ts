import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId } from '../common';
import { campaignField, campaignId, membershipResult } from './fields';

export const add: OperationModule = {
	routes: ['POST /contacts/{contactId}/campaigns/{campaignId}'],
	description: [contactLocator({ description: 'The contact to add' }), campaignField],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const campaign = campaignId.call(this, i);
		// GHL documents a required but empty body (AddContactToCampaignDto).
		const response = await ghlRequest<IDataObject>(this, { method: 'POST', path: apiPath`/contacts/${contactId}/campaigns/${campaign}`, body: {}, itemIndex: i });
		return membershipResult(response, { contactId, campaignId: campaign });
	},
};
