import type { IDataObject } from 'n8n-workflow';

import type { RankrDelivery } from './events';
import type { SignatureCheck } from './signature';
import { checkRankrSignature } from './signature';

export type RankrVerdict =
	| { outcome: 'accept'; delivery: RankrDelivery }
	| { outcome: 'refuse'; status: 400 | 401 | 413; reason: string };

export const MAX_BODY_BYTES = 1024 * 1024;

const signatureReasons: Record<Exclude<SignatureCheck, 'valid'>, string> = {
	malformed: 'Malformed Rankr-Signature header',
	stale: 'Rankr-Signature timestamp outside the 300 s tolerance',
	mismatch: 'Invalid signature',
};

function header(headers: Record<string, unknown>, name: string): string {
	const value = headers[name];
	if (Array.isArray(value)) return value.length ? String(value[0]) : '';
	return value === undefined || value === null ? '' : String(value);
}

function refuse(status: 400 | 401 | 413, reason: string): RankrVerdict {
	return { outcome: 'refuse', status, reason };
}

const isObject = (value: unknown): value is IDataObject => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * Decides, before any execution starts, whether a delivery may run the workflow: size, the signature over
 * the raw bytes, then the body's shape. The body is signed and the headers are not, so the body's `id` and
 * `type` are what count; a `Rankr-Delivery` or `Rankr-Event` header that disagrees is refused, so nobody can
 * slip a signed event past the duplicate check under another delivery id. Duplicates are the caller's.
 */
export function judgeRankrDelivery(raw: Buffer, headers: Record<string, unknown>, secret: string, now?: number): RankrVerdict {
	if (raw.length > MAX_BODY_BYTES) return refuse(413, `Body larger than ${MAX_BODY_BYTES} bytes`);
	const signature = header(headers, 'rankr-signature');
	if (!signature) return refuse(401, 'Missing Rankr-Signature header');
	const check = checkRankrSignature(raw, signature, secret, now);
	if (check !== 'valid') return refuse(401, signatureReasons[check]);

	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return refuse(400, 'Body is not JSON');
	}
	if (!isObject(body) || typeof body.id !== 'string' || !body.id || typeof body.type !== 'string' || !isObject(body.data)) {
		return refuse(400, 'Body is not a Rankr event (id, type, createdAt, data)');
	}
	const deliveryHeader = header(headers, 'rankr-delivery');
	if (deliveryHeader && deliveryHeader !== body.id) return refuse(400, 'Rankr-Delivery header does not match the event id');
	const eventHeader = header(headers, 'rankr-event');
	if (eventHeader && eventHeader !== body.type) return refuse(400, 'Rankr-Event header does not match the event type');
	return {
		outcome: 'accept',
		delivery: { id: body.id, type: body.type, createdAt: String(body.createdAt ?? ''), data: body.data },
	};
}
