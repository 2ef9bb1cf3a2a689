/**
 * Creating a person GHL already has, with the sandbox's "Allow Duplicate Contact" switch both ways (GHL's
 * spec does not say what a create does when duplicates are not allowed): allowed, a second contact is made;
 * not allowed, GHL's 400 names the contact that matched, and a rerun of a batch stops at the first duplicate
 * without sending the items after it. Create or Update finds the person either way.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const creates = () => sb().requests.filter((r) => r.method === 'POST' && r.path === '/contacts/');
const createFromItems = { resource: 'contact', operation: 'create', fields: { email: '={{ $json.email }}', firstName: '={{ $json.name }}' } };
const batch = Array.from({ length: 4 }, (_, i) => ({ email: `rerun${i}@example.test`, name: `Rerun ${i}` }));

describe.each([
	['allowed', true],
	['not allowed', false],
])('GHL contacts with duplicates %s', (_label, allowed) => {
	beforeEach(() => {
		sb().store.allowDuplicateContacts = allowed;
	});

	it('creates a person GHL does not have yet', async () => {
		const result = await run({ resource: 'contact', operation: 'create', fields: { email: 'new.person@example.test', firstName: 'New' } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ email: 'new.person@example.test', firstName: 'New' });
	});

	it(allowed ? 'creates a second contact for an email GHL has' : "refuses an email GHL has with GHL's message, creating nothing", async () => {
		const existing = contacts()[0];
		const before = contacts().length;
		const result = await run({ resource: 'contact', operation: 'create', fields: { email: String(existing.email), firstName: 'Again' } });
		if (allowed) {
			expect(result.error).toBeUndefined();
			expect(contacts()).toHaveLength(before + 1);
		} else {
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toBe('GHL answered 400: This location does not allow duplicated contacts.');
			expect(contacts()).toHaveLength(before);
		}
	});

	it(allowed ? 'a rerun of a batch of creates makes every contact again' : 'a rerun of a batch of creates stops at the first duplicate and sends nothing after it', async () => {
		expect((await run(createFromItems, batch)).error).toBeUndefined();
		sb().clearRequests();
		const before = contacts().length;
		const rerun = await run(createFromItems, batch);
		if (allowed) {
			expect(rerun.error).toBeUndefined();
			expect(contacts()).toHaveLength(before + 4);
		} else {
			expect(rerun.error?.message).toBe('GHL answered 400: This location does not allow duplicated contacts.');
			expect(creates().map((r) => (r.body as { email: string }).email)).toEqual(['rerun0@example.test']);
			expect(contacts()).toHaveLength(before);
		}
	});

	it('with Continue On Fail a rerun gives one item per input, in order and paired', async () => {
		await run(createFromItems, batch);
		const rerun = await run(createFromItems, batch, true);
		expect(rerun.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		if (allowed) expect(rerun.items.map((i) => i.json.email)).toEqual(batch.map((b) => b.email));
		else expect(rerun.items.map((i) => i.json.error)).toEqual(batch.map(() => 'GHL answered 400: This location does not allow duplicated contacts.'));
	});

	it('Create or Update updates the person GHL has instead of making another', async () => {
		const existing = contacts()[0];
		const before = contacts().length;
		const result = await run({ resource: 'contact', operation: 'upsert', fields: { email: String(existing.email), city: 'Lyon' } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: existing.id, city: 'Lyon', new: false });
		expect(contacts()).toHaveLength(before);
	});
});
