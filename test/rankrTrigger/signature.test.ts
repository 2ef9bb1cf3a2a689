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

describe.each([
	['a contact event', JSON.stringify({ id: 'dlv_1', type: 'contact.created', createdAt: '2026-11-22T10:00:00Z', data: { contact: { id: 'c1' } } })],
	['pretty-printed JSON', JSON.stringify({ id: 'dlv_2', type: 'note.created', data: { note: { body: 'x' } } }, null, 2)],
	['unicode and escapes', '{"name":"Zoë Ångström \\u2603 ☃","note":"line\\nbreak"}'],
	['an empty body', ''],
	['100 KB', JSON.stringify({ pad: 'p'.repeat(100_000) })],
])('Rankr signature over %s', (_name, body) => {
	const raw = Buffer.from(body);
	const flipped = Buffer.from(body.length ? body : ' ');
	flipped[flipped.length >> 1] ^= 0x01;

	it('verifies with the subscription secret only, and not once a byte changes', () => {
		expect(verifyRankrSignature(SECRET, header(NOW, raw), raw, NOW).ok).toBe(true);
		expect(verifyRankrSignature(SECRET, header(NOW, raw), flipped, NOW).ok).toBe(false);
		expect(verifyRankrSignature(SECRET, header(NOW, raw, 'whsec_other_secret'), raw, NOW).ok).toBe(false);
	});
});

describe('Rankr signature: malformed or forged headers never throw', () => {
	const v1 = createHmac('sha256', SECRET).update(`${NOW}.`).update(BODY).digest('hex');
	it.each([
		['a second t', `t=${NOW},t=${NOW},v1=${v1}`],
		['a fractional t', `t=${NOW}.5,v1=${v1}`],
		['a short v1', `t=${NOW},v1=${v1.slice(0, 63)}`],
		['a base64 v1', `t=${NOW},v1=${Buffer.from(v1, 'hex').toString('base64')}`],
		['a trailing comma', `t=${NOW},v1=${v1},`],
		['only an unknown scheme', `t=${NOW},v0=${v1}`],
		['the timestamp moved, the old v1 kept', `t=${NOW + 1},v1=${v1}`],
		['a number', 42],
		['an array', [`t=${NOW},v1=${v1}`]],
	])('%s', (_name, value) => {
		expect(() => verifyRankrSignature(SECRET, value, BODY, NOW)).not.toThrow();
		expect(verifyRankrSignature(SECRET, value, BODY, NOW).ok).toBe(false);
	});
});
