import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactChoice, getContactId, listAll, returnAllFields } from '../common';

export const getHistory: OperationModule = {
	routes: ['GET /v1/contacts/{contactId}/score/history'],
	description: [contactLocator(), ...returnAllFields()],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const contactId = await getContactId.call(this, i);
		return await listAll.call(this, i, apiPath`/v1/contacts/${contactId}/score/history`);
	},
};
