/**
 * A discrete-event run of RateWindows against the sandbox's own sliding-window limiter, on a clock the
 * simulation moves: several clients (each its own RateWindow, as separate n8n processes have), each
 * with a number of requests and a concurrency, each request taking an uplink and a downlink latency.
 * The limiter counts a request when it arrives, as GHL does. Results are in clock units, never wall time.
 * What a 429 does mirrors nodes/shared/transport/request.ts (shrink the share, spread the retry).
 */
import { RateWindow } from '../../nodes/shared/transport/pacer';
import type { Slot } from '../../nodes/shared/transport/pacer';
import { afterRateLimit } from '../../nodes/shared/transport/retry';
import { SlidingWindowLimiter } from '../../sandbox/shared/rateLimit';
import { prng } from '../../sandbox/shared/http';

export interface SimOptions {
	clients: number;
	requestsPerClient: number;
	concurrency: number;
	max: number;
	intervalMs: number;
	/** Latency of request `n` of client `c`, up and down, in clock units. */
	latency: (c: number, n: number) => [number, number];
	/** When client c starts sending (default 0). */
	startAt?: (c: number) => number;
	/** A 429 for the same request more often than this surfaces it (the transport's retry budget). */
	maxRateLimitRetries: number;
	seed?: number;
}

export interface SimResult {
	/** Time of the last answer. */
	makespan: number;
	answered429: number;
	surfaced429: number;
	served: number;
	/** Arrival times of the requests the limiter served. */
	arrivals: number[];
}

interface Event {
	at: number;
	run: () => void;
}

type AnyWindow = RateWindow & { limited?: (info: object, slot?: Slot) => void };

export function simulate(o: SimOptions): SimResult {
	let now = 0;
	const random = prng(o.seed ?? 1);
	const limiter = new SlidingWindowLimiter({ max: o.max, intervalMs: o.intervalMs, dailyMax: 1e12 });
	const events: Event[] = [];
	const schedule = (at: number, run: () => void) => {
		events.push({ at, run });
		events.sort((a, b) => a.at - b.at);
	};
	const result: SimResult = { makespan: 0, answered429: 0, surfaced429: 0, served: 0, arrivals: [] };
	const clients = Array.from({ length: o.clients }, (_, c) => ({
		c,
		window: new RateWindow({ max: 100, intervalMs: 10_000 }, () => now, random) as AnyWindow,
		queue: Array.from({ length: o.requestsPerClient }, (_, n) => ({ n, limited: 0, notBefore: 0 })),
		inFlight: 0,
		startAt: o.startAt?.(c) ?? 0,
	}));

	const send = (client: (typeof clients)[number]) => {
		const item = client.queue.shift()!;
		client.inFlight++;
		void client.window.acquire(); // may send now (waitMs was 0): reserves the slot at once
		const slot: Slot = { sentAt: now };
		const [up, down] = o.latency(client.c, item.n + item.limited * 1000);
		schedule(now + up, () => {
			const verdict = limiter.take('location', now);
			if (verdict.allowed) result.arrivals.push(now);
			const info = { max: o.max, intervalMs: o.intervalMs, remaining: verdict.remaining };
			schedule(now + down, () => {
				client.inFlight--;
				if (verdict.allowed) {
					client.window.release(info, true, slot);
					result.served++;
					result.makespan = now;
					return;
				}
				result.answered429++;
				item.limited++;
				if (client.window.limited) {
					client.window.limited(info, slot);
					item.notBefore = now + afterRateLimit(item.limited, o.intervalMs, undefined, info.remaining, random).waitMs;
				} else {
					// main before issue #16: release, then every caller on the key waits one interval.
					client.window.release(info, true);
					client.window.holdFor(o.intervalMs);
				}
				if (item.limited > o.maxRateLimitRetries) {
					result.surfaced429++;
					return;
				}
				client.queue.unshift(item);
			});
		});
	};

	for (let guard = 0; guard < 5_000_000; guard++) {
		let nextWake = Infinity;
		for (const client of clients) {
			while (client.queue.length && client.inFlight < o.concurrency && now >= client.startAt) {
				const head = client.queue[0];
				if (head.notBefore > now) {
					nextWake = Math.min(nextWake, head.notBefore);
					break;
				}
				const wait = client.window.waitMs(now);
				if (wait > 0) {
					nextWake = Math.min(nextWake, now + wait);
					break;
				}
				send(client);
			}
			if (client.queue.length && now < client.startAt) nextWake = Math.min(nextWake, client.startAt);
		}
		const next = Math.min(nextWake, events[0]?.at ?? Infinity);
		if (next === Infinity) break;
		now = Math.max(now, next);
		while (events.length && events[0].at <= now) events.shift()!.run();
	}
	return result;
}

/** The least time a sliding window of max per interval lets n requests take: the n-th waits for (n/max - 1) intervals. */
export function slidingFloor(requests: number, max: number, intervalMs: number): number {
	return (Math.ceil(requests / max) - 1) * intervalMs;
}
