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
	// Bounds: what this pacer gives (printed: 8 processes 1.05 / 1.11 / 1.24 × floor with 86 / 160 / 355
	// 429s answered, 4 processes 1.05 / 1.12 / 1.30 with 10 / 43 / 92) with a margin (over 10 seeds the
	// worst were 1.05 / 1.11 / 1.28 and 1.06 / 1.14 / 1.31). The pacer before slots freed early while
	// sharing and its spacing shrank gave 1.09 / 1.18 / 1.37 (66 / 194 / 277) and 1.06 / 1.16 / 1.36
	// (6 / 30 / 12), so every time bound but 4 processes' loopback-fast one fails on it. The trade: more 429s
	// answered at high latency (each costs its request a round trip and a short wait, none surfaces).
	it.each([
		[8, 'loopback-fast answers (1-5 units)', 1.08, 1, 5, 120],
		[8, 'slower answers (5-30 units)', 1.15, 5, 30, 250],
		[8, 'answers a third of an interval slow (20-100 units)', 1.32, 20, 100, 450],
		[4, 'loopback-fast answers (1-5 units)', 1.1, 1, 5, 70],
		[4, 'slower answers (5-30 units)', 1.15, 5, 30, 90],
		[4, 'answers a third of an interval slow (20-100 units)', 1.35, 20, 100, 200],
	])('%i processes × 100 requests at 10 per 300 units, %s: no request fails with 429, under %f × floor', (clients, _name, ratio, lo, hi, most429) => {
		const run = simulate({
			clients,
			requestsPerClient: 100,
			concurrency: 8,
			max: MAX,
			intervalMs: INTERVAL,
			latency: latencies(lo, hi, 17),
			startAt: (c) => c * 7,
			maxRateLimitRetries: 20,
			seed: 3,
		});
		const floor = ((clients * 100) / MAX) * INTERVAL;
		process.stdout.write(`sim ${clients}×100 (${lo}-${hi}): ${run.answered429} answered 429, ${run.surfaced429} surfaced, ${(run.makespan / floor).toFixed(2)} × floor\n`);
		expect(run.surfaced429).toBe(0);
		expect(run.served).toBe(clients * 100);
		// Bounded: the per-process pacer of main answered 4 to 5 per request served.
		expect(run.answered429).toBeLessThan(most429);
		expect(run.makespan).toBeLessThan(ratio * floor);
	});

	it('2 processes × 100 requests: close to the rate-limit floor with almost no 429s', () => {
		const run = simulate({ clients: 2, requestsPerClient: 100, concurrency: 8, max: MAX, intervalMs: INTERVAL, latency: latencies(1, 5, 5), maxRateLimitRetries: 20, seed: 3 });
		const floor = ((2 * 100) / MAX) * INTERVAL;
		process.stdout.write(`sim 2×100: ${run.answered429} answered 429, ${(run.makespan / floor).toFixed(2)} × floor\n`);
		expect(run.surfaced429).toBe(0);
		expect(run.answered429).toBeLessThanOrEqual(10);
		// 1.03 here; 1.12 on the pacer before slots freed early while sharing.
		expect(run.makespan).toBeLessThan(1.08 * floor);
	});
});
