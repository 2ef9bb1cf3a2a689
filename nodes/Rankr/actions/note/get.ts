import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactChoice, getContactId } from '../common';
import { getNoteId, noteIdField } from './fields';

export const get: OperationModule = {
	routes: ['GET /v1/contacts/{contactId}/notes/{noteId}'],
	description: [contactLocator(), noteIdField],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const noteId = getNoteId.call(this, i);
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, { method: 'GET', path: apiPath`/v1/contacts/${contactId}/notes/${noteId}`, itemIndex: i });
	},
};
