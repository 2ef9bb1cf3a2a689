import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId, returnAllFields, wantedLimit } from '../common';

export const getMany: OperationModule = {
	routes: ['GET /contacts/{contactId}/notes'],
	description: [contactLocator({ description: 'The contact whose notes to list' }), ...returnAllFields()],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const limit = wantedLimit.call(this, i);
		// GHL answers every note of the contact at once (no paging parameters), so the limit applies here.
		const response = await ghlRequest<{ notes?: IDataObject[] }>(this, { method: 'GET', path: apiPath`/contacts/${contactId}/notes`, itemIndex: i });
		const notes = Array.isArray(response.notes) ? response.notes : [];
		return limit === undefined ? notes : notes.slice(0, limit);
	},
};
