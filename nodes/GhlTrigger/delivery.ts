import type { IDataObject } from 'n8n-workflow';

import { unwrapPayload } from './events';
import { secretsEqual, verifyEd25519, verifyRsaSha256 } from './signature';

/** How a delivery is judged; everything the node's settings decide. */
export interface DeliveryRules {
	source: 'marketplace' | 'workflowAction' | 'unverified';
	ed25519PublicKey: string;
	rsaPublicKey: string;
	secretHeader: string;
	secret: string;
	/** Location the event must be about; empty = any. */
	locationId: string;
	replayWindowSeconds: number;
	maxBytes: number;
}

export type Verdict =
	| { outcome: 'accept'; payload: IDataObject }
	| { outcome: 'duplicate'; payload: IDataObject }
	| { outcome: 'refuse'; status: 400 | 401 | 413; reason: string };

/** webhookIds seen recently, by arrival time (ms); kept in the workflow's static data. */
export type SeenIds = Record<string, number>;

const MAX_REMEMBERED = 1000;

function header(headers: Record<string, unknown>, name: string): string {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? '' : String(value);
}

/**
 * Decides what to do with one delivery, before any execution starts: authenticity first (signature or
 * shared secret over the raw bytes), then shape, location, freshness and duplicates.
 */
export function judgeDelivery(raw: Buffer, headers: Record<string, unknown>, rules: DeliveryRules, seen: SeenIds, now = Date.now()): Verdict {
	if (raw.length > rules.maxBytes) return { outcome: 'refuse', status: 413, reason: 'Body too large' };
	if (rules.source === 'marketplace') {
		const ed = header(headers, 'x-ghl-signature');
		const rsa = header(headers, 'x-wh-signature');
		if (!ed && !rsa) return { outcome: 'refuse', status: 401, reason: 'Missing signature header' };
		// The newer Ed25519 signature wins when present; the RSA one is GHL's legacy scheme.
		const ok = ed && rules.ed25519PublicKey ? verifyEd25519(raw, ed, rules.ed25519PublicKey) : verifyRsaSha256(raw, rsa, rules.rsaPublicKey);
		if (!ok) return { outcome: 'refuse', status: 401, reason: 'Invalid signature' };
	} else if (rules.source === 'workflowAction') {
		if (!secretsEqual(header(headers, rules.secretHeader), rules.secret)) return { outcome: 'refuse', status: 401, reason: 'Invalid secret' };
	}
	let body: unknown;
	try {
		body = JSON.parse(raw.toString('utf8'));
	} catch {
		return { outcome: 'refuse', status: 400, reason: 'Body is not JSON' };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) return { outcome: 'refuse', status: 400, reason: 'Body is not a JSON object' };
	const payload = unwrapPayload(body as IDataObject);
	if (rules.locationId && payload.locationId !== rules.locationId) return { outcome: 'refuse', status: 401, reason: 'Event is for another location' };
	if (payload.timestamp !== undefined && rules.replayWindowSeconds > 0) {
		const at = Date.parse(String(payload.timestamp));
		if (Number.isNaN(at) || Math.abs(now - at) > rules.replayWindowSeconds * 1000) {
			return { outcome: 'refuse', status: 401, reason: 'Timestamp outside the replay window' };
		}
	}
	const id = payload.webhookId === undefined ? undefined : String(payload.webhookId);
	if (id) {
		const horizon = now - Math.max(rules.replayWindowSeconds, 86_400) * 1000;
		for (const [known, at] of Object.entries(seen)) if (at < horizon) delete seen[known];
		if (seen[id] !== undefined) return { outcome: 'duplicate', payload };
		seen[id] = now;
		const ids = Object.keys(seen);
		if (ids.length > MAX_REMEMBERED) for (const old of ids.sort((a, b) => seen[a] - seen[b]).slice(0, ids.length - MAX_REMEMBERED)) delete seen[old];
	}
	return { outcome: 'accept', payload };
}
