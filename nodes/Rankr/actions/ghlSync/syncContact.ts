import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { contactLocator } from '../../../Ghl/actions/common';
import type { OperationModule } from '../../../shared/operation';
import { syncContact as sync } from '../../../shared/sync/syncContact';
import { requireId } from '../../../shared/validation';
import { deletionsField, getDeletions } from './fields';

export const syncContact: OperationModule = {
	routes: [
		'GHL GET /contacts/{contactId}',
		'GHL GET /contacts/{contactId}/tasks',
		'GHL GET /contacts/{contactId}/notes',
		'Rankr GET /v1/contacts',
		'Rankr POST /v1/contacts/upsert',
		'Rankr PATCH /v1/contacts/{contactId}',
		'Rankr DELETE /v1/contacts/{contactId}',
		'Rankr POST /v1/contacts/{contactId}/tags',
		'Rankr DELETE /v1/contacts/{contactId}/tags/{tag}',
		'Rankr GET /v1/contacts/{contactId}/tasks',
		'Rankr POST /v1/contacts/{contactId}/tasks',
		'Rankr PATCH /v1/contacts/{contactId}/tasks/{taskId}',
		'Rankr POST /v1/contacts/{contactId}/tasks/{taskId}/complete',
		'Rankr DELETE /v1/contacts/{contactId}/tasks/{taskId}',
		'Rankr GET /v1/contacts/{contactId}/notes',
		'Rankr POST /v1/contacts/{contactId}/notes',
		'Rankr PATCH /v1/contacts/{contactId}/notes/{noteId}',
		'Rankr DELETE /v1/contacts/{contactId}/notes/{noteId}',
	],
	description: [
		contactLocator({
			displayName: 'GHL Contact',
			// Works unchanged after a GHL trigger (contactId) or a GHL node's contact output (id).
			default: { mode: 'id', value: '={{ $json.contactId || $json.id }}' },
			description: 'The GHL contact to copy into Rankr, with its tasks, notes and tags',
		}, 'searchGhlContacts'),
		deletionsField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const picked = this.getNodeParameter('contactId', i, undefined, { extractValue: true }) as unknown;
		const ghlContactId = requireId(this, typeof picked === 'object' && picked !== null ? (picked as IDataObject).value : picked, 'GHL Contact', i);
		const deletions = getDeletions(this, i);
		return await sync(this, i, { ghlContactId, deletions });
	},
};
