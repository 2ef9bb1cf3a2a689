/**
 * The signature checks as pure functions, over a corpus of bodies: every valid signature verifies, and
 * every kind of tampering (a flipped byte, another key, another algorithm, a mangled signature) fails
 * without throwing.
 */
import { createPublicKey, createSign, generateKeyPairSync, sign } from 'node:crypto';

import {
	GHL_ED25519_PUBLIC_KEY,
	GHL_RSA_PUBLIC_KEY,
	secretsEqual,
	verifyEd25519,
	verifyRsaSha256,
} from '../../nodes/GhlTrigger/signature';

/** A key pair as PEM strings, the form users paste into the node. */
function pemPair(type: 'ed25519' | 'rsa', modulusLength = 2048): { publicKey: string; privateKey: string } {
	const pair = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength });
	return {
		publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
	};
}
const ed = pemPair('ed25519');
const otherEd = pemPair('ed25519');
const rsa = pemPair('rsa');
const otherRsa = pemPair('rsa');

const edSign = (body: Buffer, key = ed.privateKey) => sign(null, body, key).toString('base64');
const rsaSign = (body: Buffer, key = rsa.privateKey) => createSign('sha256').update(body).end().sign(key, 'base64');

const corpus: Array<[string, Buffer]> = [
	['a GHL contact event', Buffer.from(JSON.stringify({ type: 'ContactCreate', locationId: 'loc', id: 'c1', email: 'a@b.co' }))],
	['pretty-printed JSON', Buffer.from(JSON.stringify({ type: 'NoteCreate', body: 'x' }, null, 2))],
	['unicode and escapes', Buffer.from('{"name":"Zoë Ångström \\u2603 ☃","note":"line\\nbreak"}')],
	['an empty object', Buffer.from('{}')],
	['an empty body', Buffer.alloc(0)],
	['binary bytes', Buffer.from([0, 255, 1, 254, 10, 13])],
	['100 KB', Buffer.from(JSON.stringify({ pad: 'p'.repeat(100_000) }))],
];

function flipped(body: Buffer): Buffer {
	if (body.length === 0) return Buffer.from(' ');
	const copy = Buffer.from(body);
	copy[copy.length >> 1] ^= 0x01;
	return copy;
}

describe.each(corpus)('signatures over %s', (_name, body) => {
	it('Ed25519: verifies with the right key only', () => {
		const signature = edSign(body);
		expect(verifyEd25519(body, signature, ed.publicKey)).toBe(true);
		expect(verifyEd25519(flipped(body), signature, ed.publicKey)).toBe(false);
		expect(verifyEd25519(body, signature, otherEd.publicKey)).toBe(false);
		expect(verifyEd25519(body, edSign(body, otherEd.privateKey), ed.publicKey)).toBe(false);
		expect(verifyEd25519(body, signature, GHL_ED25519_PUBLIC_KEY)).toBe(false);
	});

	it('RSA-SHA256: verifies with the right key only', () => {
		const signature = rsaSign(body);
		expect(verifyRsaSha256(body, signature, rsa.publicKey)).toBe(true);
		expect(verifyRsaSha256(flipped(body), signature, rsa.publicKey)).toBe(false);
		expect(verifyRsaSha256(body, signature, otherRsa.publicKey)).toBe(false);
		expect(verifyRsaSha256(body, rsaSign(body, otherRsa.privateKey), rsa.publicKey)).toBe(false);
		expect(verifyRsaSha256(body, signature, GHL_RSA_PUBLIC_KEY)).toBe(false);
	});

	it('never lets one algorithm or key type stand in for the other', () => {
		expect(verifyEd25519(body, rsaSign(body), rsa.publicKey)).toBe(false);
		expect(verifyRsaSha256(body, edSign(body), ed.publicKey)).toBe(false);
		expect(verifyEd25519(body, edSign(body), rsa.publicKey)).toBe(false);
		expect(verifyRsaSha256(body, rsaSign(body), ed.publicKey)).toBe(false);
	});
});

describe('key confusion', () => {
	it('an RSA key pasted into the Ed25519 field never verifies, even with a 64-byte RSA signature', () => {
		const small = pemPair('rsa', 512);
		const body = Buffer.from('{"type":"ContactCreate"}');
		const rsaRaw = sign(null, body, small.privateKey);
		expect(rsaRaw).toHaveLength(64);
		expect(verifyEd25519(body, rsaRaw.toString('base64'), small.publicKey)).toBe(false);
	});
});

describe('malformed inputs are "not verified", never an exception', () => {
	const body = Buffer.from('{"type":"ContactCreate"}');
	const good = edSign(body);
	const cases: Array<[string, string, string]> = [
		['empty signature', '', ed.publicKey],
		['not base64', '!!!not-base64!!!', ed.publicKey],
		['truncated signature', good.slice(0, 40), ed.publicKey],
		['signature with a flipped character', (good[0] === 'A' ? 'B' : 'A') + good.slice(1), ed.publicKey],
		['65 bytes', Buffer.concat([Buffer.from(good, 'base64'), Buffer.from([0])]).toString('base64'), ed.publicKey],
		['empty key', good, ''],
		['garbage key', good, '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----'],
		['a private key where a public key belongs', good, ed.privateKey.replace(/PRIVATE/g, 'PUBLIC')],
	];
	it.each(cases)('Ed25519: %s', (_name, signature, key) => {
		expect(() => verifyEd25519(body, signature, key)).not.toThrow();
		expect(verifyEd25519(body, signature, key)).toBe(false);
	});
	it.each(cases)('RSA: %s', (_name, signature, key) => {
		const rsaCaseSig = signature === good ? rsaSign(body) : signature;
		const rsaKey = key === ed.publicKey ? rsa.publicKey : key;
		expect(() => verifyRsaSha256(body, rsaCaseSig, rsaKey)).not.toThrow();
		expect(verifyRsaSha256(body, rsaCaseSig, rsaKey)).toBe(false);
	});
});

describe('the built-in GHL keys', () => {
	it('are an Ed25519 and an RSA public key (a typo would make every event fail)', () => {
		expect(createPublicKey(GHL_ED25519_PUBLIC_KEY).asymmetricKeyType).toBe('ed25519');
		const rsaKey = createPublicKey(GHL_RSA_PUBLIC_KEY);
		expect(rsaKey.asymmetricKeyType).toBe('rsa');
		expect(rsaKey.asymmetricKeyDetails?.modulusLength).toBe(4096);
	});
});

describe('secretsEqual', () => {
	it.each([
		['the same secret', 's3cret-Value-0123456789', 's3cret-Value-0123456789', true],
		['a different secret of the same length', 's3cret-Value-0123456789', 's3cret-Value-0123456780', false],
		['a prefix', 's3cret', 's3cret-Value-0123456789', false],
		['a longer value', 's3cret-Value-0123456789-and-more', 's3cret-Value-0123456789', false],
		['different case', 'S3CRET-VALUE', 's3cret-value', false],
		['an empty header', '', 's3cret', false],
		['an empty expected secret (never matches, even empty)', '', '', false],
		['unicode', 'pässwörd-☃', 'pässwörd-☃', true],
	])('%s', (_name, given, expected, result) => {
		expect(secretsEqual(given, expected)).toBe(result);
	});
});
