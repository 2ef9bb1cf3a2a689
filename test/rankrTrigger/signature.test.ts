/**
 * Rankr's signature check as pure functions over a corpus of bodies: a valid signature verifies; a flipped
 * byte, another secret, a stale or future timestamp and every kind of mangled header fail without throwing.
 */
import { createHmac } from 'node:crypto';

import {
	checkRankrSignature,
	parseRankrSignature,
	RANKR_SIGNATURE_TOLERANCE_SECONDS,
	verifyRankrSignature,
} from '../../nodes/RankrTrigger/signature';
import { signRankrPayload } from '../../sandbox/rankr';

const SECRET = 'whsec_4v9QeT1pXw7Lm2Zc8Rb3Nd6Kf0Hs5Jy';
const OTHER = 'whsec_Zz9QeT1pXw7Lm2Zc8Rb3Nd6Kf0Hs5Jy';
const NOW = 1_795_000_000;

const hmac = (secret: string, t: number, body: string | Buffer) =>
	createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');

const corpus: Array<[string, string]> = [
	['a contact event', JSON.stringify({ id: 'dlv_1', type: 'contact.created', createdAt: '2026-11-22T10:00:00Z', data: { contact: { id: 'c1' } } })],
	['pretty-printed JSON', JSON.stringify({ id: 'dlv_2', type: 'note.created', data: { note: { body: 'x' } } }, null, 2)],
	['unicode and escapes', '{"name":"Zoë Ångström \\u2603 ☃","note":"line\\nbreak"}'],
	['an empty body', ''],
	['100 KB', JSON.stringify({ pad: 'p'.repeat(100_000) })],
];

function flipped(body: string): Buffer {
	const copy = Buffer.from(body.length ? body : ' ');
	copy[copy.length >> 1] ^= 0x01;
	return copy;
}

describe.each(corpus)('Rankr signatures over %s', (_name, body) => {
	const raw = Buffer.from(body);
	const header = signRankrPayload(SECRET, body, NOW);

	it('verifies the sandbox signer\'s header with the right secret', () => {
		expect(checkRankrSignature(raw, header, SECRET, NOW)).toBe('valid');
		expect(verifyRankrSignature(raw, header, SECRET, NOW)).toBe(true);
	});

	it('refuses a tampered body and another secret', () => {
		expect(checkRankrSignature(flipped(body), header, SECRET, NOW)).toBe('mismatch');
		expect(checkRankrSignature(Buffer.concat([raw, Buffer.from(' ')]), header, SECRET, NOW)).toBe('mismatch');
		expect(checkRankrSignature(raw, header, OTHER, NOW)).toBe('mismatch');
		expect(checkRankrSignature(raw, header, '', NOW)).toBe('mismatch');
	});
});

describe('Rankr signatures: the timestamp', () => {
	const body = '{"id":"dlv_1"}';
	const raw = Buffer.from(body);

	it('accepts up to 300 s either way and refuses beyond, even when the HMAC is right', () => {
		expect(RANKR_SIGNATURE_TOLERANCE_SECONDS).toBe(300);
		for (const offset of [-300, -1, 0, 1, 300]) {
			expect(checkRankrSignature(raw, signRankrPayload(SECRET, body, NOW + offset), SECRET, NOW)).toBe('valid');
		}
		expect(checkRankrSignature(raw, signRankrPayload(SECRET, body, NOW - 301), SECRET, NOW)).toBe('stale');
		expect(checkRankrSignature(raw, signRankrPayload(SECRET, body, NOW + 301), SECRET, NOW)).toBe('stale');
		expect(checkRankrSignature(raw, signRankrPayload(SECRET, body, 0), SECRET, NOW)).toBe('stale');
	});

	it('signs the timestamp: moving t to now with the old v1 fails', () => {
		const v1 = hmac(SECRET, NOW - 3600, body);
		expect(checkRankrSignature(raw, `t=${NOW},v1=${v1}`, SECRET, NOW)).toBe('mismatch');
	});

	it('uses the clock when no time is given', () => {
		const now = Math.floor(Date.now() / 1000);
		expect(verifyRankrSignature(raw, signRankrPayload(SECRET, body, now), SECRET)).toBe(true);
		expect(verifyRankrSignature(raw, signRankrPayload(SECRET, body, now - 3600), SECRET)).toBe(false);
	});
});

describe('Rankr signatures: several v1 values (secret rotation)', () => {
	const body = '{"id":"dlv_rot"}';
	const raw = Buffer.from(body);
	const current = hmac(SECRET, NOW, body);
	const previous = hmac(OTHER, NOW, body);

	it('one matching v1 is enough, in any position', () => {
		expect(checkRankrSignature(raw, `t=${NOW},v1=${previous},v1=${current}`, SECRET, NOW)).toBe('valid');
		expect(checkRankrSignature(raw, `t=${NOW},v1=${current},v1=${previous}`, SECRET, NOW)).toBe('valid');
		expect(checkRankrSignature(raw, `t=${NOW}, v1=${previous}, v1=${current}`, OTHER, NOW)).toBe('valid');
		expect(parseRankrSignature(`t=${NOW},v1=${previous},v1=${current}`)?.signatures).toHaveLength(2);
	});

	it('none matching fails', () => {
		const third = hmac('whsec_third', NOW, body);
		expect(checkRankrSignature(raw, `t=${NOW},v1=${previous},v1=${third}`, SECRET, NOW)).toBe('mismatch');
	});

	it('unknown schemes are ignored, but never stand in for v1', () => {
		expect(checkRankrSignature(raw, `t=${NOW},v0=abc,v1=${current}`, SECRET, NOW)).toBe('valid');
		expect(checkRankrSignature(raw, `t=${NOW},v0=${current}`, SECRET, NOW)).toBe('malformed');
	});
});

describe('Rankr signatures: malformed headers are refused without throwing', () => {
	const body = '{"id":"dlv_bad"}';
	const raw = Buffer.from(body);
	const v1 = hmac(SECRET, NOW, body);

	it.each([
		['empty', ''],
		['only a timestamp', `t=${NOW}`],
		['only a signature', `v1=${v1}`],
		['no key', `${NOW},${v1}`],
		['a second t', `t=${NOW},t=${NOW},v1=${v1}`],
		['a non-numeric t', `t=now,v1=${v1}`],
		['a negative t', `t=-${NOW},v1=${v1}`],
		['a fractional t', `t=${NOW}.5,v1=${v1}`],
		['a short v1', `t=${NOW},v1=${v1.slice(0, 63)}`],
		['a long v1', `t=${NOW},v1=${v1}0`],
		['a non-hex v1', `t=${NOW},v1=${'z'.repeat(64)}`],
		['a base64 v1', `t=${NOW},v1=${Buffer.from(v1, 'hex').toString('base64')}`],
		['an empty v1', `t=${NOW},v1=`],
		['a trailing comma', `t=${NOW},v1=${v1},`],
		['a sha1 length v1', `t=${NOW},v1=${'a'.repeat(40)}`],
		['nine v1 values', `t=${NOW}${`,v1=${v1}`.repeat(9)}`],
		['garbage', '\u0000\uffff=,=,'],
	])('%s', (_name, header) => {
		expect(checkRankrSignature(raw, header, SECRET, NOW)).toBe('malformed');
		expect(verifyRankrSignature(raw, header, SECRET, NOW)).toBe(false);
	});

	it('undefined or a non-string header is malformed, not an exception', () => {
		expect(checkRankrSignature(raw, undefined as unknown as string, SECRET, NOW)).toBe('malformed');
		expect(checkRankrSignature(raw, 42 as unknown as string, SECRET, NOW)).toBe('malformed');
	});

	it('upper-case hex is read as the same bytes', () => {
		expect(checkRankrSignature(raw, `t=${NOW},v1=${v1.toUpperCase()}`, SECRET, NOW)).toBe('valid');
	});
});
