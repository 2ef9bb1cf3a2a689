/**
 * Rankr writes survive a flaky network without duplicates: every POST carries an Idempotency-Key that the
 * transport's retries reuse, so a create whose answer was lost is answered from Rankr's memory, not done twice.
 */
import { retrySettings } from '../../nodes/shared/transport/retry';
import { byId, rankrSuite } from './setup';

const { state, ok } = rankrSuite({ rateLimit: false, validateResponses: true });
const saved = { ...retrySettings };

beforeEach(() => Object.assign(retrySettings, { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 300 }));
afterEach(() => {
	Object.assign(retrySettings, saved);
	expect(state.sb.contractViolations).toEqual([]);
});

describe('Rankr node under faults', () => {
	it('a create whose answer times out is retried with the same key and applied once', async () => {
		state.sb.setFaults({ rateSlow: 0.5, slowMs: 600, random: 3 });
		const items = Array.from({ length: 20 }, (_, n) => ({ email: `p${n}@example.test` }));
		const out = await ok({ resource: 'contact', operation: 'create', email: '={{$json.email}}', additionalFields: {} }, items);
		await new Promise((r) => setTimeout(r, 700)); // let the slow originals finish on the sandbox side
		expect(out.map((c) => c.email)).toEqual(items.map((i) => i.email));
		expect(state.sb.store.contacts.size).toBe(20);
		const creates = state.sb.requests.filter((r) => r.operationId === 'createContact');
		expect(creates.some((r) => r.fault === 'slow')).toBe(true);
		expect(creates.some((r) => r.idempotentReplay)).toBe(true);
		const keysPerEmail = new Map<string, Set<string>>();
		for (const r of creates) {
			const email = (r.body as { email: string }).email;
			keysPerEmail.set(email, (keysPerEmail.get(email) ?? new Set()).add(r.headers['idempotency-key'] as string));
		}
		expect([...keysPerEmail.values()].every((keys) => keys.size === 1)).toBe(true);
	});

	it('429s, 5xx and connection resets on score adjustments are waited out or retried, each applied once', async () => {
		const c = state.sb.store.addContact({ email: 'ada@example.test' });
		state.sb.setFaults({ rate429: 0.15, rate503: 0.1, rateReset: 0.1, retryAfterSeconds: 0, random: 11 });
		const items = Array.from({ length: 30 }, () => ({}));
		const out = await ok({ resource: 'score', operation: 'adjust', contactId: byId(c.id), delta: 1, reason: 'visit' }, items);
		expect(out).toHaveLength(30);
		expect(state.sb.store.contacts.get(c.id)?.score).toBe(30);
		const faults = new Set(state.sb.requests.map((r) => r.fault).filter(Boolean));
		expect(faults).toEqual(new Set(['429', '503', 'reset']));
	});

	it('updates (PATCH, absolute values) are retried after 5xx and resets too', async () => {
		const c = state.sb.store.addContact({ email: 'ada@example.test' });
		state.sb.setFaults({ rate502: 0.2, rateReset: 0.2, random: 5 });
		const items = Array.from({ length: 20 }, (_, n) => ({ city: `City ${n}` }));
		const out = await ok({ resource: 'contact', operation: 'update', contactId: byId(c.id), updateFields: { city: '={{$json.city}}' } }, items);
		expect(out).toHaveLength(20);
		const patches = state.sb.requests.filter((r) => r.operationId === 'updateContact');
		expect(patches.some((r) => r.fault === '502' || r.fault === 'reset')).toBe(true);
	});
});
