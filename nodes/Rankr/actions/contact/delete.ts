import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, deleted, getContactId } from '../common';

export const deleteContact: OperationModule = {
	routes: ['DELETE /v1/contacts/{contactId}'],
	description: [contactLocator({ description: 'The contact to delete, with its tasks, notes and score history' })],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = await getContactId.call(this, i);
		await rankrRequest(this, { method: 'DELETE', path: apiPath`/v1/contacts/${contactId}`, itemIndex: i });
		return deleted(contactId);
	},
};
