import { readFailure, redact } from '../../nodes/shared/transport/errors';
import { ghlErrorMessage } from '../../nodes/shared/ghlApi';

describe('error mapping', () => {
	it("reads GHL's message as a string, a list, or OAuth's error_description", () => {
		expect(ghlErrorMessage({ statusCode: 400, message: 'Contact not found' })).toBe('Contact not found');
		expect(ghlErrorMessage({ statusCode: 422, message: ['email must be an email', 'phone is bad'] })).toBe(
			'email must be an email; phone is bad',
		);
		expect(ghlErrorMessage({ error: 'invalid_grant', error_description: 'Invalid refresh token' })).toBe('Invalid refresh token');
		expect(ghlErrorMessage(undefined)).toBeUndefined();
	});

	it('takes status, headers and body from the error n8n throws, never the request config', () => {
		const axiosLike = Object.assign(new Error('Request failed with status code 429'), {
			response: { status: 429, headers: { 'Retry-After': '2', 'X-RateLimit-Remaining': '0' }, data: { message: 'Too many' } },
			config: { headers: { Authorization: 'Bearer secret-token-123' } },
		});
		const failure = readFailure({ message: 'wrapped', cause: axiosLike });
		expect(failure.status).toBe(429);
		expect(failure.headers['retry-after']).toBe('2');
		expect(failure.body).toEqual({ message: 'Too many' });
		expect(JSON.stringify(failure)).not.toContain('secret-token-123');
	});

	it('redacts known secrets and any bearer token from text', () => {
		expect(redact('token pit-abc123 leaked', ['pit-abc123'])).toBe('token [redacted] leaked');
		expect(redact('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc', [])).toBe('Authorization: Bearer [redacted]');
	});
});
