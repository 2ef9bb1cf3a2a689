import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { syncToGhl as sync } from '../../../shared/sync/syncToGhl';
import { checkEnum, invalid, requireValue } from '../../../shared/validation';

const STATUSES = ['pending', 'in_progress', 'in_review', 'complete'] as const;

export const syncToGhl: OperationModule = {
	routes: [
		'Rankr GET /v1/contacts/{contactId}',
		'Rankr GET /v1/contacts/{contactId}/tasks',
		'Rankr GET /v1/contacts/{contactId}/notes',
		'Rankr PATCH /v1/contacts/{contactId}',
		'Rankr PATCH /v1/contacts/{contactId}/tasks/{taskId}',
		'Rankr PATCH /v1/contacts/{contactId}/notes/{noteId}',
		'GHL GET /contacts/{contactId}',
		'GHL GET /contacts/search/duplicate',
		'GHL POST /contacts/',
		'GHL PUT /contacts/{contactId}',
		'GHL DELETE /contacts/{contactId}',
		'GHL POST /contacts/{contactId}/tags',
		'GHL DELETE /contacts/{contactId}/tags',
		'GHL GET /contacts/{contactId}/tasks',
		'GHL POST /contacts/{contactId}/tasks',
		'GHL PUT /contacts/{contactId}/tasks/{taskId}',
		'GHL PUT /contacts/{contactId}/tasks/{taskId}/completed',
		'GHL GET /contacts/{contactId}/notes',
		'GHL POST /contacts/{contactId}/notes',
		'GHL PUT /contacts/{contactId}/notes/{id}',
	],
	description: [
		{
			displayName: 'Rankr Contact ID',
			name: 'rankrContactId',
			type: 'string',
			default: '={{ $json.contactId || $json.data?.contact?.id || $json.contact?.id || $json.id }}',
			required: true,
			placeholder: 'e.g. ctc_9fQ2LmX4',
			description: 'The Rankr contact to copy into GHL (works unchanged after a Rankr Trigger)',
		},
		{
			displayName: 'Statuses That Count as Complete',
			name: 'completeStatuses',
			type: 'multiOptions',
			options: [
				{ name: 'Complete', value: 'complete' },
				{ name: 'In Progress', value: 'in_progress' },
				{ name: 'In Review', value: 'in_review' },
				{ name: 'Pending', value: 'pending' },
			],
			default: ['complete'],
			description: 'A Rankr task with one of these statuses is completed in GHL; any other status reopens it',
		},
		{
			displayName: 'Rankr Deletions',
			name: 'ghlDeletions',
			type: 'options',
			options: [
				{ name: 'Soft Delete in GHL', value: 'softDelete', description: 'Tag the GHL contact and turn on Do Not Disturb; nothing is lost' },
				{ name: 'Keep in GHL', value: 'keep' },
				{ name: 'Hard Delete in GHL', value: 'delete', description: 'Delete the GHL contact for good, with all GHL holds for it' },
			],
			default: 'softDelete',
			description: 'What to do with the GHL contact when Rankr deleted the contact (or merged it into another)',
		},
		{
			displayName: 'Soft Delete Tag',
			name: 'softDeleteTag',
			type: 'string',
			default: 'deleted-in-rankr',
			description: 'The tag a soft-deleted GHL contact gets',
		},
		{
			displayName: 'GHL Contact ID of a Deleted Contact',
			name: 'ghlContactIdIfGone',
			type: 'string',
			default: "={{ (($json.contact || $json.data?.contact || {}).links || []).find(l => l.system === 'ghl')?.id || (($json.contact || $json.data?.contact || {}).externalRef || '').split(':')[2] || '' }}",
			description: 'Rankr forgets a deleted contact: the GHL contact to delete is read from the contact.deleted event',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const rankrContactId = requireValue(this, this.getNodeParameter('rankrContactId', i, ''), 'Rankr Contact ID', i);
		if (!/^ctc_[A-Za-z0-9]+$/.test(rankrContactId)) throw invalid(this, 'Rankr Contact ID', i, `"${rankrContactId.slice(0, 40)}" is not a Rankr contact ID`, 'Rankr contact IDs start with ctc_');
		const picked = this.getNodeParameter('completeStatuses', i, ['complete']) as unknown;
		const completeStatuses = (Array.isArray(picked) ? picked : [picked]).map((s) => checkEnum(this, s, STATUSES, 'Statuses That Count as Complete', i));
		const deletions = checkEnum(this, this.getNodeParameter('ghlDeletions', i, 'softDelete'), ['softDelete', 'keep', 'delete'] as const, 'Rankr Deletions', i);
		const softDeleteTag = requireValue(this, this.getNodeParameter('softDeleteTag', i, 'deleted-in-rankr'), 'Soft Delete Tag', i);
		const gone = String(this.getNodeParameter('ghlContactIdIfGone', i, '') ?? '').trim();
		return (await sync(this, i, { rankrContactId, completeStatuses, deletions, softDeleteTag, ...(gone ? { ghlContactIdIfGone: gone } : {}) })) as IDataObject;
	},
};
