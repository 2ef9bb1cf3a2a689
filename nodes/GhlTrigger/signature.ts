import { timingSafeEqual, verify } from 'crypto';

/**
 * Signature checks for GHL webhooks: bytes in, boolean out. Any malformed key or signature is simply
 * "not verified" — a forged request must never turn into an exception path.
 */
export function verifyEd25519(rawBody: Buffer, signatureBase64: string, publicKeyPem: string): boolean {
	if (!signatureBase64 || !publicKeyPem) return false;
	try {
		return verify(null, rawBody, publicKeyPem, Buffer.from(signatureBase64, 'base64'));
	} catch {
		return false;
	}
}

export function verifyRsaSha256(rawBody: Buffer, signatureBase64: string, publicKeyPem: string): boolean {
	if (!signatureBase64 || !publicKeyPem) return false;
	try {
		return verify('sha256', rawBody, publicKeyPem, Buffer.from(signatureBase64, 'base64'));
	} catch {
		return false;
	}
}

/** Constant-time comparison of a shared secret (lengths are compared first, which reveals only length). */
export function secretsEqual(given: string, expected: string): boolean {
	if (!expected) return false;
	const a = Buffer.from(given ?? '', 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** GHL's RSA key for the legacy `x-wh-signature` header, as published in GHL's webhook authentication docs. */
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
