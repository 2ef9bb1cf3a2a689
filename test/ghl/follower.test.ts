/**
 * Follower → Add / Remove through n8n-core against the sandbox: the request GHL received (a DELETE with a
 * body for Remove), the contact's followers after, and the items out.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const users = () => [...sb().store.users.values()];
const last = () => sb().requests[sb().requests.length - 1];
const ok = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) => {
	const result = await run({ resource: 'follower', ...parameters }, items);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};

describe('Follower → Add / Remove', () => {
	it('adds the users picked, each once, and tells who follows now and who was new', async () => {
		const c = contacts()[0];
		const [u1, u2] = users();
		sb().store.updateContact(c.id, { followers: [u1.id] });
		const out = await ok({ operation: 'add', contactId: byId(c.id), followers: [u1.id, u2.id, u2.id] });
		expect(sb().requests).toHaveLength(1);
		expect(last()).toMatchObject({ method: 'POST', path: `/contacts/${c.id}/followers`, query: {}, status: 201 });
		expect(last().body).toEqual({ followers: [u1.id, u2.id] });
		expect(out).toEqual([{ contactId: c.id, followers: [u1.id, u2.id], followersAdded: [u2.id] }]);
		expect(sb().store.contacts.get(c.id)?.followers).toEqual([u1.id, u2.id]);
	});

	it('takes followers from an expression giving comma-separated IDs', async () => {
		const c = contacts()[1];
		const [u1, u2] = users();
		await ok({ operation: 'add', contactId: byId(c.id), followers: `={{ "${u1.id}, ${u2.id}" }}` });
		expect(last().body).toEqual({ followers: [u1.id, u2.id] });
	});

	it('removes the users named with a DELETE carrying the list', async () => {
		const c = contacts()[0];
		const [u1, u2] = users();
		sb().store.updateContact(c.id, { followers: [u1.id, u2.id] });
		const out = await ok({ operation: 'remove', contactId: byId(c.id), followers: [u2.id] });
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${c.id}/followers`, status: 200 });
		expect(last().body).toEqual({ followers: [u2.id] });
		expect(out).toEqual([{ contactId: c.id, followers: [u1.id], followersRemoved: [u2.id] }]);
		expect(sb().store.contacts.get(c.id)?.followers).toEqual([u1.id]);
	});

	it("a user GHL does not know is GHL's 400, as a NodeApiError; with Continue On Fail the other items run", async () => {
		const [a, b] = contacts();
		const [u1] = users();
		const failed = await run({ resource: 'follower', operation: 'add', contactId: byId(a.id), followers: ['noSuchUser'] });
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error?.message).toBe('GHL answered 400: User not found');
		sb().clearRequests();
		const result = await run(
			{ resource: 'follower', operation: 'add', contactId: byId('={{ $json.id }}'), followers: '={{ $json.users }}' },
			[{ id: a.id, users: [u1.id] }, { id: b.id, users: [] }, { id: b.id, users: [u1.id] }],
			true,
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({ contactId: a.id, followersAdded: [u1.id] });
		expect(result.items[1].json).toMatchObject({ error: 'Followers: is required but empty [item 1]' });
		expect(result.items[2].json).toMatchObject({ contactId: b.id, followersAdded: [u1.id] });
		expect(sb().requests).toHaveLength(2);
	});
});
