import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId } from '../common';
import { campaignField, campaignId, membershipResult } from './fields';

export const remove: OperationModule = {
	routes: ['DELETE /contacts/{contactId}/campaigns/{campaignId}'],
	description: [contactLocator({ description: 'The contact to remove' }), campaignField],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const campaign = campaignId.call(this, i);
		const response = await ghlRequest<IDataObject>(this, { method: 'DELETE', path: apiPath`/contacts/${contactId}/campaigns/${campaign}`, itemIndex: i });
		return membershipResult(response, { contactId, campaignId: campaign });
	},
};
