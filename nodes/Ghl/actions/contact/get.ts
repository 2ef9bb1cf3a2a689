import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId, simplifyField, unwrap } from '../common';

export const get: OperationModule = {
	routes: ['GET /contacts/{contactId}'],
	description: [contactLocator(), simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const id = getContactId.call(this, i);
		const response = await ghlRequest(this, { method: 'GET', path: apiPath`/contacts/${id}`, itemIndex: i });
		return unwrap.call(this, i, response, 'contact');
	},
};
