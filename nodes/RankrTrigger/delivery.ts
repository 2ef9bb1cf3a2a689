import type { IDataObject } from 'n8n-workflow';

import { verifyRankrSignature } from './signature';

/** A delivery's body as the contract defines it (WebhookDelivery). */
export interface RankrDelivery extends IDataObject {
	id: string;
	type: string;
	createdAt: string | null;
	/** The system the change came from (`ghl`, `clio`, `rankr`); null when the body does not say. */
	origin: string | null;
	data: IDataObject;
}

export type RankrVerdict = { outcome: 'accept'; delivery: RankrDelivery } | { outcome: 'refuse'; status: 400 | 401 | 413; reason: string };

export const MAX_BODY_BYTES = 1024 * 1024;

const isObject = (value: unknown): value is IDataObject => !!value && typeof value === 'object' && !Array.isArray(value);

function header(headers: Record<string, unknown>, name: string): string {
	const value = headers[name];
	return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
}

const refuse = (status: 400 | 401 | 413, reason: string): RankrVerdict => ({ outcome: 'refuse', status, reason });

/**
 * Decides, before any execution starts, whether a delivery may run the workflow: size, the signature over
 * the raw bytes, then the body's shape. Only the body is signed, so its `id` and `type` are what count; a
 * `Rankr-Delivery` or `Rankr-Event` header that disagrees is refused, so a captured delivery cannot be
 * replayed under a new delivery ID to get past the duplicate check. Duplicates are the caller's.
 */
export function judgeRankrDelivery(raw: Buffer, headers: Record<string, unknown>, secret: string, now?: number): RankrVerdict {
	if (raw.length > MAX_BODY_BYTES) return refuse(413, `body larger than ${MAX_BODY_BYTES} bytes`);
	const signature = verifyRankrSignature(secret, headers['rankr-signature'], raw, now);
	if (!signature.ok) return refuse(401, signature.reason);

	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return refuse(400, 'body is not JSON');
	}
	if (!isObject(body) || typeof body.id !== 'string' || !body.id || typeof body.type !== 'string' || !isObject(body.data)) {
		return refuse(400, 'body is not a Rankr event (id, type, createdAt, data)');
	}
	const deliveryHeader = header(headers, 'rankr-delivery');
	if (deliveryHeader && deliveryHeader !== body.id) return refuse(400, 'Rankr-Delivery header does not match the event id');
	const eventHeader = header(headers, 'rankr-event');
	if (eventHeader && eventHeader !== body.type) return refuse(400, 'Rankr-Event header does not match the event type');
	const createdAt = typeof body.createdAt === 'string' ? body.createdAt : null;
	const origin = typeof body.origin === 'string' && body.origin ? body.origin : null;
	return { outcome: 'accept', delivery: { id: body.id, type: body.type, createdAt, origin, data: body.data } };
}

/** The systems a Rankr change can come from, for *Ignore Changes From*. */
export const ORIGINS = [
	{ name: 'Clio', value: 'clio', description: 'Changes made by Rankr\'s Clio connector' },
	{ name: 'GHL', value: 'ghl', description: 'Changes written with Rankr-Origin: ghl, such as GHL Rankr Sync\'s own writes' },
	{ name: 'Rankr', value: 'rankr', description: 'Changes made in Rankr itself: its users, rules and API calls without an origin' },
] as const;

/**
 * The loop guard: true when the delivery's change came from a system the user chose to ignore. A
 * delivery that does not say where its change came from is never ignored (nothing is lost by running it).
 */
export function ignoredOrigin(delivery: RankrDelivery, ignore: unknown): boolean {
	return delivery.origin !== null && Array.isArray(ignore) && ignore.includes(delivery.origin);
}

/**
 * One output item per Rankr event: what happened (`event`), which delivery, when, which system the change
 * came from (`origin`), the contact it is about
 * (`contactId`, whatever the event's shape), then the event's own data (`contact`, `task`, `note`, or the
 * score/tag/rule fields).
 */
export function eventItem(delivery: RankrDelivery): IDataObject {
	const { data } = delivery;
	const nested = (data.contact ?? data.task ?? data.note) as IDataObject | undefined;
	const contactId = data.contactId ?? (data.contact ? nested?.id : nested?.contactId) ?? null;
	return { event: delivery.type, deliveryId: delivery.id, createdAt: delivery.createdAt, origin: delivery.origin, contactId, ...data };
}

/**
 * The headers Include Headers adds: Rankr's own and the content's, nothing else. A proxy in front of n8n
 * may add Authorization, cookies or its own tokens, which must not land in execution data.
 */
export const INCLUDED_HEADERS = ['content-type', 'user-agent', 'rankr-event', 'rankr-delivery'] as const;

export function headersToInclude(headers: Record<string, unknown>): IDataObject {
	const out: IDataObject = {};
	for (const name of INCLUDED_HEADERS) {
		const value = header(headers, name);
		if (value) out[name] = value;
	}
	return out;
}
