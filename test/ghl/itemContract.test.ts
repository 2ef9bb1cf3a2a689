/**
 * n8n's item contract on the GHL node, against the sandbox: without Continue On Fail nothing after a failed
 * item is sent (bad input of any item fails the run before any request); with it, the failed item is an
 * error item at its index and the others go; output in order, pairedItem on each; items on one contact
 * keep their order.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 10 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const writes = () => sb().requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/search'));

const create = { resource: 'contact', operation: 'create', fields: { email: '={{ $json.email }}', firstName: '={{ $json.name }}' } };
/**
 * Holds each request the sandbox receives until `count` requests are inside at once (or a second passed):
 * returns how many were inside together at most. Run in series, they would never meet.
 */
/** The transport sends one request alone until GHL's first answer tells it the rate limit: get that done. */
async function warmUp(): Promise<void> {
	await run({ resource: 'contact', operation: 'get', contactId: byId(contacts()[0].id) });
	sb().clearRequests();
}

async function meetAt(count: number): Promise<() => number> {
	await warmUp();
	let inside = 0;
	let most = 0;
	const waiting: Array<() => void> = [];
	sb().setLatency(
		() =>
			new Promise<void>((resolve) => {
				most = Math.max(most, ++inside);
				waiting.push(resolve);
				const release = () => {
					for (const r of waiting.splice(0)) r();
				};
				if (inside >= count) release();
				else setTimeout(release, 1000).unref();
			}).finally(() => inside--),
	);
	return () => most;
}

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `person${i}@example.test`, name: `Person ${i}` }));

describe('GHL items: a failed item stops the items after it (Continue On Fail off)', () => {
	it('four creates with item 0 invalid create no contact at all, and the error names the field and item', async () => {
		const before = contacts().length;
		const items = people(4);
		items[0].email = 'not-an-email';
		const result = await run(create, items);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Email: "not-an-email" is not an email address [item 0]');
		expect(sb().requests).toHaveLength(0);
		expect(contacts()).toHaveLength(before);
	});

	it('bad input in the last item fails the run before the first item is sent', async () => {
		const items = people(5);
		items[4].email = 'nope';
		const result = await run(create, items);
		expect(result.error?.message).toBe('Email: "nope" is not an email address [item 4]');
		expect(sb().requests).toHaveLength(0);
	});

	it('when GHL refuses item 1, items 2 to 9 are never sent', async () => {
		const ids = contacts().map((c) => c.id);
		ids[1] = 'unknownContact';
		const result = await run(
			{ resource: 'contact', operation: 'update', contactId: byId('={{ $json.id }}'), updateFields: { city: 'Oslo' } },
			ids.map((id) => ({ id })),
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('GHL answered 400: Contact not found');
		expect(writes().map((r) => r.path)).toEqual([`/contacts/${ids[0]}`, '/contacts/unknownContact']);
		expect(contacts().filter((c) => c.city === 'Oslo').map((c) => c.id)).toEqual([ids[0]]);
	});

	it('reads still run in parallel: eight Gets are in GHL at once', async () => {
		const most = await meetAt(8);
		const ids = contacts().slice(0, 8).map((c) => ({ id: c.id }));
		const result = await run({ resource: 'contact', operation: 'get', contactId: byId('={{ $json.id }}') }, ids);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual(ids.map((i) => i.id));
		expect(most()).toBe(8);
	});
});

describe('GHL items with Continue On Fail', () => {
	it('the bad item is an error item at its index, every other item is created, output in order with pairedItem', async () => {
		const before = contacts().length;
		const items = people(4);
		items[0].email = 'not-an-email';
		const result = await run(create, items, true);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json.error).toBe('Email: "not-an-email" is not an email address [item 0]');
		expect(result.items.slice(1).map((i) => i.json.email)).toEqual(['person1@example.test', 'person2@example.test', 'person3@example.test']);
		expect(contacts()).toHaveLength(before + 3);
	});

	it('a GHL refusal is an error item at its index; the items after it still go', async () => {
		const ids = contacts().slice(0, 4).map((c) => c.id);
		ids[2] = 'unknownContact';
		const result = await run(
			{ resource: 'contact', operation: 'update', contactId: byId('={{ $json.id }}'), updateFields: { city: 'Oslo' } },
			ids.map((id) => ({ id })),
			true,
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items.map((i) => i.json.error ?? i.json.id)).toEqual([ids[0], ids[1], 'GHL answered 400: Contact not found', ids[3]]);
	});

	it('two items changing one contact are applied in item order, even when the first is slow to arrive', async () => {
		const [c] = contacts();
		await warmUp();
		// The first update is held back in the network until the second arrives (or a moment passed): the
		// second must not have been sent while the first is unanswered.
		let secondArrived: () => void = () => {};
		const arrived = new Promise<void>((resolve) => (secondArrived = resolve));
		sb().setLatency((r) => {
			const name = (r.body as { firstName?: string } | undefined)?.firstName;
			if (name === 'Second') secondArrived();
			return name === 'First' ? Promise.race([arrived, new Promise<void>((resolve) => setTimeout(resolve, 300).unref())]) : 0;
		});
		const result = await run(
			{ resource: 'contact', operation: 'update', contactId: byId(c.id), updateFields: { firstName: '={{ $json.name }}' } },
			[{ name: 'First' }, { name: 'Second' }],
			true,
		);
		expect(result.items.map((i) => i.json.firstName)).toEqual(['First', 'Second']);
		expect(sb().store.contacts.get(c.id)?.firstName).toBe('Second');
	});

	it('items on different contacts still run side by side', async () => {
		const most = await meetAt(4);
		const ids = contacts().slice(0, 4).map((c) => ({ id: c.id }));
		const result = await run({ resource: 'contact', operation: 'update', contactId: byId('={{ $json.id }}'), updateFields: { city: 'Rome' } }, ids, true);
		expect(result.items.map((i) => i.json.city)).toEqual(['Rome', 'Rome', 'Rome', 'Rome']);
		expect(most()).toBe(4);
	});
});
