import { createHmac } from 'node:crypto';

import { parseSignatureHeader, verifyRankrSignature } from '../../nodes/RankrTrigger/signature';
import { signRankrPayload } from '../../sandbox/rankr';

const SECRET = 'whsec_0123456789abcdefghijklmnop';
const BODY = Buffer.from('{"id":"dlv_1","type":"contact.created","createdAt":"2026-11-22T10:00:00.000Z","data":{}}');
const NOW = 1_795_000_000;
const header = (t = NOW, body = BODY, secret = SECRET) => signRankrPayload(secret, body.toString('utf8'), t);

describe('Rankr signature check', () => {
	it('accepts what the sandbox (the contract) signs', () => {
		expect(verifyRankrSignature(SECRET, header(), BODY, NOW)).toEqual({ ok: true, timestamp: NOW });
	});

	it('accepts any one of several v1 signatures (secret rotation) and ignores unknown schemes', () => {
		const good = header().split('v1=')[1];
		const mixed = `t=${NOW},v0=abc,v1=${'0'.repeat(64)},v1=${good}`;
		expect(verifyRankrSignature(SECRET, mixed, BODY, NOW).ok).toBe(true);
	});

	it.each([
		['a tampered body', () => verifyRankrSignature(SECRET, header(), Buffer.from(BODY.toString().replace('contact.created', 'contact.deleted')), NOW)],
		['another secret', () => verifyRankrSignature('whsec_other', header(), BODY, NOW)],
		['a signature 301 s old', () => verifyRankrSignature(SECRET, header(NOW - 301), BODY, NOW)],
		['a signature 301 s in the future', () => verifyRankrSignature(SECRET, header(NOW + 301), BODY, NOW)],
		['no header', () => verifyRankrSignature(SECRET, undefined, BODY, NOW)],
		['an empty secret (never subscribed)', () => verifyRankrSignature('', header(), BODY, NOW)],
		['an HMAC over the body alone', () => verifyRankrSignature(SECRET, `t=${NOW},v1=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`, BODY, NOW)],
	])('refuses %s', (_name, verdict) => {
		expect(verdict().ok).toBe(false);
	});

	it('keeps the 300 s edge inclusive', () => {
		expect(verifyRankrSignature(SECRET, header(NOW - 300), BODY, NOW).ok).toBe(true);
	});

	it.each(['', 't=1', 'v1=' + 'a'.repeat(64), `t=x,v1=${'a'.repeat(64)}`, `t=1,t=2,v1=${'a'.repeat(64)}`, `t=1,v1=${'A'.repeat(64)}`, `t=1,v1=abc`, `t=1,v1=${'a'.repeat(64)}=`, 'x'.repeat(3000)])(
		'does not parse the malformed header %p',
		(value) => {
			expect(parseSignatureHeader(value)).toBeUndefined();
		},
	);
});
