/**
 * Note → every operation through n8n-core against the sandbox: the request GHL received, the state it
 * ended in, and the items that came out.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 3, notesPerContact: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const notesOf = (contactId: string) => [...sb().store.notes.values()].filter((n) => n.contactId === contactId);
const users = () => [...sb().store.users.values()];
const last = () => sb().requests[sb().requests.length - 1];
const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const ok = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) => {
	const result = await run({ resource: 'note', ...parameters }, items);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};

describe('Note → Create', () => {
	it('sends the body and every optional field GHL takes; gives the note', async () => {
		const c = contacts()[0];
		const user = users()[0];
		const out = await ok({
			operation: 'create',
			contactId: byId(c.id),
			body: 'Met at the fair',
			additionalFields: { userId: user.id, title: 'Fair', color: '#FFAA00', pinned: true },
		});
		expect(sb().requests).toHaveLength(1);
		expect(last()).toMatchObject({ method: 'POST', path: `/contacts/${c.id}/notes`, query: {}, status: 201 });
		expect(last().body).toEqual({ body: 'Met at the fair', userId: user.id, title: 'Fair', color: '#FFAA00', pinned: true });
		expect(out).toHaveLength(1);
		const stored = sb().store.notes.get(String(out[0].id));
		expect(stored).toMatchObject({ contactId: c.id, body: 'Met at the fair', pinned: true });
		expect(out[0]).toEqual(plain(stored));
	});

	it('sends only the body when nothing else is set, and keeps the wrapper with Simplify off', async () => {
		const c = contacts()[1];
		const out = await ok({ operation: 'create', contactId: byId(c.id), body: 'Just text', simplify: false });
		expect(last().body).toEqual({ body: 'Just text' });
		expect(out).toEqual([{ note: expect.objectContaining({ body: 'Just text', contactId: c.id }) }]);
	});
});

describe('Note → Get / Get Many', () => {
	it('gets one note, unwrapped, or whole with Simplify off', async () => {
		const c = contacts()[0];
		const note = notesOf(c.id)[0];
		expect(await ok({ operation: 'get', contactId: byId(c.id), noteId: note.id })).toEqual([plain(note)]);
		expect(last()).toMatchObject({ method: 'GET', path: `/contacts/${c.id}/notes/${note.id}`, query: {} });
		expect(await ok({ operation: 'get', contactId: byId(c.id), noteId: note.id, simplify: false })).toEqual([{ note: plain(note) }]);
	});

	it("lists a contact's notes one item each, all or up to the limit", async () => {
		const c = contacts()[2];
		const all = await ok({ operation: 'getMany', contactId: byId(c.id), returnAll: true });
		expect(all).toEqual(plain(notesOf(c.id)));
		expect(all).toHaveLength(2);
		expect(last()).toMatchObject({ method: 'GET', path: `/contacts/${c.id}/notes`, query: {} });
		expect(await ok({ operation: 'getMany', contactId: byId(c.id), returnAll: false, limit: 1 })).toEqual(all.slice(0, 1));
	});
});

describe('Note → Update / Delete', () => {
	it('updates only the fields set', async () => {
		const c = contacts()[0];
		const note = notesOf(c.id)[1];
		const [out] = await ok({ operation: 'update', contactId: byId(c.id), noteId: note.id, updateFields: { body: 'Met twice', pinned: false } });
		expect(last()).toMatchObject({ method: 'PUT', path: `/contacts/${c.id}/notes/${note.id}` });
		expect(last().body).toEqual({ body: 'Met twice', pinned: false });
		expect(out).toMatchObject({ id: note.id, body: 'Met twice', pinned: false, userId: note.userId });
	});

	it('deletes a note and says so the n8n way', async () => {
		const c = contacts()[1];
		const note = notesOf(c.id)[0];
		expect(await ok({ operation: 'delete', contactId: byId(c.id), noteId: note.id })).toEqual([{ deleted: true, id: note.id }]);
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${c.id}/notes/${note.id}`, status: 200 });
		expect(sb().store.notes.has(note.id)).toBe(false);
	});
});

describe('Note → errors and items', () => {
	it("an unknown note is GHL's 400, surfaced as a NodeApiError with GHL's message", async () => {
		const c = contacts()[0];
		const result = await run({ resource: 'note', operation: 'get', contactId: byId(c.id), noteId: 'unknownNote' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('GHL answered 400: Note not found');
		expect(sb().requests).toHaveLength(1);
	});

	it('an unknown contact is refused by GHL the same way', async () => {
		const result = await run({ resource: 'note', operation: 'getMany', contactId: byId('unknownContact'), returnAll: true });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('GHL answered 400: Contact not found');
	});

	it('notes each input item on its own contact; with Continue On Fail a bad row is an error item', async () => {
		const [a, b] = contacts();
		const result = await run(
			{ resource: 'note', operation: 'create', contactId: byId('={{ $json.id }}'), body: '={{ $json.text }}' },
			[{ id: a.id, text: 'For A' }, { id: b.id, text: '' }, { id: b.id, text: 'For B' }],
			true,
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({ contactId: a.id, body: 'For A' });
		expect(result.items[1].json).toEqual({ error: 'Body: is required but empty [item 1]' });
		expect(result.items[2].json).toMatchObject({ contactId: b.id, body: 'For B' });
		expect(sb().requests).toHaveLength(2);
	});
});
