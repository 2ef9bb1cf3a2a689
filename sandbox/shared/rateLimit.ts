/**
 * A sliding-window limiter, the strictest reading of "max requests per interval": a request is served
 * only if fewer than `max` served requests arrived in the interval before it.
 */
export interface RateLimitSettings {
	max: number;
	intervalMs: number;
	dailyMax: number;
}

export class SlidingWindowLimiter {
	private readonly arrivals = new Map<string, number[]>();
	private readonly daily = new Map<string, number>();
	private day = '';

	/**
	 * `today` names the current day of the daily quota (default: the UTC date of the request). GHL does
	 * not document its day boundary; the sandbox resets at UTC midnight, the boundary the transport assumes.
	 */
	constructor(
		public settings: RateLimitSettings | false,
		private readonly today: (now: number) => string = (now) => new Date(now).toISOString().slice(0, 10),
	) {}

	/** Counts the request if allowed. Returns what the headers should say. */
	take(key: string, now: number): { allowed: boolean; remaining: number; retryAfterMs: number; dailyRemaining: number; dailyExhausted: boolean } {
		const s = this.settings;
		if (!s) return { allowed: true, remaining: 0, retryAfterMs: 0, dailyRemaining: 0, dailyExhausted: false };
		const day = this.today(now);
		if (day !== this.day) {
			this.day = day;
			this.daily.clear();
		}
		const list = this.arrivals.get(key) ?? [];
		while (list.length && list[0] <= now - s.intervalMs) list.shift();
		const usedToday = this.daily.get(key) ?? 0;
		if (usedToday >= s.dailyMax) {
			return { allowed: false, remaining: Math.max(0, s.max - list.length), retryAfterMs: 86_400_000, dailyRemaining: 0, dailyExhausted: true };
		}
		if (list.length >= s.max) {
			this.arrivals.set(key, list);
			return { allowed: false, remaining: 0, retryAfterMs: list[0] + s.intervalMs - now, dailyRemaining: s.dailyMax - usedToday, dailyExhausted: false };
		}
		list.push(now);
		this.arrivals.set(key, list);
		this.daily.set(key, usedToday + 1);
		return { allowed: true, remaining: s.max - list.length, retryAfterMs: 0, dailyRemaining: s.dailyMax - usedToday - 1, dailyExhausted: false };
	}

	/** Milliseconds until the oldest counted request leaves the window (0 when none is counted). */
	msUntilOldestExpires(key: string, now: number): number {
		const s = this.settings;
		const oldest = this.arrivals.get(key)?.find((t) => t > now - (s ? s.intervalMs : 0));
		return s && oldest !== undefined ? oldest + s.intervalMs - now : 0;
	}
}

/** From a request log: the largest number of counted requests inside any window of `intervalMs`. */
export function busiestWindow(arrivals: number[], intervalMs: number): number {
	const sorted = [...arrivals].sort((a, b) => a - b);
	let best = 0;
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (sorted[start] <= sorted[end] - intervalMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}
