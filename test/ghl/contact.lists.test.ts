/**
 * Contact → Get Many (search), Get Many (Legacy), Get Many by Business, Add to / Remove From Business:
 * the bodies and queries GHL received, paging, and the items out.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 250 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const last = () => sb().requests[sb().requests.length - 1];
const ok = async (parameters: Record<string, unknown>) => {
	const result = await run(parameters);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};
const ids = (items: Array<Record<string, unknown>>) => items.map((i) => String(i.id));

describe('Contact → Get Many (search)', () => {
	it('sends the limit as pageLimit and asks for one page only', async () => {
		const out = await ok({ resource: 'contact', operation: 'getMany', limit: 7 });
		expect(out).toHaveLength(7);
		expect(sb().requests).toHaveLength(1);
		expect(last()).toMatchObject({ method: 'POST', path: '/contacts/search' });
		expect(last().body).toEqual({ locationId: sb().locationId, pageLimit: 7, page: 1, sort: [{ field: 'dateAdded', direction: 'asc' }] });
		expect(out[0]).not.toHaveProperty('searchAfter');
	});

	it('combines filters with AND, and sorts', async () => {
		const [a, b, c] = contacts();
		for (const x of [a, b, c]) sb().store.updateContact(x.id, { tags: ['pick-me'] });
		sb().store.updateContact(b.id, { city: 'Lisbon' });
		const out = await ok({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
			filters: { filter: [{ field: 'tags', operator: 'eq', value: 'pick-me' }, { field: 'city', operator: 'not_exists', value: 'ignored' }] },
			sort: { field: 'firstName', direction: 'desc' },
		});
		expect(last().body).toEqual({
			locationId: sb().locationId,
			pageLimit: 500,
			page: 1,
			filters: [{ field: 'tags', operator: 'eq', value: 'pick-me' }, { field: 'city', operator: 'not_exists' }],
			sort: [{ field: 'firstName', direction: 'desc' }],
		});
		expect(ids(out).sort()).toEqual([a.id, c.id].sort());
		const names = out.map((x) => String(x.firstName));
		expect(names).toEqual([...names].sort().reverse());
	});

	it('groups filters with OR when Match is Any Filter', async () => {
		const [a, b] = contacts();
		const out = await ok({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
			filterGroup: 'OR',
			filters: { filter: [{ field: 'email', operator: 'eq', value: String(a.email) }, { field: 'email', operator: 'eq', value: String(b.email) }] },
		});
		expect(last().body).toMatchObject({
			filters: [{ group: 'OR', filters: [{ field: 'email', operator: 'eq', value: String(a.email) }, { field: 'email', operator: 'eq', value: String(b.email) }] }],
		});
		expect(ids(out).sort()).toEqual([a.id, b.id].sort());
	});

	it('sends a range filter as an object and a search query as query', async () => {
		const all = contacts();
		const from = all[10].dateAdded;
		const to = all[20].dateAdded;
		const out = await ok({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
			query: ' example.test ',
			filters: { filter: [{ field: 'dateAdded', operator: 'range', value: JSON.stringify({ gte: from, lt: to }) }] },
		});
		expect(last().body).toMatchObject({ query: 'example.test', filters: [{ field: 'dateAdded', operator: 'range', value: { gte: from, lt: to } }] });
		expect(ids(out)).toEqual(all.slice(10, 20).map((c) => c.id));
	});

	it('keeps GHL\'s searchAfter cursor only with Simplify off', async () => {
		const [raw] = await ok({ resource: 'contact', operation: 'getMany', limit: 1, simplify: false });
		expect(raw.searchAfter).toEqual(expect.any(Array));
	});

	it('returns all 250 with one request of 500', async () => {
		const out = await ok({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(new Set(ids(out)).size).toBe(250);
		expect(sb().requests).toHaveLength(1);
	});
});

describe('Contact → Get Many (Legacy)', () => {
	it('walks every page with startAfter/startAfterId at 100 a page, each contact once', async () => {
		const out = await ok({ resource: 'contact', operation: 'getManyLegacy', returnAll: true });
		expect(ids(out)).toEqual(contacts().map((c) => c.id));
		expect(sb().requests).toHaveLength(3);
		const [first, second, third] = sb().requests;
		expect(first).toMatchObject({ method: 'GET', path: '/contacts/' });
		expect(first.query).toEqual({ locationId: sb().locationId, limit: '100' });
		expect(second.query).toEqual({ locationId: sb().locationId, limit: '100', startAfterId: contacts()[99].id, startAfter: String(Date.parse(contacts()[99].dateAdded)) });
		expect(third.query.startAfterId).toBe(contacts()[199].id);
	});

	it('stops at the limit and passes the query', async () => {
		const out = await ok({ resource: 'contact', operation: 'getManyLegacy', limit: 30, query: 'example' });
		expect(out).toHaveLength(30);
		expect(sb().requests).toHaveLength(1);
		expect(last().query).toEqual({ locationId: sb().locationId, limit: '30', query: 'example' });
	});
});

describe('Contact → business', () => {
	const business = () => [...sb().store.businesses.values()].find((b) => b.locationId === sb().locationId)!;

	it('adds contacts to a business (each ID once), lists them page by page, and removes them', async () => {
		for (const c of contacts()) sb().store.updateContact(c.id, { businessId: undefined });
		const chosen = contacts().slice(0, 130).map((c) => c.id);
		const [added] = await ok({ resource: 'contact', operation: 'addToBusiness', contactIds: [...chosen, chosen[0]], businessId: business().id });
		expect(last()).toMatchObject({ method: 'POST', path: '/contacts/bulk/business' });
		expect(last().body).toEqual({ locationId: sb().locationId, ids: chosen, businessId: business().id });
		expect(added).toMatchObject({ success: true });

		sb().clearRequests();
		const listed = await ok({ resource: 'contact', operation: 'getManyByBusiness', businessId: business().id, returnAll: true });
		expect(ids(listed).sort()).toEqual([...chosen].sort());
		expect(sb().requests.map((r) => [r.path, r.query])).toEqual([
			[`/contacts/business/${business().id}`, { locationId: sb().locationId, limit: '100', skip: '0' }],
			[`/contacts/business/${business().id}`, { locationId: sb().locationId, limit: '100', skip: '100' }],
		]);

		await ok({ resource: 'contact', operation: 'removeFromBusiness', contactIds: chosen.slice(0, 2).join(', ') });
		expect(last().body).toEqual({ locationId: sb().locationId, ids: chosen.slice(0, 2), businessId: null });
		expect(sb().store.contacts.get(chosen[0])!.businessId).toBeUndefined();
		expect(sb().store.contacts.get(chosen[2])!.businessId).toBe(business().id);
	});

	it('lists a business with a limit and a query', async () => {
		const out = await ok({ resource: 'contact', operation: 'getManyByBusiness', businessId: business().id, limit: 3, query: 'a' });
		expect(out.length).toBeLessThanOrEqual(3);
		expect(last().query).toEqual({ locationId: sb().locationId, limit: '3', skip: '0', query: 'a' });
	});

	it('reports an unknown business with GHL\'s message', async () => {
		const result = await run({ resource: 'contact', operation: 'addToBusiness', contactIds: contacts()[0].id, businessId: 'noSuchBusiness' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/Business not found/);
	});
});
