import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, deleted, getContactId } from '../common';

export const deleteContact: OperationModule = {
	routes: ['DELETE /contacts/{contactId}'],
	description: [contactLocator()],
	async execute(this: IExecuteFunctions, i: number) {
		const id = getContactId.call(this, i);
		await ghlRequest(this, { method: 'DELETE', path: apiPath`/contacts/${id}`, itemIndex: i });
		return deleted(id);
	},
};
