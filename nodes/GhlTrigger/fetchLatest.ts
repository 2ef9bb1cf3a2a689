import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { ghlRequest } from '../shared/ghlApi';
import { apiPath } from '../shared/transport/path';

/** The current state of the record an event is about (events carry a snapshot that may be stale or partial). */
export async function fetchLatest(ctx: IWebhookFunctions, item: IDataObject): Promise<IDataObject | null> {
	const event = String(item.event);
	if (event.endsWith('Delete')) return null;
	const contactId = String(item.contactId ?? '');
	if (event.startsWith('Contact')) {
		const [contact, tasks, notes] = await Promise.all([
			ghlRequest<IDataObject>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}` }),
			ghlRequest<IDataObject>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks` }),
			ghlRequest<IDataObject>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/notes` }),
		]);
		return { ...(contact.contact as IDataObject), tasks: tasks.tasks, notes: notes.notes };
	}
	if (event.startsWith('Task')) {
		return (await ghlRequest<IDataObject>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks/${String(item.taskId)}` })).task as IDataObject;
	}
	if (event.startsWith('Note')) {
		return (await ghlRequest<IDataObject>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/notes/${String(item.noteId)}` })).note as IDataObject;
	}
	return null;
}
