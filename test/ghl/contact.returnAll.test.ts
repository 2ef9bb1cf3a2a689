/**
 * Return All over 2,500 contacts with GHL's rate limit switched on: every contact exactly once, no error
 * reaches the workflow, and no request was refused with 429 (the transport paced itself instead). The
 * sandbox's own window count is not asserted: its limiter serves no more than the limit by construction.
 * (Wall time is never asserted: pacing makes it depend on the limit, not on the code.)
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { ghlSuite } from './setup';

describe('Contact → Return All at scale, rate limit on', () => {
	const { state, run } = ghlSuite({ seed: { contacts: 2500 }, rateLimit: false });
	const sb = (): GhlSandbox => state.sb;
	const allIds = () => sb().store.contactsOf(sb().locationId).map((c) => c.id).sort();
	const served = () => sb().requests.filter((r) => r.countedByLimiter);

	it('Get Many returns each of 2,500 contacts exactly once', async () => {
		sb().setRateLimit({ max: 100, intervalMs: 300 });
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		const ids = result.items.map((i) => String(i.json.id));
		expect(ids).toHaveLength(2500);
		expect([...ids].sort()).toEqual(allIds());
		expect(served().map((r) => (r.body as { page: number }).page)).toEqual([1, 2, 3, 4, 5]);
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(sb().requests.filter((r) => r.status === 429)).toHaveLength(0);
	});

	it('Get Many (Legacy) walks 25 pages under a tight limit without tripping it', async () => {
		sb().setRateLimit({ max: 3, intervalMs: 300 });
		const result = await run({ resource: 'contact', operation: 'getManyLegacy', returnAll: true });
		expect(result.error).toBeUndefined();
		const ids = result.items.map((i) => String(i.json.id));
		expect(ids).toHaveLength(2500);
		expect([...ids].sort()).toEqual(allIds());
		// Each page asked for once: no page lost, none fetched twice.
		const cursors = served().map((r) => String(r.query.startAfterId ?? 'first'));
		expect(cursors).toHaveLength(25);
		expect(new Set(cursors).size).toBe(25);
		expect(sb().requests.filter((r) => r.status === 429)).toHaveLength(0);
	});

	it('several items paging at once share the limit and each gets the full list', async () => {
		sb().setRateLimit({ max: 4, intervalMs: 300 });
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true, query: '={{ $json.q }}' }, [{ q: '' }, { q: '' }, { q: '' }]);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7500);
		for (const item of [0, 1, 2]) {
			const ids = result.items.filter((i) => (i.pairedItem as { item: number }).item === item).map((i) => String(i.json.id));
			expect([...ids].sort()).toEqual(allIds());
		}
		expect(sb().requests.filter((r) => r.status >= 400)).toHaveLength(0);
	});
});

describe('Contact → Get Many past GHL\'s 10,000-record page window', () => {
	const { state, run } = ghlSuite({ seed: { contacts: 10_600 }, rateLimit: false });

	it('pages by number up to 10,000, then by searchAfter, and returns everyone once', async () => {
		const sb = state.sb;
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		const ids = result.items.map((i) => String(i.json.id));
		expect(ids).toHaveLength(10_600);
		expect(new Set(ids).size).toBe(10_600);
		const bodies = sb.requests.map((r) => r.body as { page?: number; searchAfter?: unknown[]; pageLimit: number });
		expect(bodies.map((b) => b.page ?? 'after')).toEqual([...Array.from({ length: 20 }, (_, n) => n + 1), 'after', 'after']);
		expect(bodies[20].searchAfter).toEqual(expect.any(Array));
		expect(bodies.every((b) => b.pageLimit === 500)).toBe(true);
	});
});
