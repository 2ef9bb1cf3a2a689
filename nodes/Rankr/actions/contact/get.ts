import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId, simplifyContact, simplifyField } from '../common';

export const get: OperationModule = {
	routes: ['GET /v1/contacts/{contactId}'],
	description: [contactLocator(), simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = await getContactId.call(this, i);
		const contact = await rankrRequest(this, { method: 'GET', path: apiPath`/v1/contacts/${contactId}`, itemIndex: i });
		return simplifyContact.call(this, i, contact);
	},
};
