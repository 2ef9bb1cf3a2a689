/**
 * Several processes pacing one GHL location, each with its own RateWindow (nothing shared but GHL's
 * X-RateLimit-* headers), run against the sandbox's sliding-window limiter on a simulated clock (issue
 * #16.2). Times are clock units, never wall time; every run is the same (seeded).
 */
import { prng } from '../../sandbox/shared/http';
import { simulate } from './pacingSim';

const MAX = 10;
const INTERVAL = 300;

/** Latencies between lo and hi units each way, drawn once so runs repeat. */
function latencies(lo: number, hi: number, seed: number) {
	const random = prng(seed);
	const table = Array.from({ length: 4000 }, () => [lo + random() * (hi - lo), lo + random() * (hi - lo)] as [number, number]);
	return (c: number, n: number) => table[(c * 397 + n) % table.length];
}

describe('pacing across processes that share only GHL\'s headers (simulated clock)', () => {
	it.each([
		['loopback-fast answers (1-5 units)', 1, 5],
		['slower answers (5-30 units)', 5, 30],
		['answers a third of an interval slow (20-100 units)', 20, 100],
	])('8 processes × 100 requests at 10 per 300 units, %s: no request fails with 429, few 429s answered', (_name, lo, hi) => {
		const run = simulate({
			clients: 8,
			requestsPerClient: 100,
			concurrency: 8,
			max: MAX,
			intervalMs: INTERVAL,
			latency: latencies(lo, hi, 17),
			startAt: (c) => c * 7,
			maxRateLimitRetries: 20,
			seed: 3,
		});
		const floor = ((8 * 100) / MAX) * INTERVAL;
		process.stdout.write(`sim 8×100 (${lo}-${hi}): ${run.answered429} answered 429, ${run.surfaced429} surfaced, ${(run.makespan / floor).toFixed(2)} × floor\n`);
		expect(run.surfaced429).toBe(0);
		expect(run.served).toBe(800);
		// Bounded: under 3 for every 8 requests served (the per-process pacer of main answered 4 to 5 per request).
		expect(run.answered429).toBeLessThan(300);
		expect(run.makespan).toBeLessThan(1.5 * floor);
	});

	it('2 processes × 100 requests: close to the rate-limit floor with almost no 429s', () => {
		const run = simulate({ clients: 2, requestsPerClient: 100, concurrency: 8, max: MAX, intervalMs: INTERVAL, latency: latencies(1, 5, 5), maxRateLimitRetries: 20, seed: 3 });
		const floor = ((2 * 100) / MAX) * INTERVAL;
		process.stdout.write(`sim 2×100: ${run.answered429} answered 429, ${(run.makespan / floor).toFixed(2)} × floor\n`);
		expect(run.surfaced429).toBe(0);
		expect(run.answered429).toBeLessThanOrEqual(10);
		expect(run.makespan).toBeLessThan(1.15 * floor);
	});
});
