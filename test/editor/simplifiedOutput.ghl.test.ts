/** Simplified GHL contacts lead with what a person reads first: n8n's table view shows columns in key order. */
import { byId, ghlSuite } from '../ghl/setup';

const { state, run } = ghlSuite({ seed: { contacts: 3 }, rateLimit: false });
const firstKeys = (json: Record<string, unknown>) => Object.keys(json).slice(0, 4);

it('Contact → Get puts first name, last name, email and phone before id, locationId and tags', async () => {
	const c = state.sb.store.contactsOf(state.sb.locationId)[0];
	const result = await run({ resource: 'contact', operation: 'get', contactId: byId(c.id) });
	expect(result.error).toBeUndefined();
	expect(firstKeys(result.items[0].json)).toEqual(['firstName', 'lastName', 'email', 'phone']);
	expect(result.items[0].json).toMatchObject({ id: c.id, email: c.email });
});

it('Contact → Get Many does the same for every contact, and keeps every field', async () => {
	const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(3);
	for (const item of result.items) {
		expect(firstKeys(item.json)).toEqual(['firstName', 'lastName', 'email', 'phone']);
		expect(item.json).toHaveProperty('id');
		expect(item.json).toHaveProperty('locationId');
		expect(item.json).not.toHaveProperty('searchAfter');
	}
});

it('with Simplify off the answer stays as GHL sent it', async () => {
	const c = state.sb.store.contactsOf(state.sb.locationId)[0];
	const result = await run({ resource: 'contact', operation: 'get', contactId: byId(c.id), simplify: false });
	expect(Object.keys(result.items[0].json)).toEqual(['contact']);
});
