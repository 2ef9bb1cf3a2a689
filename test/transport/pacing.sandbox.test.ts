/**
 * Pacing against the real GHL sandbox on loopback: one process using the whole budget (issue #14.8),
 * several processes sharing one location with nothing in common but GHL's headers (issue #16.2), and the
 * daily quota across UTC midnight (issue #14.1). Limits are scaled down; assertions are on the sandbox's
 * own request log (counts, and timestamps as ratios of the interval), never on wall time.
 */
import { pacerSettings, resetRateWindows } from '../../nodes/shared/transport/pacer';
import { retrySettings } from '../../nodes/shared/transport/retry';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { busiestWindow } from '../../sandbox/shared/rateLimit';
import { GHL_PROBE } from '../harness/probeNode';
import { runNode } from '../harness/runNode';
import type { RunNodeResult } from '../harness/runNode';

const FAST_RETRIES = { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 5000 };
const saved = { ...retrySettings };

type Probe = (items: number, path: string) => Promise<RunNodeResult>;

function prober(run: typeof runNode, type: string, sb: GhlSandbox): Probe {
	return (items, path) =>
		run({
			type,
			parameters: { authentication: 'privateIntegration', method: 'GET', path },
			credentials: { ghlApi: { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url } },
			items: Array.from({ length: items }, (_, i) => ({ i })),
			continueOnFail: true,
		});
}

/**
 * One copy of n8n-core, the harness and our whole transport per "process": jest.isolateModules gives each
 * its own module registry, so each has its own pacer map, as separate n8n workers have.
 */
const defaultMaxListeners = process.getMaxListeners();
afterAll(() => process.setMaxListeners(defaultMaxListeners));

function processCopies(n: number, sb: GhlSandbox): Probe[] {
	// Each copy of n8n-core adds its SSH clients manager's 'exit' listener to the one real process: n copies
	// are n processes' worth of listeners, not a leak, so Node's warning past 10 is raised by n.
	process.setMaxListeners(process.getMaxListeners() + n);
	return Array.from({ length: n }, () => {
		let probe!: Probe;
		jest.isolateModules(() => {
			/* eslint-disable @typescript-eslint/no-require-imports */
			const harness = require('../harness/runNode') as typeof import('../harness/runNode');
			const node = require('../harness/probeNode') as typeof import('../harness/probeNode');
			const retry = require('../../nodes/shared/transport/retry') as typeof import('../../nodes/shared/transport/retry');
			/* eslint-enable @typescript-eslint/no-require-imports */
			Object.assign(retry.retrySettings, FAST_RETRIES);
			probe = prober(harness.runNode, node.GHL_PROBE, sb);
		});
		return probe;
	});
}

const errorItems = (r: RunNodeResult) => r.items.filter((i) => i.json.error !== undefined);

describe.each([
	['GHL\'s documented headers only (no Retry-After)', false],
	['with Retry-After on 429s', true],
])('pacing against the GHL sandbox, %s', (_name, retryAfter) => {
	let sb: GhlSandbox;
	beforeAll(async () => {
		sb = await startGhlSandbox({ seed: { contacts: 5 }, retryAfter });
		Object.assign(retrySettings, FAST_RETRIES);
	});
	afterAll(async () => {
		Object.assign(retrySettings, saved);
		await sb.close();
	});
	beforeEach(() => {
		resetRateWindows();
		sb.clearRequests();
		sb.setRateLimit(false);
	});

	it('8 n8n processes × 100 Contact Gets on one location (10 per 300 ms): no item fails with 429, and GHL answers few 429s', async () => {
		const max = 10;
		const intervalMs = 300;
		const copies = processCopies(8, sb);
		sb.setRateLimit({ max, intervalMs });
		const contactId = sb.store.contactsOf(sb.locationId)[0].id;
		const results = await Promise.all(copies.map((probe) => probe(100, `/contacts/${contactId}`)));

		const surfaced = results.flatMap(errorItems);
		const answered429 = sb.requests.filter((r) => r.status === 429).length;
		const served = sb.requests.filter((r) => r.countedByLimiter);
		const span = served[served.length - 1].receivedAt - served[0].receivedAt;
		const floor = (served.length / max) * intervalMs;
		process.stdout.write(
			`8 processes × 100 (${retryAfter ? 'Retry-After' : 'no Retry-After'}): ${served.length} served, ${answered429} answered 429, ${surfaced.length} surfaced, span ${(span / floor).toFixed(2)} × floor\n`,
		);
		expect(surfaced.map((i) => i.json.error)).toEqual([]);
		expect(results.map((r) => r.items.length)).toEqual(Array(8).fill(100));
		expect(served).toHaveLength(800);
		expect(busiestWindow(served.map((r) => r.receivedAt), intervalMs)).toBeLessThanOrEqual(max);
		// Bounded: per-process pacing had GHL answer 1,355 of them for these 800 requests.
		expect(answered429).toBeLessThan(400);
	}, 180_000);
});

describe('pacing one process against the GHL sandbox', () => {
	let sb: GhlSandbox;
	let probe: Probe;
	beforeAll(async () => {
		sb = await startGhlSandbox({ seed: { contacts: 5 } });
		probe = prober(runNode, GHL_PROBE, sb);
		Object.assign(retrySettings, FAST_RETRIES);
	});
	afterAll(async () => {
		Object.assign(retrySettings, saved);
		pacerSettings.clock = () => Date.now();
		await sb.close();
	});
	beforeEach(() => {
		resetRateWindows();
		sb.clearRequests();
	});

	it('300 Contact Gets under 100 per interval reuse every slot as it frees: 3 windows, never a 4th', async () => {
		const max = 100;
		const intervalMs = 3000;
		sb.setRateLimit({ max, intervalMs });
		const contactId = sb.store.contactsOf(sb.locationId)[0].id;
		const result = await probe(300, `/contacts/${contactId}`);
		expect(errorItems(result)).toEqual([]);
		expect(sb.requests.filter((r) => r.status === 429)).toHaveLength(0);
		const arrivals = sb.requests.filter((r) => r.countedByLimiter).map((r) => r.receivedAt);
		expect(arrivals).toHaveLength(300);
		// A sliding window lets request n + 100 go as soon as request n is an interval old. Counting our own
		// nearly expired requests as another client's held some back a whole interval more (issue #14.8).
		const reuseDelays = arrivals.slice(max).map((at, n) => (at - arrivals[n]) / intervalMs);
		process.stdout.write(`300 Gets: slowest slot reuse ${Math.max(...reuseDelays).toFixed(2)} intervals after it freed\n`);
		expect(Math.max(...reuseDelays)).toBeLessThan(1.3);
	}, 60_000);

	it('a used-up daily quota fails the item saying when it resets, and requests go again after UTC midnight', async () => {
		let offset = Date.UTC(2026, 11, 3, 23, 59, 0) - Date.now();
		const clock = () => Date.now() + offset;
		pacerSettings.clock = clock;
		const daySb = await startGhlSandbox({ seed: { contacts: 1 }, rateLimit: { max: 100, intervalMs: 1000, dailyMax: 3 }, clock });
		try {
			const dayProbe = prober(runNode, GHL_PROBE, daySb);
			const path = `/locations/${daySb.locationId}/tags`;
			const spent = await dayProbe(5, path);
			const messages = spent.items.map((i) => i.json.error);
			expect(messages.filter((m) => m === undefined)).toHaveLength(3);
			expect(messages.filter(Boolean)).toEqual(
				Array(2).fill(expect.stringMatching(/daily request limit of 3 .*used up; it resets at 2026-12-04T00:00:00\.000Z/)),
			);
			// Refused at once, without asking GHL again, until the day is over.
			const before = daySb.requests.length;
			expect((await dayProbe(1, path)).items[0].json.error).toMatch(/resets at 2026-12-04T00:00:00\.000Z/);
			expect(daySb.requests).toHaveLength(before);

			offset += 61_000; // past UTC midnight
			const nextDay = await dayProbe(3, path);
			expect(errorItems(nextDay)).toEqual([]);
			expect(daySb.requests).toHaveLength(before + 3);
		} finally {
			pacerSettings.clock = () => Date.now();
			await daySb.close();
		}
	});
});
