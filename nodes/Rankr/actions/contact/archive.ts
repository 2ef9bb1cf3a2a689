import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId, simplifyContact, simplifyField } from '../common';

/** Archive and Unarchive are one PATCH of `archived`; archiving keeps everything, so either undoes the other. */
export async function setArchived(this: IExecuteFunctions, i: number, archived: boolean) {
	const contactId = await getContactId.call(this, i);
	const contact = await rankrRequest(this, { method: 'PATCH', path: apiPath`/v1/contacts/${contactId}`, body: { archived }, itemIndex: i });
	return simplifyContact.call(this, i, contact);
}

export const archive: OperationModule = {
	routes: ['PATCH /v1/contacts/{contactId}'],
	description: [
		contactLocator({ description: 'The contact to archive; its tasks, notes, tags and score history are kept, and Unarchive restores it' }),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		return await setArchived.call(this, i, true);
	},
};
