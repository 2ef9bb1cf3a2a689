import type { IDataObject } from 'n8n-workflow';

import { isNotFound, nodeError } from '../shared/apiErrors';
import { ghlRequest } from '../shared/ghlApi';
import type { RequestContext } from '../shared/transport/types';
import { apiPath } from '../shared/transport/path';
import type { GhlEvent } from './events';
import { GHL_EVENTS } from './events';
import { normaliseRecord } from './normalise';

async function read(ctx: RequestContext, item: IDataObject): Promise<IDataObject | null> {
	const kind = GHL_EVENTS[item.event as GhlEvent];
	const contactId = String(item.contactId ?? '');
	if (!contactId) return null;
	if (kind === 'contact') {
		const [contact, tasks, notes] = await Promise.all([
			ghlRequest<{ contact: IDataObject }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}` }),
			ghlRequest<{ tasks?: IDataObject[] }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks` }),
			ghlRequest<{ notes?: IDataObject[] }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/notes` }),
		]);
		return { ...contact.contact, tasks: tasks.tasks ?? [], notes: notes.notes ?? [] };
	}
	if (kind === 'task') {
		const response = await ghlRequest<{ task: IDataObject }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks/${String(item.taskId)}` });
		return response.task;
	}
	if (kind === 'note') {
		const response = await ghlRequest<{ note: IDataObject }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/notes/${String(item.noteId)}` });
		return response.note;
	}
	const response = await ghlRequest<{ events?: IDataObject[] }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/appointments` });
	return (response.events ?? []).find((e) => e.id === item.appointmentId) ?? null;
}

/**
 * The record as it is now (an event carries a snapshot that may be partial or already stale): the
 * contact with its tasks and notes, the task, the note, or the appointment. Delete events have nothing
 * to read. A record deleted meanwhile gives `latest: null` and `latestMissing: true`; any other failure
 * (a GHL 5xx or a timeout, once the transport's retries are spent) is thrown, and the trigger answers 429
 * so that GHL delivers the event again.
 */
export async function fetchLatest(ctx: RequestContext, item: IDataObject): Promise<IDataObject> {
	if (String(item.event).endsWith('Delete')) return { latest: null };
	try {
		const record = await read(ctx, item);
		return record ? { latest: normaliseRecord(record) } : { latest: null, latestMissing: true };
	} catch (error) {
		// A record deleted since the event is an answer, not a failure.
		if (isNotFound(error)) return { latest: null, latestMissing: true };
		throw nodeError(ctx.getNode(), error);
	}
}
