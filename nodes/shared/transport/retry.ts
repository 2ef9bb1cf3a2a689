/** When a failed attempt may be sent again, and after how long. */

export interface RetrySettings {
	/** Attempts after the first one, for each kind of failure but a 429. */
	maxRetries: number;
	/**
	 * Attempts after a 429 (counted apart): waiting fixes a 429, so a request waits its turn many times
	 * before a user sees one; the pacer's share shrinks on each, so they do not repeat for long.
	 */
	maxRateLimitRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Per-attempt time limit; a slow answer past it counts as a network error. */
	timeoutMs: number;
}

/** Process-wide defaults; tests and benchmarks may shrink them. */
export const retrySettings: RetrySettings = {
	maxRetries: 6,
	maxRateLimitRetries: 20,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	timeoutMs: 60_000,
};

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export type FailureKind = 'rateLimited' | 'transient' | 'network' | 'final';

export function classifyFailure(status: number | undefined, code: string | undefined, message: string): FailureKind {
	if (status === 429) return 'rateLimited';
	if (status !== undefined && TRANSIENT_STATUS.has(status)) return 'transient';
	if (status === undefined) {
		if ((code && NETWORK_CODES.has(code)) || /socket hang up|timeout|network/i.test(message)) return 'network';
	}
	return 'final';
}

/**
 * A 429 was not acted on, and a refused connection never reached the server, so both are always safe to
 * send again; a 5xx or a dropped connection may have been acted on, so only idempotent requests retry.
 */
export function mayRetry(kind: FailureKind, code: string | undefined, idempotent: boolean): boolean {
	if (kind === 'rateLimited') return true;
	if (kind === 'network' && code === 'ECONNREFUSED') return true;
	if (kind === 'transient' || kind === 'network') return idempotent;
	return false;
}

/** Exponential backoff with jitter (half fixed, half random) so parallel callers spread out; bounded by maxDelayMs. */
export function backoffMs(attempt: number, settings: RetrySettings = retrySettings, random = Math.random): number {
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * After a 429 without Retry-After, how long the refused request waits before asking for a slot again:
 * random, so the processes that were refused together do not all come back together, and growing with
 * each 429 of the same request (a quarter interval, half, then up to one interval).
 */
export function rateLimitJitterMs(limitedCount: number, intervalMs: number, random = Math.random): number {
	const spread = intervalMs * Math.min(1, 2 ** (limitedCount - 1) / 4);
	return Math.round(random() * spread);
}

/**
 * What a request does after its `limitedCount`-th 429. A Retry-After pauses every caller on the key (GHL
 * does not document sending it), spread by a part of that pause so processes told the same time do not
 * resume together. Without it, a full window (Remaining 0) means our slot comes back when one of ours
 * expires: the request alone waits a random spread of the window, so processes refused together come back
 * apart. A 429 while the count shows room is not the window (a burst guard, a proxy): a short backoff.
 */
export function afterRateLimit(
	limitedCount: number,
	intervalMs: number,
	retryAfterMs: number | undefined,
	remaining: number | undefined,
	random = Math.random,
): { holdKeyMs?: number; waitMs: number } {
	if (retryAfterMs !== undefined) return { holdKeyMs: retryAfterMs + rateLimitJitterMs(limitedCount, retryAfterMs, random), waitMs: 0 };
	if (remaining === 0) return { waitMs: rateLimitJitterMs(limitedCount, intervalMs, random) };
	return { waitMs: backoffMs(limitedCount - 1, retrySettings, random) };
}
