import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Rankr's webhook signature, as pure functions: `Rankr-Signature: t=<unix seconds>,v1=<hex>` where the hex
 * is HMAC-SHA256, keyed with the subscription's secret, of `<t>.<raw body>`. Several `v1=` values may be
 * present during a secret rotation; one match is enough. A forged or mangled header is only ever "not
 * valid", never an exception.
 */
export const RANKR_SIGNATURE_TOLERANCE_SECONDS = 300;

/** More `v1=` values than any rotation needs is not a signature, it is a guessing attempt. */
const MAX_SIGNATURES = 8;

export type SignatureCheck = 'valid' | 'malformed' | 'stale' | 'mismatch';

export interface ParsedSignature {
	timestamp: number;
	signatures: Buffer[];
}

/** Reads `t=…,v1=…[,v1=…]`; unknown schemes (`v0=`…) are ignored, a bad `t` or `v1` makes it malformed. */
export function parseRankrSignature(header: string): ParsedSignature | undefined {
	let timestamp: number | undefined;
	const signatures: Buffer[] = [];
	for (const part of String(header ?? '').split(',')) {
		const at = part.indexOf('=');
		if (at <= 0) return undefined;
		const key = part.slice(0, at).trim();
		const value = part.slice(at + 1).trim();
		if (key === 't') {
			if (timestamp !== undefined || !/^\d{1,12}$/.test(value)) return undefined;
			timestamp = Number(value);
		} else if (key === 'v1') {
			if (!/^[0-9a-fA-F]{64}$/.test(value)) return undefined;
			signatures.push(Buffer.from(value, 'hex'));
		}
	}
	if (timestamp === undefined || signatures.length === 0 || signatures.length > MAX_SIGNATURES) return undefined;
	return { timestamp, signatures };
}

export function expectedRankrSignature(secret: string, rawBody: Buffer, timestamp: number): Buffer {
	return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody).digest();
}

/** Checks a delivery; `now` in unix seconds. An empty secret never verifies. */
export function checkRankrSignature(
	rawBody: Buffer,
	header: string,
	secret: string,
	now = Math.floor(Date.now() / 1000),
	toleranceSeconds = RANKR_SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
	const parsed = parseRankrSignature(header);
	if (!parsed) return 'malformed';
	if (Math.abs(now - parsed.timestamp) > toleranceSeconds) return 'stale';
	if (!secret) return 'mismatch';
	const expected = expectedRankrSignature(secret, rawBody, parsed.timestamp);
	// Every candidate is compared (no early exit), each in constant time.
	let matched = false;
	for (const candidate of parsed.signatures) matched = timingSafeEqual(candidate, expected) || matched;
	return matched ? 'valid' : 'mismatch';
}

export function verifyRankrSignature(rawBody: Buffer, header: string, secret: string, now?: number): boolean {
	return checkRankrSignature(rawBody, header, secret, now) === 'valid';
}
