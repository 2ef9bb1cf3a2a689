import type { IDataObject } from 'n8n-workflow';

import { omitKeys } from '../shared/omitKeys';
import { normaliseRecord, toIsoDate } from './normalise';

/** The GHL events the trigger offers, named as in GHL's webhook docs, with what each is about. */
export const GHL_EVENTS = {
	ContactCreate: 'contact',
	ContactUpdate: 'contact',
	ContactDelete: 'contact',
	ContactTagUpdate: 'contact',
	ContactDndUpdate: 'contact',
	TaskCreate: 'task',
	TaskComplete: 'task',
	TaskDelete: 'task',
	NoteCreate: 'note',
	NoteUpdate: 'note',
	NoteDelete: 'note',
	AppointmentCreate: 'appointment',
	AppointmentUpdate: 'appointment',
	AppointmentDelete: 'appointment',
} as const;

export type GhlEvent = keyof typeof GHL_EVENTS;
export type GhlRecordKind = (typeof GHL_EVENTS)[GhlEvent];

export const ALL_EVENTS = '*';

export function isGhlEvent(type: unknown): type is GhlEvent {
	return typeof type === 'string' && Object.prototype.hasOwnProperty.call(GHL_EVENTS, type);
}

/** Whether the node's Events setting asks for this event ('*' = all of the catalogue). */
export function isSelected(type: unknown, selected: string[]): type is GhlEvent {
	return isGhlEvent(type) && (selected.includes(ALL_EVENTS) || selected.includes(type));
}

/**
 * The event itself, whichever envelope it came in: GHL's flat payload, or `{data: {...}}` with the
 * envelope's `type`, `webhookId`, `timestamp` and `locationId` kept when the inner object lacks them.
 */
export function unwrapPayload(body: IDataObject): IDataObject {
	const data = body.data;
	if (!data || typeof data !== 'object' || Array.isArray(data) || (body.type && body.id)) return body;
	const inner = data as IDataObject;
	const envelope: IDataObject = {};
	for (const key of ['type', 'webhookId', 'timestamp', 'locationId']) {
		if (body[key] !== undefined && inner[key] === undefined) envelope[key] = body[key];
	}
	return { ...inner, ...envelope };
}

/** The location an event is about: GHL's `locationId`, or `location.id` in GHL Workflow webhooks. */
export function locationOf(payload: IDataObject): string | undefined {
	const direct = payload.locationId ?? payload.location_id;
	if (typeof direct === 'string' && direct) return direct;
	const nested = payload.location;
	if (nested && typeof nested === 'object' && typeof (nested as IDataObject).id === 'string') return String((nested as IDataObject).id);
	return undefined;
}

/**
 * One output item: what happened (`event`), where (`locationId`), to which records (`contactId`,
 * `taskId`, `noteId`, `appointmentId`), then the record's own fields, camelCase with ISO dates.
 */
export function normaliseEvent(payload: IDataObject, receivedAt = new Date()): IDataObject {
	const event = String(payload.type) as GhlEvent;
	const { webhookId, timestamp, appointment, ...rest } = omitKeys(payload, 'type', 'locationId');
	const kind = GHL_EVENTS[event];
	const record = normaliseRecord(kind === 'appointment' && appointment && typeof appointment === 'object' ? (appointment as IDataObject) : rest);
	const ids: IDataObject = {};
	if (kind === 'contact') ids.contactId = record.id ?? record.contactId;
	if (kind === 'task') Object.assign(ids, { taskId: record.id, contactId: record.contactId });
	if (kind === 'note') Object.assign(ids, { noteId: record.id, contactId: record.contactId });
	if (kind === 'appointment') Object.assign(ids, { appointmentId: record.id, contactId: record.contactId });
	const where = { event, locationId: locationOf(payload) ?? null };
	// `where` is repeated last so that no field of the record can overwrite it.
	return {
		...where,
		...ids,
		...record,
		...where,
		webhookId: webhookId === undefined ? null : String(webhookId),
		timestamp: toIsoDate(timestamp) ?? null,
		receivedAt: receivedAt.toISOString(),
	};
}
