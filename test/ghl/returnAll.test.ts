/** Return All over thousands of contacts, with GHL's rate limit on: each contact once, no 429 surfaced. */
import { busiestWindow } from '../../sandbox/shared/rateLimit';
import { ghlSuite } from './setup';

describe('GHL node: Contact → Get Many at scale', () => {
	const { state, run } = ghlSuite({ seed: { contacts: 2500 }, rateLimit: { max: 2, intervalMs: 250 } });

	it('returns each of 2,500 contacts exactly once, inside the limit, with no error', async () => {
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(result.error).toBeUndefined();
		const ids = result.items.map((i) => i.json.id);
		expect(ids).toHaveLength(2500);
		expect(new Set(ids).size).toBe(2500);
		const served = state.sb.requests.filter((r) => r.countedByLimiter);
		expect(state.sb.requests.filter((r) => r.status === 429)).toHaveLength(0);
		expect(busiestWindow(state.sb.requests.map((r) => r.receivedAt), 250)).toBeLessThanOrEqual(2);
		expect(served).toHaveLength(5);
	});

	it('stops at the limit, asking for no more pages than needed', async () => {
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: false, limit: 777 });
		expect(result.items).toHaveLength(777);
		expect(state.sb.requests.map((r) => (r.body as { page: number }).page)).toEqual([1, 2]);
	});
});

describe('GHL node: Contact → Get Many past 10,000', () => {
	const { state, run } = ghlSuite({ seed: { contacts: 10_600 }, rateLimit: false });

	it('switches from page numbers to searchAfter at 10,000 and still returns everyone once', async () => {
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true });
		const ids = result.items.map((i) => i.json.id);
		expect(ids).toHaveLength(10_600);
		expect(new Set(ids).size).toBe(10_600);
		const bodies = state.sb.requests.map((r) => r.body as { page?: number; searchAfter?: unknown[] });
		expect(bodies[19].page).toBe(20);
		expect(bodies[20].searchAfter).toBeDefined();
		expect(bodies[20].page).toBeUndefined();
	});
});
