import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ghlRequest } from '../shared/ghlApi';
import type { RequestContext } from '../shared/transport/types';
import { apiPath } from '../shared/transport/path';
import type { GhlEvent } from './events';
import { GHL_EVENTS } from './events';
import { normaliseRecord } from './normalise';

/** GHL answers 400 "… not found" (SPEC-QUIRKS 9), or 404, for a record deleted since the event. */
function isNotFound(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return error.httpCode === '404' || (error.httpCode === '400' && /not found/i.test(error.message));
}

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
 * is thrown, so GHL gets an error and delivers again.
 */
export async function fetchLatest(ctx: RequestContext, item: IDataObject): Promise<IDataObject> {
	if (String(item.event).endsWith('Delete')) return { latest: null };
	let failure: unknown;
	try {
		const record = await read(ctx, item);
		return record ? { latest: normaliseRecord(record) } : { latest: null, latestMissing: true };
	} catch (error) {
		if (isNotFound(error)) return { latest: null, latestMissing: true };
		failure = error;
	}
	// The transport's errors already carry GHL's status and message; anything else gets the node attached.
	throw failure instanceof NodeApiError || failure instanceof NodeOperationError ? failure : new NodeOperationError(ctx.getNode(), failure as Error);
}
