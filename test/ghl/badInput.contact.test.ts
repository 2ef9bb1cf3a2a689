/**
 * Contact and Tag refuse bad input before any request: each case is a NodeOperationError that names the
 * field as the editor shows it and the item ("[item N]"), and the sandbox receives nothing.
 */
import { resources } from '../../nodes/Ghl/actions/router';
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const C = byId('abc123');
const contact = (parameters: Record<string, unknown>) => ({ resource: 'contact', ...parameters });
const tag = (parameters: Record<string, unknown>) => ({ resource: 'tag', ...parameters });

/** [case, parameters, field named in the message, what it says about the value] */
type Case = [string, Record<string, unknown>, string, RegExp];

const CONTACT_CASES: Case[] = [
	['get: ID with a slash', contact({ operation: 'get', contactId: byId('a/b') }), 'Contact', /"a\/b" is not a valid ID/],
	['get: empty ID', contact({ operation: 'get', contactId: byId('') }), 'Contact', /is required but empty/],
	['delete: ID with a space', contact({ operation: 'delete', contactId: byId('a b') }), 'Contact', /is not a valid ID/],
	['update: ID climbing the path', contact({ operation: 'update', contactId: byId('../x'), updateFields: { city: 'Oslo' } }), 'Contact', /is not a valid ID/],
	['appointments: ID with a question mark', contact({ operation: 'getAppointments', contactId: byId('?') }), 'Contact', /is not a valid ID/],
	['create: nobody to recognise', contact({ operation: 'create', fields: { city: 'Paris' } }), 'Contact Fields', /give at least an email, a phone or a name/],
	['create: email without a domain', contact({ operation: 'create', fields: { email: 'not-an-email' } }), 'Email', /"not-an-email" is not an email address/],
	['create: phone in words', contact({ operation: 'create', fields: { phone: 'call me' } }), 'Phone', /"call me" is not a phone number/],
	['create: date of birth that is no date', contact({ operation: 'create', fields: { name: 'X', dateOfBirth: 'yesterday-ish' } }), 'Date of Birth', /is not a date/],
	['create: country spelt out', contact({ operation: 'create', fields: { name: 'X', country: 'France' } }), 'Country', /"France" is not a two-letter country code/],
	['create: website that is one word', contact({ operation: 'create', fields: { name: 'X', website: 'example' } }), 'Website', /"example" is not a URL/],
	['create: unknown time zone', contact({ operation: 'create', fields: { name: 'X', timezone: 'Mars/Olympus_Mons' } }), 'Timezone', /"Mars\/Olympus_Mons" is not a time zone/],
	['create: unknown gender value', contact({ operation: 'create', fields: { name: 'X', gender: 'robot' } }), 'Gender', /"robot" is not one of female, male, other/],
	['create: assignee ID with a slash', contact({ operation: 'create', fields: { name: 'X', assignedTo: 'u/1' } }), 'Assigned To', /is not a valid ID/],
	['create: custom field without field', contact({ operation: 'create', fields: { name: 'X' }, customFields: { field: [{ by: 'id', id: '', value: '1' }] } }), 'Custom Fields [1] Field', /is required but empty/],
	['create: custom field without key', contact({ operation: 'create', fields: { name: 'X' }, customFields: { field: [{ by: 'key', key: ' ', value: '1' }] } }), 'Custom Fields [1] Field Key', /is required but empty/],
	['create: custom field key with spaces', contact({ operation: 'create', fields: { name: 'X' }, customFields: { field: [{ by: 'key', key: 'lead score!', value: '1' }] } }), 'Custom Fields [1] Field Key', /"lead score!" is not a field key/],
	['create: second custom field ID with a slash', contact({ operation: 'create', fields: { name: 'X' }, customFields: { field: [{ by: 'id', id: 'f1', value: '1' }, { by: 'id', id: 'f/2', value: '2' }] } }), 'Custom Fields [2] Field', /is not a valid ID/],
	['create: DND channel given twice', contact({ operation: 'create', fields: { name: 'X' }, dndSettings: { channel: [{ channel: 'Email', status: 'active' }, { channel: 'Email', status: 'inactive' }] } }), 'Do Not Disturb Channel', /"Email" is given twice/],
	['create: DND channel GHL lacks', contact({ operation: 'create', fields: { name: 'X' }, dndSettings: { channel: [{ channel: 'Fax', status: 'active' }] } }), 'Do Not Disturb Channel', /"Fax" is not one of/],
	['create: DND status GHL lacks', contact({ operation: 'create', fields: { name: 'X' }, dndSettings: { channel: [{ channel: 'SMS', status: 'sometimes' }] } }), 'Do Not Disturb Status', /"sometimes" is not one of active, inactive, permanent/],
	['create: inbound DND status GHL lacks', contact({ operation: 'create', fields: { name: 'X' }, inboundDndSettings: { all: { status: 'permanent' } } }), 'Inbound Do Not Disturb Status', /"permanent" is not one of active, inactive/],
	['update: nothing to update', contact({ operation: 'update', contactId: C, updateFields: {} }), 'Update Fields', /choose at least one field/],
	['update: email cut short', contact({ operation: 'update', contactId: C, updateFields: { email: 'x@' } }), 'Email', /"x@" is not an email address/],
	['upsert: nothing to match on', contact({ operation: 'upsert', fields: { firstName: 'X' } }), 'Contact Fields', /upsert needs an email or a phone/],
	['upsert: phone too short', contact({ operation: 'upsert', fields: { phone: '12' } }), 'Phone', /"12" is not a phone number/],
	['get many: filter without field', contact({ operation: 'getMany', filters: { filter: [{ field: '', operator: 'eq', value: 'x' }] } }), 'Filters [1] Field', /is required but empty/],
	['get many: filter operator GHL lacks', contact({ operation: 'getMany', filters: { filter: [{ field: 'email', operator: 'like', value: 'x' }] } }), 'Filters [1] Operator', /"like" is not one of/],
	['get many: filter without value', contact({ operation: 'getMany', filters: { filter: [{ field: 'tags', operator: 'eq', value: 'a' }, { field: 'email', operator: 'contains', value: '' }] } }), 'Filters [2] Value', /is required but empty/],
	['get many: range that is not JSON', contact({ operation: 'getMany', filters: { filter: [{ field: 'dateAdded', operator: 'range', value: 'last week' }] } }), 'Filters [1] Value', /a range needs JSON/],
	['get many: range with unknown bound', contact({ operation: 'getMany', filters: { filter: [{ field: 'dateAdded', operator: 'range', value: '{"from": "2024-01-01"}' }] } }), 'Filters [1] Value', /keys gt, gte, lt, lte/],
	['get many: sort field GHL lacks', contact({ operation: 'getMany', sort: { field: 'shoeSize' } }), 'Sort Field', /"shoeSize" is not one of/],
	['get many: sort direction GHL lacks', contact({ operation: 'getMany', sort: { field: 'email', direction: 'sideways' } }), 'Sort Direction', /"sideways" is not one of asc, desc/],
	['get many: limit of zero', contact({ operation: 'getMany', returnAll: false, limit: 0 }), 'Limit', /must be at least 1/],
	['get many (legacy): limit past the maximum', contact({ operation: 'getManyLegacy', returnAll: false, limit: 20000 }), 'Limit', /must be at most 10000/],
	['find duplicate: nothing to look for', contact({ operation: 'findDuplicate', email: '', phone: '' }), 'Email', /give an email or a phone/],
	['find duplicate: bad email', contact({ operation: 'findDuplicate', email: 'nope' }), 'Email', /"nope" is not an email address/],
	['find duplicate: bad phone', contact({ operation: 'findDuplicate', phone: '+1 (415) abc' }), 'Phone', /is not a phone number/],
	['by business: no business', contact({ operation: 'getManyByBusiness', businessId: '' }), 'Business ID', /is required but empty/],
	['by business: business ID with a slash', contact({ operation: 'getManyByBusiness', businessId: 'b/1' }), 'Business ID', /is not a valid ID/],
	['add to business: no contacts', contact({ operation: 'addToBusiness', contactIds: ' , ', businessId: 'b1' }), 'Contact IDs', /is required but empty/],
	['add to business: one contact ID with a slash', contact({ operation: 'addToBusiness', contactIds: 'ok1,bad/2', businessId: 'b1' }), 'Contact IDs', /"bad\/2" is not a valid ID/],
	['add to business: contact ID over 50 characters', contact({ operation: 'addToBusiness', contactIds: ['x'.repeat(51)], businessId: 'b1' }), 'Contact IDs', /longer than 50 characters/],
	['add to business: no business', contact({ operation: 'addToBusiness', contactIds: 'c1', businessId: '' }), 'Business ID', /is required but empty/],
	['remove from business: no contacts', contact({ operation: 'removeFromBusiness', contactIds: [] }), 'Contact IDs', /is required but empty/],
];

const TAG_CASES: Case[] = [
	['add: no tags', tag({ operation: 'add', contactId: C, tags: [] }), 'Tags', /is required but empty/],
	['remove: only blank tags', tag({ operation: 'remove', contactId: C, tags: [' ', ''] }), 'Tags', /is required but empty/],
	['add: contact ID with a slash', tag({ operation: 'add', contactId: byId('x/y'), tags: ['a'] }), 'Contact', /is not a valid ID/],
	['bulk: no contacts', tag({ operation: 'bulkUpdate', bulkAction: 'add', contactIds: '', tags: ['x'] }), 'Contact IDs', /is required but empty/],
	['bulk: contact ID with a space', tag({ operation: 'bulkUpdate', bulkAction: 'add', contactIds: ['c1', 'c 2'], tags: ['x'] }), 'Contact IDs', /"c 2" is not a valid ID/],
	['bulk add: no tags', tag({ operation: 'bulkUpdate', bulkAction: 'add', contactIds: 'c1', tags: [] }), 'Tags', /is required but empty/],
	['bulk remove: no tags and not all', tag({ operation: 'bulkUpdate', bulkAction: 'remove', contactIds: 'c1', tags: [], removeAllTags: false }), 'Tags', /is required but empty/],
	['bulk: action GHL lacks', tag({ operation: 'bulkUpdate', bulkAction: '={{ "toggle" }}', contactIds: 'c1', tags: ['x'] }), 'Action', /"toggle" is not one of add, remove/],
	['location tag get: no ID', tag({ operation: 'getLocation', tagId: '' }), 'Tag', /is required but empty/],
	['location tag get: ID with a slash', tag({ operation: 'getLocation', tagId: 'g/1' }), 'Tag', /is not a valid ID/],
	['location tag create: blank name', tag({ operation: 'createLocation', name: '  ' }), 'Name', /is required but empty/],
	['location tag rename: no new name', tag({ operation: 'updateLocation', tagId: 't1', name: '' }), 'New Name', /is required but empty/],
	['location tag rename: ID with a hash', tag({ operation: 'updateLocation', tagId: 't#1', name: 'x' }), 'Tag', /is not a valid ID/],
	['location tag delete: no ID', tag({ operation: 'deleteLocation', tagId: '' }), 'Tag', /is required but empty/],
	['location tags list: negative limit', tag({ operation: 'getManyLocation', returnAll: false, limit: -1 }), 'Limit', /must be at least 1/],
];

/** Fields that steer which other fields exist stay literal, as a user sets them in the editor. */
const LITERAL = new Set(['resource', 'operation', '__rl', 'mode', 'by', 'bulkAction', 'returnAll', 'removeAllTags']);

/**
 * n8n refuses some literal values itself (required fields, the locator's regex) before the node runs.
 * Values from earlier nodes arrive through expressions and reach the node: that is what our checks are
 * for, so every value is given as an expression.
 */
function viaExpressions(value: unknown, key = ''): unknown {
	if (LITERAL.has(key)) return value;
	if (typeof value === 'string') return value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`;
	if (typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v !== 'object'))) return `={{ ${JSON.stringify(value)} }}`;
	if (Array.isArray(value)) return value.map((v) => viaExpressions(v));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, viaExpressions(v, k)]));
	return value;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('Contact and Tag refuse bad input before sending anything', () => {
	it('has at least 25 cases and one for every Contact and Tag operation that takes input', () => {
		expect(CONTACT_CASES.length + TAG_CASES.length).toBeGreaterThanOrEqual(25);
		const covered = new Set([...CONTACT_CASES, ...TAG_CASES].map(([, p]) => `${String(p.resource)}.${String(p.operation)}`));
		const all = ['contact', 'tag'].flatMap((r) => Object.keys(resources[r]).map((op) => `${r}.${op}`));
		expect(all.filter((op) => !covered.has(op))).toEqual([]);
	});

	it.each([...CONTACT_CASES, ...TAG_CASES])('%s', async (_title, parameters, field, problem) => {
		const result = await run(viaExpressions(parameters) as Record<string, unknown>);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(new RegExp(`^${escape(field)}: .*\\[item 0\\]$`));
		expect(result.error?.message).toMatch(problem);
		expect(sb().requests).toHaveLength(0);
	});
});

describe('Bad rows in a batch', () => {
	const createFromItems = { resource: 'contact', operation: 'create', fields: { email: '={{ $json.email }}', firstName: '={{ $json.name }}' } };
	const rows = [
		{ email: 'a@example.test', name: 'A' },
		{ email: 'broken', name: 'B' },
		{ email: 'c@example.test', name: 'C' },
		{ email: '', name: '' },
	];

	it('names the failing item, and the item\'s bad value never reaches GHL', async () => {
		const result = await run(createFromItems, [rows[0], rows[2], rows[1]]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Email: "broken" is not an email address [item 2]');
		expect(sb().requests.some((r) => JSON.stringify(r.body).includes('broken'))).toBe(false);
	});

	it('with Continue On Fail gives error items paired to their input while the good items succeed', async () => {
		const result = await run(createFromItems, rows, true);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toMatchObject({ email: 'a@example.test', firstName: 'A' });
		expect(result.items[1].json).toEqual({ error: 'Email: "broken" is not an email address [item 1]' });
		expect(result.items[2].json).toMatchObject({ email: 'c@example.test', firstName: 'C' });
		expect(result.items[3].json).toEqual({ error: 'Contact Fields: give at least an email, a phone or a name [item 3]' });
		expect(sb().requests.map((r) => (r.body as { email: string }).email).sort()).toEqual(['a@example.test', 'c@example.test']);
	});

	it('with Continue On Fail keeps GHL\'s own refusals as error items too', async () => {
		const id = sb().store.contactsOf(sb().locationId)[0].id;
		const result = await run({ resource: 'tag', operation: 'add', contactId: byId('={{ $json.id }}'), tags: ['vip'] }, [{ id }, { id: 'unknownContact' }, { id: 'bad/id' }], true);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({ contactId: id });
		expect(result.items[1].json.error).toMatch(/Contact not found/);
		expect(result.items[2].json.error).toMatch(/^Contact: "bad\/id" is not a valid ID \[item 2\]$/);
		expect(sb().requests.map((r) => r.path)).toEqual(expect.arrayContaining([`/contacts/${id}/tags`, '/contacts/unknownContact/tags']));
		expect(sb().requests).toHaveLength(2);
	});
});
