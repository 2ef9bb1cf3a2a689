import { sleep } from 'n8n-workflow';

import type { RateLimitInfo } from './types';

/**
 * Keeps one client inside a "max requests per interval" limit before the server has to say 429.
 *
 * Every request holds a slot from the moment it is sent until its response arrives, then leaves a stamp
 * (the response time) that counts for one interval. Stamping at response time, not send time, keeps us
 * inside the server's window whatever the latency: the server saw the request no later than we saw its
 * answer. The window is sliding, which also satisfies servers that count in fixed windows.
 */
export class RateWindow {
	max: number;
	intervalMs: number;
	/** Response times inside the current interval, oldest first (the clock only moves forward). */
	private stamps: number[] = [];
	private inFlight = 0;
	private blockedUntil = 0;
	private dailyRemaining: number | undefined;
	private dailyMax: number | undefined;
	/** Until the first answer tells us the real limit, send one at a time rather than burst on a guess. */
	private heardFromServer = false;

	constructor(limit: { max: number; intervalMs: number }, private readonly clock: () => number = Date.now) {
		this.max = limit.max;
		this.intervalMs = limit.intervalMs;
	}

	/** Waits until one more request may be sent now, and reserves its slot. */
	async acquire(signal?: AbortSignal): Promise<void> {
		for (;;) {
			if (this.dailyRemaining !== undefined && this.dailyRemaining <= this.inFlight) {
				throw new DailyLimitError(this.dailyMax);
			}
			const wait = this.waitMs(this.clock());
			if (wait <= 0) {
				this.inFlight++;
				return;
			}
			// Short naps so a window change (headers, releases) is noticed without a wake-up queue.
			await sleep(Math.min(wait, 250), signal);
			if (signal?.aborted) throw new Error('The execution was cancelled while waiting for the rate limit');
		}
	}

	/** Frees the slot taken by `acquire` and learns from the response's headers. */
	release(info: RateLimitInfo | undefined, answered: boolean): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const now = this.clock();
		// An unanswered request (network error) may still have been counted by the server.
		this.stamps.push(now);
		if (!info || !answered) return;
		this.heardFromServer = true;
		this.learn(info, now);
	}

	/** A 429 or an exhausted window: nobody sends on this key until the server's wait is over. */
	holdFor(ms: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, this.clock() + ms);
	}

	/** How long a caller would wait right now (0 = may send). Exposed for tests and diagnostics. */
	waitMs(now: number): number {
		this.prune(now);
		if (now < this.blockedUntil) return this.blockedUntil - now;
		if (!this.heardFromServer && this.inFlight > 0) return 10;
		const used = this.stamps.length + this.inFlight;
		if (used < this.max) return 0;
		const mustExpire = used - this.max; // index of the stamp whose expiry frees one slot
		if (mustExpire >= this.stamps.length) return 10; // every slot is in flight: wait for a release
		return this.stamps[mustExpire] + this.intervalMs - now + 1;
	}

	private learn(info: RateLimitInfo, now: number): void {
		if (info.max && info.max > 0) this.max = info.max;
		if (info.intervalMs && info.intervalMs > 0) this.intervalMs = info.intervalMs;
		if (info.dailyMax !== undefined) this.dailyMax = info.dailyMax;
		if (info.dailyRemaining !== undefined) this.dailyRemaining = info.dailyRemaining;
		if (info.remaining === undefined) return;
		// If the server has fewer left than our own log explains, someone else (another workflow, another
		// n8n, another app of the same account) shares the window: count their requests as if made now.
		this.prune(now);
		const explained = this.max - this.stamps.length - this.inFlight;
		const others = Math.min(this.max, explained - info.remaining);
		for (let i = 0; i < others; i++) this.stamps.push(now);
	}

	private prune(now: number): void {
		const horizon = now - this.intervalMs;
		let drop = 0;
		while (drop < this.stamps.length && this.stamps[drop] <= horizon) drop++;
		if (drop) this.stamps.splice(0, drop);
	}
}

export class DailyLimitError extends Error {
	constructor(readonly dailyMax: number | undefined) {
		super(
			`The daily request limit${dailyMax ? ` of ${dailyMax}` : ''} for this location is used up; it resets at midnight (location time)`,
		);
	}
}

/**
 * One window per pacing key for the whole n8n process: every item, execution and node of this package
 * that talks to the same account shares it, because the server counts them together.
 */
const windows = new Map<string, RateWindow>();

export function rateWindowFor(key: string, defaults: { max: number; intervalMs: number }): RateWindow {
	let window = windows.get(key);
	if (!window) {
		window = new RateWindow(defaults);
		windows.set(key, window);
	}
	return window;
}

/** Forgets every window (tests and benchmarks start each case from a clean slate). */
export function resetRateWindows(): void {
	windows.clear();
}
