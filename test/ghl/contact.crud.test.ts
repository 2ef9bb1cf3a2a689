/**
 * Contact → Create, Get, Update, Delete, Create or Update, Find Duplicate, Get Appointments, run through
 * n8n-core against the GHL sandbox: the exact request GHL received and the items that came out.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 6 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const last = () => sb().requests[sb().requests.length - 1];
const customField = (key: string) => [...sb().store.customFields.values()].find((f) => f.fieldKey === `contact.${key}`)!;
const ok = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) => {
	const result = await run(parameters, items);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};

describe('Contact → Create', () => {
	it('sends every field in GHL\'s shape and returns the new contact', async () => {
		const user = [...sb().store.users.values()][0];
		const [out] = await ok({
			resource: 'contact',
			operation: 'create',
			fields: {
				firstName: 'Ada',
				lastName: 'Lovelace',
				email: 'ADA@Example.test',
				phone: '+14155550100',
				companyName: 'Analytical Engines',
				address1: '12 St James Sq',
				city: 'London',
				state: 'LDN',
				postalCode: 'SW1Y 4JH',
				country: 'gb',
				website: 'www.example.test',
				timezone: 'Europe/London',
				source: 'n8n test',
				// Late evening west of UTC is already the next day in UTC: the date as written must be kept.
				dateOfBirth: '1815-12-10T23:30:00.000-05:00',
				assignedTo: user.id,
				tags: ['vip', 'vip', 'new'],
				gender: 'female',
				dnd: false,
			},
			customFields: {
				field: [
					{ by: 'id', id: customField('lead_score').id, value: '42' },
					{ by: 'key', key: 'favourite_colour', value: 'green' },
				],
			},
			dndSettings: { channel: [{ channel: 'SMS', status: 'inactive', message: '', code: '' }, { channel: 'Email', status: 'permanent', message: 'asked', code: 'C1' }] },
		});
		expect(last()).toMatchObject({ method: 'POST', path: '/contacts/', status: 201 });
		expect(last().headers.version).toBe('2021-07-28');
		expect(last().body).toEqual({
			locationId: sb().locationId,
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ADA@Example.test',
			phone: '+14155550100',
			companyName: 'Analytical Engines',
			address1: '12 St James Sq',
			city: 'London',
			state: 'LDN',
			postalCode: 'SW1Y 4JH',
			country: 'GB',
			website: 'www.example.test',
			timezone: 'Europe/London',
			source: 'n8n test',
			dateOfBirth: '1815-12-10',
			assignedTo: user.id,
			tags: ['vip', 'new'],
			gender: 'female',
			dnd: false,
			customFields: [
				{ id: customField('lead_score').id, field_value: '42' },
				{ key: 'favourite_colour', field_value: 'green' },
			],
			dndSettings: { SMS: { status: 'inactive' }, Email: { status: 'permanent', message: 'asked', code: 'C1' } },
		});
		expect(out).toMatchObject({ firstName: 'Ada', email: 'ada@example.test', tags: ['vip', 'new'], dateOfBirth: '1815-12-10' });
		expect(out).not.toHaveProperty('contact');
		const stored = sb().store.contacts.get(String(out.id))!;
		expect(stored.customFields).toEqual([
			{ id: customField('lead_score').id, value: '42' },
			{ id: customField('favourite_colour').id, value: 'green' },
		]);
	});

	it('takes a custom field key given through the ID slot, as an expression would give it', async () => {
		await ok({ resource: 'contact', operation: 'create', fields: { name: 'Key Person' }, customFields: { field: [{ id: '={{ "contact.lead_score" }}', value: '7' }] } });
		expect(last().body).toMatchObject({ customFields: [{ key: 'lead_score', field_value: '7' }] });
	});

	it('with Simplify off returns GHL\'s whole answer', async () => {
		const [out] = await ok({ resource: 'contact', operation: 'create', fields: { email: 'raw@example.test' }, simplify: false });
		expect(out).toHaveProperty('contact.email', 'raw@example.test');
	});

	it('creates one contact per input item, each paired to its item', async () => {
		const result = await run(
			{ resource: 'contact', operation: 'create', fields: { email: '={{ $json.email }}', firstName: '={{ $json.first }}' } },
			[{ email: 'one@example.test', first: 'One' }, { email: 'two@example.test', first: 'Two' }, { email: 'three@example.test', first: 'Three' }],
		);
		expect(result.items.map((i) => [i.json.firstName, i.pairedItem])).toEqual([
			['One', { item: 0 }],
			['Two', { item: 1 }],
			['Three', { item: 2 }],
		]);
		expect(sb().requests.filter((r) => r.method === 'POST')).toHaveLength(3);
	});
});

describe('Contact → Get', () => {
	it('gets by ID, unwrapped', async () => {
		const c = contacts()[2];
		expect(await ok({ resource: 'contact', operation: 'get', contactId: byId(c.id) })).toEqual([expect.objectContaining({ id: c.id, email: c.email })]);
		expect(last()).toMatchObject({ method: 'GET', path: `/contacts/${c.id}`, query: {} });
	});

	it('gets by GHL page URL, and whole with Simplify off', async () => {
		const c = contacts()[3];
		const url = `https://app.gohighlevel.com/v2/location/${sb().locationId}/contacts/detail/${c.id}`;
		const [out] = await ok({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'url', value: url }, simplify: false });
		expect(out).toEqual({ contact: expect.objectContaining({ id: c.id }) });
		expect(last().path).toBe(`/contacts/${c.id}`);
	});

	it('reports an unknown contact with GHL\'s own message', async () => {
		const result = await run({ resource: 'contact', operation: 'get', contactId: byId('doesNotExist') });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/Contact not found/);
	});
});

describe('Contact → Update', () => {
	it('sends only the fields that were set and returns the updated contact', async () => {
		const c = contacts()[0];
		const [out] = await ok({
			resource: 'contact',
			operation: 'update',
			contactId: byId(c.id),
			updateFields: { lastName: 'Byron', dateOfBirth: '1990-01-31T00:00:00.000Z', dnd: true },
			customFields: { field: [{ by: 'key', key: 'contact.favourite_colour', value: 'red' }] },
		});
		expect(last()).toMatchObject({ method: 'PUT', path: `/contacts/${c.id}`, status: 200 });
		expect(last().body).toEqual({ lastName: 'Byron', dateOfBirth: '1990-01-31', dnd: true, customFields: [{ key: 'favourite_colour', field_value: 'red' }] });
		expect(out).toMatchObject({ id: c.id, lastName: 'Byron', dnd: true });
	});

	it('replaces the tags when Tags is set, and leaves them alone when it is left empty', async () => {
		const c = contacts()[1];
		sb().store.updateContact(c.id, { tags: ['old'] });
		await ok({ resource: 'contact', operation: 'update', contactId: byId(c.id), updateFields: { tags: [], city: 'Oslo' } });
		expect(last().body).toEqual({ city: 'Oslo' });
		expect(sb().store.contacts.get(c.id)!.tags).toEqual(['old']);
		await ok({ resource: 'contact', operation: 'update', contactId: byId(c.id), updateFields: { tags: ['fresh'] } });
		expect(sb().store.contacts.get(c.id)!.tags).toEqual(['fresh']);
	});

	it('does not offer Company Name or Gender, which GHL\'s update refuses', async () => {
		const { Ghl } = await import('../../nodes/Ghl/Ghl.node');
		const update = new Ghl().description.properties.find((p) => p.name === 'updateFields' && p.displayOptions?.show?.resource?.includes('contact'))!;
		const names = (update.options as Array<{ name: string }>).map((o) => o.name);
		expect(names).toEqual(expect.arrayContaining(['email', 'tags', 'dateOfBirth', 'dnd', 'assignedTo']));
		expect(names).not.toContain('companyName');
		expect(names).not.toContain('gender');
	});
});

describe('Contact → Delete', () => {
	it('deletes and answers the n8n way, not GHL\'s "succeded"', async () => {
		const c = contacts()[4];
		expect(await ok({ resource: 'contact', operation: 'delete', contactId: byId(c.id) })).toEqual([{ deleted: true, id: c.id }]);
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${c.id}`, status: 200 });
		expect(sb().store.contacts.has(c.id)).toBe(false);
	});
});

describe('Contact → Create or Update', () => {
	it('creates, then updates the same contact matched by email', async () => {
		const [first] = await ok({ resource: 'contact', operation: 'upsert', fields: { email: 'up@example.test', firstName: 'One' } });
		expect(last()).toMatchObject({ method: 'POST', path: '/contacts/upsert', body: { locationId: sb().locationId, email: 'up@example.test', firstName: 'One' } });
		expect(last().body).not.toHaveProperty('createNewIfDuplicateAllowed');
		const [second] = await ok({ resource: 'contact', operation: 'upsert', fields: { email: 'up@example.test', firstName: 'Two', phone: '+14155559999' } });
		expect(first).toMatchObject({ new: true, firstName: 'One' });
		expect(second).toMatchObject({ new: false, id: first.id, firstName: 'Two', phone: '+14155559999' });
	});

	it('sends createNewIfDuplicateAllowed when asked, and the raw answer with Simplify off', async () => {
		const [out] = await ok({ resource: 'contact', operation: 'upsert', fields: { phone: '+14155551234' }, createNewIfDuplicateAllowed: true, simplify: false });
		expect(last().body).toMatchObject({ phone: '+14155551234', createNewIfDuplicateAllowed: true });
		expect(out).toEqual({ new: true, contact: expect.objectContaining({ phone: '+14155551234' }), traceId: expect.any(String) });
	});
});

describe('Contact → Find Duplicate', () => {
	it('finds by email and by phone, with the phone\'s "+" kept', async () => {
		const c = contacts()[5];
		expect(await ok({ resource: 'contact', operation: 'findDuplicate', email: String(c.email) })).toEqual([expect.objectContaining({ found: true, id: c.id })]);
		expect(last()).toMatchObject({ method: 'GET', path: '/contacts/search/duplicate', query: { locationId: sb().locationId, email: String(c.email) } });
		expect(last().query).not.toHaveProperty('number');
		expect(await ok({ resource: 'contact', operation: 'findDuplicate', phone: String(c.phone) })).toEqual([expect.objectContaining({ found: true, id: c.id })]);
		expect(last().query).toEqual({ locationId: sb().locationId, number: String(c.phone) });
	});

	it('gives one item with found: false when there is none', async () => {
		expect(await ok({ resource: 'contact', operation: 'findDuplicate', email: 'nobody@example.test', phone: '+14150000000' })).toEqual([{ found: false }]);
		expect(last().query).toEqual({ locationId: sb().locationId, email: 'nobody@example.test', number: '+14150000000' });
	});
});

describe('Contact → Get Appointments', () => {
	it('lists the contact\'s appointments one item each, and none for a contact without', async () => {
		const [c, other] = contacts();
		sb().store.appointments.set('ap1', { id: 'ap1', contactId: c.id, locationId: sb().locationId, title: 'Intro call' });
		sb().store.appointments.set('ap2', { id: 'ap2', contactId: c.id, locationId: sb().locationId, title: 'Follow-up' });
		const out = await ok({ resource: 'contact', operation: 'getAppointments', contactId: byId(c.id) });
		expect(out.map((e) => e.title)).toEqual(['Intro call', 'Follow-up']);
		expect(last()).toMatchObject({ method: 'GET', path: `/contacts/${c.id}/appointments` });
		expect(await ok({ resource: 'contact', operation: 'getAppointments', contactId: byId(other.id) })).toEqual([]);
		const [raw] = await ok({ resource: 'contact', operation: 'getAppointments', contactId: byId(c.id), simplify: false });
		expect((raw.events as unknown[]).length).toBe(2);
	});
});
