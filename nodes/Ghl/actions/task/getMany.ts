import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId, returnAllFields, wantedLimit } from '../common';

export const getMany: OperationModule = {
	routes: ['GET /contacts/{contactId}/tasks'],
	description: [contactLocator(), ...returnAllFields()],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const limit = wantedLimit.call(this, i);
		// GHL answers every task of the contact at once (no paging), so the limit is applied here.
		const response = await ghlRequest<{ tasks?: IDataObject[] }>(this, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks`, itemIndex: i });
		const tasks = response.tasks ?? [];
		return limit === undefined ? tasks : tasks.slice(0, limit);
	},
};
