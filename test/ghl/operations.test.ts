/** Every GHL node operation, run through n8n-core against the sandbox: the request GHL got and the items out. */
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite();
const sb = (): GhlSandbox => state.sb;
const contact = () => sb().store.contactsOf(sb().locationId)[0];
const taskOf = (contactId: string) => [...sb().store.tasks.values()].find((t) => t.contactId === contactId)!;
const noteOf = (contactId: string) => [...sb().store.notes.values()].find((n) => n.contactId === contactId)!;
const lastRequest = () => sb().requests[sb().requests.length - 1];
const ok = async (parameters: Record<string, unknown>) => {
	const result = await run(parameters);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};

describe('GHL node: Contact', () => {
	it('creates a contact with custom fields, DND settings and a date of birth', async () => {
		const field = [...sb().store.customFields.values()][0];
		const [out] = await ok({
			resource: 'contact',
			operation: 'create',
			fields: { firstName: 'Ada', email: 'ADA@example.test', phone: '+14155550100', dateOfBirth: '1990-09-25T00:00:00.000Z', tags: ['vip'], companyName: 'Acme' },
			customFields: { field: [{ id: field.id, value: '42' }] },
			dndSettings: { channel: [{ channel: 'Email', status: 'active', message: 'no mail', code: '' }] },
		});
		const request = lastRequest();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/contacts/');
		expect(request.body).toMatchObject({ locationId: sb().locationId, dateOfBirth: '1990-09-25', customFields: [{ id: field.id, field_value: '42' }], dndSettings: { Email: { status: 'active', message: 'no mail' } } });
		expect(out).toMatchObject({ firstName: 'Ada', email: 'ada@example.test', tags: ['vip'] });
		expect(sb().store.contacts.get(String(out.id))).toBeDefined();
	});

	it('gets a contact, unwrapped, or the raw answer with Simplify off', async () => {
		const c = contact();
		expect((await ok({ resource: 'contact', operation: 'get', contactId: byId(c.id) }))[0].id).toBe(c.id);
		expect((await ok({ resource: 'contact', operation: 'get', contactId: byId(c.id), simplify: false }))[0]).toHaveProperty('contact.id', c.id);
		expect(lastRequest().path).toBe(`/contacts/${c.id}`);
	});

	it('accepts the contact as a GHL page URL', async () => {
		const c = contact();
		const url = `https://app.gohighlevel.com/v2/location/${sb().locationId}/contacts/detail/${c.id}`;
		expect((await ok({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'url', value: url } }))[0].id).toBe(c.id);
	});

	it('updates a contact, sending only what was set', async () => {
		const c = contact();
		const [out] = await ok({ resource: 'contact', operation: 'update', contactId: byId(c.id), updateFields: { lastName: 'Lovelace' } });
		expect(lastRequest()).toMatchObject({ method: 'PUT', path: `/contacts/${c.id}`, body: { lastName: 'Lovelace' } });
		expect(out.lastName).toBe('Lovelace');
	});

	it('deletes a contact and says so the n8n way', async () => {
		const c = contact();
		expect(await ok({ resource: 'contact', operation: 'delete', contactId: byId(c.id) })).toEqual([{ deleted: true, id: c.id }]);
		expect(sb().store.contacts.has(c.id)).toBe(false);
	});

	it('upserts by email: first creates, then updates the same contact', async () => {
		const first = await ok({ resource: 'contact', operation: 'upsert', fields: { email: 'up@example.test', firstName: 'One' } });
		const second = await ok({ resource: 'contact', operation: 'upsert', fields: { email: 'up@example.test', firstName: 'Two' } });
		expect(first[0]).toMatchObject({ new: true, firstName: 'One' });
		expect(second[0]).toMatchObject({ new: false, firstName: 'Two', id: first[0].id });
		expect(lastRequest().path).toBe('/contacts/upsert');
	});

	it('gets many contacts with a filter, a sort and a limit', async () => {
		const c = contact();
		sb().store.updateContact(c.id, { tags: ['only-me'] });
		const out = await ok({ resource: 'contact', operation: 'getMany', limit: 10, filters: { filter: [{ field: 'tags', operator: 'eq', value: 'only-me' }] }, sort: { field: 'dateUpdated', direction: 'desc' } });
		expect(out.map((x) => x.id)).toEqual([c.id]);
		expect(lastRequest().body).toMatchObject({ locationId: sb().locationId, pageLimit: 10, page: 1, filters: [{ field: 'tags', operator: 'eq', value: 'only-me' }], sort: [{ field: 'dateUpdated', direction: 'desc' }] });
		expect(out[0]).not.toHaveProperty('searchAfter');
	});

	it('gets many from the legacy list with its startAfter cursor', async () => {
		const out = await ok({ resource: 'contact', operation: 'getManyLegacy', returnAll: true });
		expect(out).toHaveLength(5);
		expect(lastRequest()).toMatchObject({ method: 'GET', path: '/contacts/', query: { locationId: sb().locationId, limit: '100' } });
	});

	it('finds a duplicate by email, and says when there is none', async () => {
		const c = contact();
		expect((await ok({ resource: 'contact', operation: 'findDuplicate', email: String(c.email) }))[0]).toMatchObject({ found: true, id: c.id });
		expect(lastRequest()).toMatchObject({ path: '/contacts/search/duplicate', query: { email: String(c.email), locationId: sb().locationId } });
		expect(await ok({ resource: 'contact', operation: 'findDuplicate', email: 'nobody@example.test' })).toEqual([{ found: false }]);
	});

	it('adds contacts to a business, lists them by business, and removes them again', async () => {
		const business = [...sb().store.businesses.values()][1];
		const ids = sb().store.contactsOf(sb().locationId).slice(0, 2).map((c) => c.id);
		await ok({ resource: 'contact', operation: 'addToBusiness', contactIds: ids.join(','), businessId: business.id });
		expect(lastRequest()).toMatchObject({ path: '/contacts/bulk/business', body: { ids, businessId: business.id } });
		const listed = await ok({ resource: 'contact', operation: 'getManyByBusiness', businessId: business.id, returnAll: true });
		expect(listed.map((c) => c.id).sort()).toEqual(expect.arrayContaining([...ids].sort()));
		expect(lastRequest().path).toBe(`/contacts/business/${business.id}`);
		await ok({ resource: 'contact', operation: 'removeFromBusiness', contactIds: ids.join(',') });
		expect(lastRequest().body).toMatchObject({ businessId: null });
		expect(sb().store.contacts.get(ids[0])?.businessId).toBeUndefined();
	});

	it("gets a contact's appointments", async () => {
		const c = contact();
		sb().store.appointments.set('a1', { id: 'a1', contactId: c.id, locationId: sb().locationId, title: 'Intro' });
		expect(await ok({ resource: 'contact', operation: 'getAppointments', contactId: byId(c.id) })).toEqual([{ id: 'a1', contactId: c.id, locationId: sb().locationId, title: 'Intro' }]);
	});
});

describe('GHL node: Tag', () => {
	it('adds and removes tags on one contact, keeping the others', async () => {
		const c = contact();
		sb().store.updateContact(c.id, { tags: ['keep'] });
		expect((await ok({ resource: 'tag', operation: 'add', contactId: byId(c.id), tags: ['new'] }))[0]).toEqual({ contactId: c.id, tags: ['keep', 'new'] });
		expect(lastRequest()).toMatchObject({ method: 'POST', path: `/contacts/${c.id}/tags`, body: { tags: ['new'] } });
		expect((await ok({ resource: 'tag', operation: 'remove', contactId: byId(c.id), tags: ['new'] }))[0]).toEqual({ contactId: c.id, tags: ['keep'] });
	});

	it('adds and removes tags in bulk', async () => {
		const ids = sb().store.contactsOf(sb().locationId).map((c) => c.id);
		const [out] = await ok({ resource: 'tag', operation: 'bulkUpdate', bulkAction: 'add', contactIds: ids, tags: ['campaign-x'] });
		expect(out).toMatchObject({ succeded: true, errorCount: 0 });
		expect(lastRequest().path).toBe('/contacts/bulk/tags/update/add');
		await ok({ resource: 'tag', operation: 'bulkUpdate', bulkAction: 'remove', contactIds: ids, tags: [], removeAllTags: true });
		expect(lastRequest()).toMatchObject({ path: '/contacts/bulk/tags/update/remove', body: { removeAllTags: true } });
		expect(sb().store.contactsOf(sb().locationId).every((c) => c.tags.length === 0)).toBe(true);
	});

	it('manages the location tag list', async () => {
		const [created] = await ok({ resource: 'tag', operation: 'createLocation', name: 'Partner' });
		expect(lastRequest()).toMatchObject({ method: 'POST', path: `/locations/${sb().locationId}/tags`, body: { name: 'Partner' } });
		expect((await ok({ resource: 'tag', operation: 'getLocation', tagId: created.id }))[0].name).toBe('partner');
		expect((await ok({ resource: 'tag', operation: 'updateLocation', tagId: created.id, name: 'Partners' }))[0].name).toBe('partners');
		const all = await ok({ resource: 'tag', operation: 'getManyLocation', returnAll: true });
		expect(all.map((t) => t.name)).toContain('partners');
		expect(await ok({ resource: 'tag', operation: 'deleteLocation', tagId: created.id })).toEqual([{ deleted: true, id: created.id }]);
	});
});

// Task, Note, Follower, Campaign and Workflow have their own files (task.test.ts, note.test.ts, …).

describe('GHL node: errors and items', () => {
	it("surfaces GHL's own message for an unknown task", async () => {
		const result = await run({ resource: 'task', operation: 'get', contactId: byId(contact().id), taskId: 'unknownTask' });
		expect(result.error?.message).toBe('GHL answered 400: Task not found');
	});

	it('with Continue On Fail, gives an error item paired to its input while the other items succeed', async () => {
		const c = contact();
		const result = await run({ resource: 'contact', operation: 'get', contactId: byId('={{$json.id}}') }, [{ id: c.id }, { id: 'missingOne' }, { id: c.id }], true);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.id).toBe(c.id);
		expect(result.items[1].json.error).toBe('GHL answered 400: Contact not found');
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('keeps the order and pairing of items processed in parallel', async () => {
		const ids = sb().store.contactsOf(sb().locationId).map((c) => c.id);
		const result = await run({ resource: 'contact', operation: 'get', contactId: byId('={{$json.id}}') }, ids.map((id) => ({ id })));
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		expect(result.items.map((i) => i.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(taskOf(ids[0])).toBeDefined();
	});
});
