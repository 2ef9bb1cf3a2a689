import type { IDataObject } from 'n8n-workflow';

/** The GHL events the trigger offers, as named in GHL's webhook docs. */
export const GHL_EVENTS = [
	'ContactCreate',
	'ContactUpdate',
	'ContactDelete',
	'ContactTagUpdate',
	'ContactDndUpdate',
	'TaskCreate',
	'TaskComplete',
	'TaskDelete',
	'NoteCreate',
	'NoteUpdate',
	'NoteDelete',
	'AppointmentCreate',
	'AppointmentUpdate',
	'AppointmentDelete',
] as const;

export type GhlEvent = (typeof GHL_EVENTS)[number];

export function isGhlEvent(type: unknown): type is GhlEvent {
	return GHL_EVENTS.includes(type as GhlEvent);
}

/** GHL sends events flat, and some senders (and GHL's Workflow action) wrap them in `data`. */
export function unwrapPayload(body: IDataObject): IDataObject {
	if (body && typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data) && !body.type) {
		return { ...(body.data as IDataObject), ...(body.webhookId ? { webhookId: body.webhookId } : {}), ...(body.timestamp ? { timestamp: body.timestamp } : {}) };
	}
	return body;
}

/** One output item: what happened, where, to which records, then the record's own fields. */
export function normaliseEvent(payload: IDataObject): IDataObject {
	const event = String(payload.type);
	const { type: _type, webhookId, timestamp, locationId, ...fields } = payload;
	const ids: IDataObject = {};
	let record: IDataObject = fields;
	if (event.startsWith('Contact')) ids.contactId = fields.id;
	if (event.startsWith('Task')) Object.assign(ids, { taskId: fields.id, contactId: fields.contactId });
	if (event.startsWith('Note')) Object.assign(ids, { noteId: fields.id, contactId: fields.contactId });
	if (event.startsWith('Appointment')) {
		record = (fields.appointment as IDataObject) ?? {};
		Object.assign(ids, { appointmentId: record.id, contactId: record.contactId });
	}
	return { event, locationId, ...ids, ...record, receivedAt: new Date().toISOString(), ...(webhookId ? { webhookId } : {}), ...(timestamp ? { timestamp } : {}) };
}
