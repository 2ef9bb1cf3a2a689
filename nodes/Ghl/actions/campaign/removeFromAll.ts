import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId } from '../common';
import { membershipResult } from './fields';

export const removeFromAll: OperationModule = {
	routes: ['DELETE /contacts/{contactId}/campaigns/removeAll'],
	description: [contactLocator({ description: 'The contact to take out of every campaign' })],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const response = await ghlRequest<IDataObject>(this, { method: 'DELETE', path: apiPath`/contacts/${contactId}/campaigns/removeAll`, itemIndex: i });
		return membershipResult(response, { contactId });
	},
};
