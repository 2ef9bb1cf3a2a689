import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { contactLocator } from '../../../Ghl/actions/common';
import type { OperationModule } from '../../../shared/operation';
import { syncContact as sync } from '../../../shared/sync/syncContact';
import { requireId } from '../../../shared/validation';
import { deletionsField, getDeletions } from './fields';

export const syncContact: OperationModule = {
	routes: [
		'GET /contacts/{contactId}',
		'GET /contacts/{contactId}/tasks',
		'GET /contacts/{contactId}/notes',
		'GET /v1/contacts',
		'POST /v1/contacts/upsert',
		'DELETE /v1/contacts/{contactId}',
		'PUT /v1/contacts/{contactId}/tags',
		'GET /v1/contacts/{contactId}/tasks',
		'POST /v1/contacts/{contactId}/tasks',
		'PATCH /v1/contacts/{contactId}/tasks/{taskId}',
		'POST /v1/contacts/{contactId}/tasks/{taskId}/complete',
		'DELETE /v1/contacts/{contactId}/tasks/{taskId}',
		'GET /v1/contacts/{contactId}/notes',
		'POST /v1/contacts/{contactId}/notes',
		'PATCH /v1/contacts/{contactId}/notes/{noteId}',
		'DELETE /v1/contacts/{contactId}/notes/{noteId}',
	],
	description: [
		contactLocator({
			displayName: 'GHL Contact',
			// Works unchanged after a GHL trigger (contactId) or a GHL node's contact output (id).
			default: { mode: 'id', value: '={{ $json.contactId || $json.id }}' },
			description: 'The GHL contact to copy into Rankr, with its tasks, notes and tags',
		}),
		deletionsField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const picked = this.getNodeParameter('contactId', i, undefined, { extractValue: true }) as unknown;
		const ghlContactId = requireId(this, typeof picked === 'object' && picked !== null ? (picked as IDataObject).value : picked, 'GHL Contact', i);
		const deletions = getDeletions(this, i);
		return await sync(this, i, { ghlContactId, deletions });
	},
};
