import { backoffMs, classifyFailure, mayRetry, parseRetryAfter } from '../../nodes/shared/transport/retry';

describe('retry policy', () => {
	it.each([
		[429, undefined, 'rateLimited'],
		[500, undefined, 'transient'],
		[502, undefined, 'transient'],
		[503, undefined, 'transient'],
		[504, undefined, 'transient'],
		[400, undefined, 'final'],
		[401, undefined, 'final'],
		[404, undefined, 'final'],
		[422, undefined, 'final'],
		[undefined, 'ECONNRESET', 'network'],
		[undefined, 'ETIMEDOUT', 'network'],
		[undefined, 'ECONNREFUSED', 'network'],
	] as const)('status %s / code %s is %s', (status, code, kind) => {
		expect(classifyFailure(status, code, 'x')).toBe(kind);
	});

	it('retries a 429 always, a 5xx or reset only when the request is idempotent', () => {
		expect(mayRetry('rateLimited', undefined, false)).toBe(true);
		expect(mayRetry('transient', undefined, false)).toBe(false);
		expect(mayRetry('transient', undefined, true)).toBe(true);
		expect(mayRetry('network', 'ECONNRESET', false)).toBe(false);
		expect(mayRetry('network', 'ECONNRESET', true)).toBe(true);
		// A refused connection never reached the server: safe even for a create.
		expect(mayRetry('network', 'ECONNREFUSED', false)).toBe(true);
		expect(mayRetry('final', undefined, true)).toBe(false);
	});

	it('backs off exponentially with jitter and a ceiling', () => {
		const settings = { maxRetries: 5, maxRateLimitRetries: 20, baseDelayMs: 100, maxDelayMs: 1000, timeoutMs: 1000 };
		expect(backoffMs(0, settings, () => 0)).toBe(50);
		expect(backoffMs(0, settings, () => 1)).toBe(100);
		expect(backoffMs(3, settings, () => 1)).toBe(800);
		expect(backoffMs(10, settings, () => 1)).toBe(1000);
		expect(backoffMs(10, settings, () => 0)).toBe(500);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfter('2')).toBe(2000);
		expect(parseRetryAfter(1)).toBe(1000);
		expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});
