import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Rankr signs every delivery: `Rankr-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`,
 * several v1 values while a secret is being rotated. A signature older or newer than the tolerance is
 * refused, so a captured delivery cannot be replayed later.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureVerdict = { ok: true; timestamp: number } | { ok: false; reason: string };

export function parseSignatureHeader(header: unknown): { timestamp: number; signatures: string[] } | undefined {
	if (typeof header !== 'string' || header.length > 2000) return undefined;
	let timestamp: number | undefined;
	const signatures: string[] = [];
	for (const part of header.split(',')) {
		const [key, value, ...rest] = part.trim().split('=');
		if (rest.length || value === undefined) return undefined;
		if (key === 't') {
			if (!/^\d{1,12}$/.test(value) || timestamp !== undefined) return undefined;
			timestamp = Number(value);
		} else if (key === 'v1') {
			if (!/^[0-9a-f]{64}$/.test(value)) return undefined;
			signatures.push(value);
		}
		// Other schemes (v0, v2…) are skipped, as the contract allows new ones to be added.
	}
	if (timestamp === undefined || !signatures.length) return undefined;
	return { timestamp, signatures };
}

export function verifyRankrSignature(
	secret: string,
	header: unknown,
	rawBody: Buffer,
	nowSeconds = Math.floor(Date.now() / 1000),
	toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureVerdict {
	if (!secret) return { ok: false, reason: 'the trigger holds no signing secret: deactivate and activate the workflow again' };
	const parsed = parseSignatureHeader(header);
	if (!parsed) return { ok: false, reason: 'missing or malformed Rankr-Signature header' };
	if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'signature timestamp outside the tolerance' };
	const expected = createHmac('sha256', secret).update(`${parsed.timestamp}.`).update(rawBody).digest();
	const matches = parsed.signatures.some((hex) => {
		const given = Buffer.from(hex, 'hex');
		return given.length === expected.length && timingSafeEqual(given, expected);
	});
	return matches ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: 'signature does not match' };
}
