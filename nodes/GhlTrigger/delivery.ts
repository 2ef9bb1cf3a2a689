import type { IDataObject } from 'n8n-workflow';

import { locationOf, unwrapPayload } from './events';
import { toIsoDate } from './normalise';
import { secretsEqual, verifyEd25519, verifyRsaSha256 } from './signature';

export type Source = 'marketplace' | 'workflowAction' | 'unverified';

/** How a delivery is judged; everything the node's settings decide. */
export interface DeliveryRules {
	source: Source;
	ed25519PublicKey: string;
	rsaPublicKey: string;
	/** Lower-case header name carrying the shared secret (workflowAction). */
	secretHeader: string;
	secret: string;
	/** The location events must be about; empty = any location. */
	locationId: string;
	/** 0 turns the timestamp check off. */
	replayWindowMs: number;
	maxBytes: number;
}

export type VerifiedBy = 'ed25519' | 'rsa' | 'secret' | 'none';

export type Verdict =
	| { outcome: 'accept'; payload: IDataObject; body: IDataObject; verifiedBy: VerifiedBy }
	| { outcome: 'refuse'; status: 400 | 401 | 413; reason: string }
	/** Genuine, but not for this trigger: answered 2xx so GHL does not retry it, and nothing runs. */
	| { outcome: 'ignore'; payload: IDataObject; reason: string };

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * GHL re-sends a Marketplace webhook only after a 429 (the same payload, every 10 minutes with jitter, at
 * most six times, about 1 h 10 min in all); any other status is final. So the default window takes a
 * last retry with room for jitter and clock skew, and whatever keeps the trigger from taking an event
 * answers 429 (GhlTrigger/webhook.ts): a 5xx would lose it.
 */
export const DEFAULT_REPLAY_WINDOW_MINUTES = 90;

function header(headers: Record<string, unknown>, name: string): string {
	const value = headers[name.toLowerCase()];
	if (Array.isArray(value)) return value.length ? String(value[0]) : '';
	return value === undefined || value === null ? '' : String(value);
}

function refuse(status: 400 | 401 | 413, reason: string): Verdict {
	return { outcome: 'refuse', status, reason };
}

/** Who sent it: GHL's signature (Ed25519 first, then legacy RSA), the shared secret, or nobody checked. */
function authenticate(raw: Buffer, headers: Record<string, unknown>, rules: DeliveryRules): VerifiedBy | Verdict {
	if (rules.source === 'unverified') return 'none';
	if (rules.source === 'workflowAction') {
		return secretsEqual(header(headers, rules.secretHeader), rules.secret) ? 'secret' : refuse(401, 'Invalid or missing secret');
	}
	const ed = header(headers, 'x-ghl-signature');
	const rsa = header(headers, 'x-wh-signature');
	if (!ed && !rsa) return refuse(401, 'Missing signature header');
	if (ed && verifyEd25519(raw, ed, rules.ed25519PublicKey)) return 'ed25519';
	if (rsa && verifyRsaSha256(raw, rsa, rules.rsaPublicKey)) return 'rsa';
	return refuse(401, 'Invalid signature');
}

/** Milliseconds of an event timestamp (ISO string, or epoch seconds/milliseconds); NaN if unreadable. */
function timestampMs(value: unknown): number {
	const iso = toIsoDate(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
	return iso ? Date.parse(iso) : Number.NaN;
}

/**
 * Decides, before any execution starts, whether a delivery may run the workflow: size, then authenticity
 * over the raw bytes, then shape, location and freshness. Duplicates are the caller's (they need state).
 * The replay window must outlast GHL's retries (after a 429 only: six, ten minutes apart with jitter).
 */
export function judgeDelivery(raw: Buffer, headers: Record<string, unknown>, rules: DeliveryRules, now = Date.now()): Verdict {
	if (raw.length > rules.maxBytes) return refuse(413, `Body larger than ${rules.maxBytes} bytes`);
	const verifiedBy = authenticate(raw, headers, rules);
	if (typeof verifiedBy !== 'string') return verifiedBy;

	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return refuse(400, 'Body is not JSON');
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse(400, 'Body is not a JSON object');
	const payload = unwrapPayload(body as IDataObject);

	// A Marketplace app's one URL receives every location's events: another location's is not an attack.
	if (rules.locationId && locationOf(payload) !== rules.locationId) return { outcome: 'ignore', payload, reason: 'event for another location' };
	if (payload.timestamp !== undefined && payload.timestamp !== null && rules.replayWindowMs > 0) {
		const at = timestampMs(payload.timestamp);
		if (Number.isNaN(at) || Math.abs(now - at) > rules.replayWindowMs) return refuse(401, 'Timestamp outside the replay window');
	}
	return { outcome: 'accept', payload, body: body as IDataObject, verifiedBy };
}
