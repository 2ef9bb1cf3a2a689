/**
 * Tag → Add / Remove on a contact, Bulk Add or Remove, and the location's tag list: the requests GHL
 * received, the state it ended in, and the items out.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { DEFAULT_TAGS } from '../../sandbox/ghl/store';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 5 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const tagsOf = (id: string) => sb().store.contacts.get(id)!.tags;
const locationTags = () => [...sb().store.tags.values()].filter((t) => t.locationId === sb().locationId);
const last = () => sb().requests[sb().requests.length - 1];
const ok = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) => {
	const result = await run(parameters, items);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};

describe('Tag → Add to Contact / Remove From Contact', () => {
	it('adds tags (each once) and keeps the contact\'s other tags', async () => {
		const c = contacts()[0];
		sb().store.updateContact(c.id, { tags: ['keep'] });
		const out = await ok({ resource: 'tag', operation: 'add', contactId: byId(c.id), tags: ['new', 'new', ' Other '] });
		expect(last()).toMatchObject({ method: 'POST', path: `/contacts/${c.id}/tags`, status: 201 });
		expect(last().body).toEqual({ tags: ['new', 'Other'] });
		expect(out).toEqual([{ contactId: c.id, tags: ['keep', 'new', 'other'] }]);
	});

	it('removes only the tags named', async () => {
		const c = contacts()[1];
		sb().store.updateContact(c.id, { tags: ['a', 'b', 'c'] });
		const out = await ok({ resource: 'tag', operation: 'remove', contactId: byId(c.id), tags: '={{ "a, c" }}' });
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${c.id}/tags`, body: { tags: ['a', 'c'] } });
		expect(out).toEqual([{ contactId: c.id, tags: ['b'] }]);
		expect(tagsOf(c.id)).toEqual(['b']);
	});

	it('tags each input item\'s contact, paired to its item', async () => {
		const [a, b] = contacts();
		const result = await run({ resource: 'tag', operation: 'add', contactId: byId('={{ $json.id }}'), tags: ['={{ $json.tag }}'] }, [
			{ id: a.id, tag: 'from-a' },
			{ id: b.id, tag: 'from-b' },
		]);
		expect(result.items.map((i) => [i.json.contactId, i.pairedItem])).toEqual([
			[a.id, { item: 0 }],
			[b.id, { item: 1 }],
		]);
		expect(tagsOf(a.id)).toContain('from-a');
		expect(tagsOf(b.id)).toContain('from-b');
	});
});

describe('Tag → Bulk Add or Remove', () => {
	it('adds tags to many contacts in one call', async () => {
		const ids = contacts().map((c) => c.id);
		const [out] = await ok({ resource: 'tag', operation: 'bulkUpdate', bulkAction: 'add', contactIds: ids.join(','), tags: ['wave-1'] });
		expect(sb().requests).toHaveLength(1);
		expect(last()).toMatchObject({ method: 'POST', path: '/contacts/bulk/tags/update/add' });
		expect(last().body).toEqual({ locationId: sb().locationId, contacts: ids, tags: ['wave-1'] });
		expect(out).toMatchObject({ succeded: true, errorCount: 0 });
		for (const id of ids) expect(tagsOf(id)).toContain('wave-1');
	});

	it('removes named tags with removeAllTags false, and every tag with Remove All Tags', async () => {
		const [a, b] = contacts();
		for (const c of [a, b]) sb().store.updateContact(c.id, { tags: ['x', 'y'] });
		await ok({ resource: 'tag', operation: 'bulkUpdate', bulkAction: 'remove', contactIds: [a.id, b.id], tags: ['x'] });
		expect(last()).toMatchObject({ path: '/contacts/bulk/tags/update/remove' });
		expect(last().body).toEqual({ locationId: sb().locationId, contacts: [a.id, b.id], tags: ['x'], removeAllTags: false });
		expect(tagsOf(a.id)).toEqual(['y']);
		await ok({ resource: 'tag', operation: 'bulkUpdate', bulkAction: 'remove', contactIds: [a.id], tags: [], removeAllTags: true });
		expect(last().body).toEqual({ locationId: sb().locationId, contacts: [a.id], tags: [], removeAllTags: true });
		expect(tagsOf(a.id)).toEqual([]);
		expect(tagsOf(b.id)).toEqual(['y']);
	});

	it('passes on GHL\'s per-contact report when some contacts are unknown', async () => {
		const [out] = await ok({ resource: 'tag', operation: 'bulkUpdate', bulkAction: 'add', contactIds: [contacts()[0].id, 'ghostContact'], tags: ['t'] });
		expect(out).toMatchObject({ succeded: false, errorCount: 1 });
		expect(out.responses).toEqual(expect.arrayContaining([expect.objectContaining({ contactId: 'ghostContact', success: false })]));
	});
});

describe('Tag → location tags', () => {
	it('lists the location\'s tags, with a limit, and whole with Simplify off', async () => {
		const all = await ok({ resource: 'tag', operation: 'getManyLocation', returnAll: true });
		expect(all.map((t) => t.name).sort()).toEqual([...DEFAULT_TAGS].sort());
		expect(last()).toMatchObject({ method: 'GET', path: `/locations/${sb().locationId}/tags` });
		expect(await ok({ resource: 'tag', operation: 'getManyLocation', limit: 2 })).toHaveLength(2);
		const raw = await ok({ resource: 'tag', operation: 'getManyLocation', returnAll: true, simplify: false });
		expect(raw).toHaveLength(1);
		expect((raw[0].tags as unknown[]).length).toBe(DEFAULT_TAGS.length);
	});

	it('creates, gets, renames and deletes a location tag', async () => {
		const [created] = await ok({ resource: 'tag', operation: 'createLocation', name: ' Partner ' });
		expect(last()).toMatchObject({ method: 'POST', path: `/locations/${sb().locationId}/tags`, status: 201 });
		expect(last().body).toEqual({ name: 'Partner' });
		const id = String(created.id);
		expect(await ok({ resource: 'tag', operation: 'getLocation', tagId: id })).toEqual([expect.objectContaining({ id, name: 'partner' })]);
		expect(last()).toMatchObject({ method: 'GET', path: `/locations/${sb().locationId}/tags/${id}` });
		const [renamed] = await ok({ resource: 'tag', operation: 'updateLocation', tagId: id, name: 'Partners' });
		expect(last()).toMatchObject({ method: 'PUT', path: `/locations/${sb().locationId}/tags/${id}`, body: { name: 'Partners' } });
		expect(renamed).toMatchObject({ id, name: 'partners' });
		expect(await ok({ resource: 'tag', operation: 'deleteLocation', tagId: id })).toEqual([{ deleted: true, id }]);
		expect(last()).toMatchObject({ method: 'DELETE', path: `/locations/${sb().locationId}/tags/${id}` });
		expect(sb().store.tags.has(id)).toBe(false);
	});

	it('returns GHL\'s answer whole with Simplify off, and its error for a tag that exists', async () => {
		const [raw] = await ok({ resource: 'tag', operation: 'getLocation', tagId: locationTags()[0].id, simplify: false });
		expect(raw).toEqual({ tag: expect.objectContaining({ id: locationTags()[0].id }) });
		const dup = await run({ resource: 'tag', operation: 'createLocation', name: DEFAULT_TAGS[0] });
		expect(dup.error?.name).toBe('NodeApiError');
		expect(dup.error?.message).toMatch(/Tag already exists/);
	});
});
