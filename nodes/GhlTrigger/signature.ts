import { createHash, createPublicKey, timingSafeEqual, verify } from 'crypto';

/**
 * Signature checks for GHL webhooks: bytes in, boolean out. A malformed key, signature or body is simply
 * "not verified"; a forged request must never reach an exception path.
 */

/** Loads a PEM public key only if it is of the expected type, so an RSA key can never verify as Ed25519 or back. */
function publicKeyOf(pem: string, type: 'ed25519' | 'rsa') {
	try {
		const key = createPublicKey(pem);
		return key.asymmetricKeyType === type ? key : undefined;
	} catch {
		return undefined;
	}
}

function signatureBytes(signatureBase64: string): Buffer | undefined {
	const text = signatureBase64.trim();
	if (!text || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
	return Buffer.from(text, 'base64');
}

/** GHL's current scheme: `x-ghl-signature`, an Ed25519 signature (base64) of the raw body. */
export function verifyEd25519(rawBody: Buffer, signatureBase64: string, publicKeyPem: string): boolean {
	const key = publicKeyOf(publicKeyPem, 'ed25519');
	const signature = signatureBytes(signatureBase64 ?? '');
	if (!key || !signature || signature.length !== 64) return false;
	try {
		return verify(null, rawBody, key, signature);
	} catch {
		return false;
	}
}

/** GHL's legacy scheme: `x-wh-signature`, an RSA PKCS#1 v1.5 signature over SHA-256 of the raw body. */
export function verifyRsaSha256(rawBody: Buffer, signatureBase64: string, publicKeyPem: string): boolean {
	const key = publicKeyOf(publicKeyPem, 'rsa');
	const signature = signatureBytes(signatureBase64 ?? '');
	if (!key || !signature) return false;
	try {
		return verify('sha256', rawBody, key, signature);
	} catch {
		return false;
	}
}

/**
 * Constant-time comparison of a shared secret. Both sides are hashed first, so neither the content nor the
 * length of the expected secret leaks through timing. An empty expected secret never matches.
 */
export function secretsEqual(given: string, expected: string): boolean {
	if (!expected) return false;
	const a = createHash('sha256').update(given ?? '', 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/**
 * GHL's Ed25519 key for `x-ghl-signature`. It is not in the API docs bundled with this package: it is
 * published in GHL's Webhook Integration Guide (marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide).
 * Check it there; if GHL rotates it, paste the new key into the node's Options → Public Keys.
 */
export const GHL_ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----`;

/** GHL's RSA key for the legacy `x-wh-signature` header, from GHL's Webhook Authentication guide. */
export const GHL_RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----`;
