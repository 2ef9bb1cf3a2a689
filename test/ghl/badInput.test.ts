/**
 * Bad input is refused before any request: each case names the field and the item, and the sandbox
 * receives nothing. The list doubles as the documented bad-input corpus (docs/bad-input.md).
 */
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 1 }, rateLimit: false });
const C = byId('abc123');

export const BAD_INPUT_CASES: Array<[string, Record<string, unknown>, RegExp]> = [
	['contact id with a slash', { resource: 'contact', operation: 'get', contactId: byId('a/b') }, /^Contact: .*not a valid ID \[item 0\]/],
	['empty contact id', { resource: 'contact', operation: 'get', contactId: byId('') }, /Contact: is required but empty \[item 0\]/],
	['contact id with a space', { resource: 'contact', operation: 'delete', contactId: byId('a b') }, /Contact: .*not a valid ID/],
	['create without email, phone or name', { resource: 'contact', operation: 'create', fields: { city: 'Paris' } }, /Contact Fields: give at least/],
	['create with a bad email', { resource: 'contact', operation: 'create', fields: { email: 'not-an-email' } }, /Email: "not-an-email" is not an email address \[item 0\]/],
	['create with a bad phone', { resource: 'contact', operation: 'create', fields: { phone: 'call me' } }, /Phone: "call me" is not a phone number/],
	['create with a bad date of birth', { resource: 'contact', operation: 'create', fields: { name: 'X', dateOfBirth: 'yesterday-ish' } }, /Date of Birth: .*is not a date/],
	['create with a bad country', { resource: 'contact', operation: 'create', fields: { name: 'X', country: 'France' } }, /Country: "France" is not a two-letter country code/],
	['create with a bad website', { resource: 'contact', operation: 'create', fields: { name: 'X', website: 'example' } }, /Website: "example" is not a URL/],
	['create with a bad gender', { resource: 'contact', operation: 'create', fields: { name: 'X', gender: 'robot' } }, /Gender: "robot" is not one of/],
	['create with a bad assignee id', { resource: 'contact', operation: 'create', fields: { name: 'X', assignedTo: 'u/1' } }, /Assigned To: .*not a valid ID/],
	['create with an empty custom field', { resource: 'contact', operation: 'create', fields: { name: 'X' }, customFields: { field: [{ id: '', value: '1' }] } }, /Custom Fields \[1\] Field: is required but empty/],
	['update with nothing to update', { resource: 'contact', operation: 'update', contactId: C, updateFields: {} }, /Update Fields: choose at least one field/],
	['update with a bad email', { resource: 'contact', operation: 'update', contactId: C, updateFields: { email: 'x@' } }, /Email: "x@" is not an email address/],
	['upsert without email or phone', { resource: 'contact', operation: 'upsert', fields: { firstName: 'X' } }, /Contact Fields: upsert needs an email or a phone/],
	['upsert with a bad phone', { resource: 'contact', operation: 'upsert', fields: { phone: '12' } }, /Phone: "12" is not a phone number/],
	['search filter without a field', { resource: 'contact', operation: 'getMany', filters: { filter: [{ field: '', operator: 'eq', value: 'x' }] } }, /Filters \[1\] Field: is required but empty/],
	['search filter with a bad operator', { resource: 'contact', operation: 'getMany', filters: { filter: [{ field: 'email', operator: 'like', value: 'x' }] } }, /Filters \[1\] Operator: "like" is not one of/],
	['search range that is not JSON', { resource: 'contact', operation: 'getMany', filters: { filter: [{ field: 'dateAdded', operator: 'range', value: 'last week' }] } }, /Filters \[1\] Value: a range needs JSON/],
	['search sorted by an unknown field', { resource: 'contact', operation: 'getMany', sort: { field: 'shoeSize' } }, /Sort Field: "shoeSize" is not one of/],
	['duplicate search with nothing to match', { resource: 'contact', operation: 'findDuplicate', email: '', phone: '' }, /Email: give an email or a phone/],
	['duplicate search with a bad email', { resource: 'contact', operation: 'findDuplicate', email: 'nope' }, /Email: "nope" is not an email address/],
	['business listing without business id', { resource: 'contact', operation: 'getManyByBusiness', businessId: '' }, /Business ID: is required but empty/],
	['add to business without contacts', { resource: 'contact', operation: 'addToBusiness', contactIds: '', businessId: 'b1' }, /Contact IDs: is required but empty/],
	['add to business with a bad contact id', { resource: 'contact', operation: 'addToBusiness', contactIds: 'ok1,bad/2', businessId: 'b1' }, /Contact IDs: "bad\/2" is not a valid ID/],
	['add to business without business', { resource: 'contact', operation: 'addToBusiness', contactIds: 'c1', businessId: '' }, /Business ID: is required but empty/],
	['appointments of a bad contact id', { resource: 'contact', operation: 'getAppointments', contactId: byId('?') }, /Contact: .*not a valid ID/],
	['tag add without tags', { resource: 'tag', operation: 'add', contactId: C, tags: [] }, /Tags: is required but empty \[item 0\]/],
	['tag remove without tags', { resource: 'tag', operation: 'remove', contactId: C, tags: [] }, /Tags: is required but empty/],
	['bulk tags without contacts', { resource: 'tag', operation: 'bulkUpdate', bulkAction: 'add', contactIds: '', tags: ['x'] }, /Contact IDs: is required but empty/],
	['bulk tags without tags', { resource: 'tag', operation: 'bulkUpdate', bulkAction: 'add', contactIds: 'c1', tags: [] }, /Tags: is required but empty/],
	['location tag without id', { resource: 'tag', operation: 'getLocation', tagId: '' }, /Tag: is required but empty/],
	['location tag created without name', { resource: 'tag', operation: 'createLocation', name: '  ' }, /Name: is required but empty/],
	['location tag renamed to nothing', { resource: 'tag', operation: 'updateLocation', tagId: 't1', name: '' }, /New Name: is required but empty/],
	['task without title', { resource: 'task', operation: 'create', contactId: C, title: '', dueDate: '2030-01-01T00:00:00Z' }, /Title: is required but empty/],
	['task without due date', { resource: 'task', operation: 'create', contactId: C, title: 'x', dueDate: '' }, /Due Date: is required but empty/],
	['task with a bad due date', { resource: 'task', operation: 'create', contactId: C, title: 'x', dueDate: 'soonish' }, /Due Date: "soonish" is not a date/],
	['task with a bad assignee', { resource: 'task', operation: 'create', contactId: C, title: 'x', dueDate: '2030-01-01T00:00:00Z', additionalFields: { assignedTo: 'a b' } }, /Assigned To: .*not a valid ID/],
	['task get without task id', { resource: 'task', operation: 'get', contactId: C, taskId: '' }, /Task ID: is required but empty/],
	['task update with nothing', { resource: 'task', operation: 'update', contactId: C, taskId: 't1', updateFields: {} }, /Update Fields: choose at least one field/],
	['task completed with a bad task id', { resource: 'task', operation: 'setCompleted', contactId: C, taskId: '../x' }, /Task ID: .*not a valid ID/],
	['note without body', { resource: 'note', operation: 'create', contactId: C, body: '' }, /Body: is required but empty/],
	['note get without id', { resource: 'note', operation: 'get', contactId: C, noteId: '' }, /Note ID: is required but empty/],
	['note update with nothing', { resource: 'note', operation: 'update', contactId: C, noteId: 'n1', updateFields: {} }, /Update Fields: choose at least one field/],
	['followers empty', { resource: 'follower', operation: 'add', contactId: C, followers: [] }, /Followers: is required but empty/],
	['follower id with a slash', { resource: 'follower', operation: 'remove', contactId: C, followers: ['u/1'] }, /Followers: .*not a valid ID/],
	['campaign without id', { resource: 'campaign', operation: 'add', contactId: C, campaignId: '' }, /Campaign: is required but empty/],
	['workflow without id', { resource: 'workflow', operation: 'add', contactId: C, workflowId: '' }, /Workflow: is required but empty/],
];

/**
 * n8n itself refuses literal values that break a field's own rules (required, locator regex) before the
 * node runs. Values arriving through expressions — data from earlier nodes — reach the node; that is
 * what our checks are for, so every value is given as an expression here.
 */
function viaExpressions(value: unknown, key = ''): unknown {
	if (['resource', 'operation', 'bulkAction', '__rl', 'mode'].includes(key)) return value;
	if (typeof value === 'string' || Array.isArray(value)) return `={{ ${JSON.stringify(value)} }}`;
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "object") ? v.map((x) => viaExpressions(x)) : viaExpressions(v, k)]));
	}
	return value;
}

describe('GHL node refuses bad input before sending anything', () => {
	it('has a corpus of at least 40 cases', () => expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40));

	it.each(BAD_INPUT_CASES)('%s', async (_name, parameters, message) => {
		const result = await run(viaExpressions(parameters) as Record<string, unknown>);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(state.sb.requests).toHaveLength(0);
	});

	it('names the failing item in a batch, and with Continue On Fail the others still run', async () => {
		const id = state.sb.store.contactsOf(state.sb.locationId)[0].id;
		const items = [{ e: 'a@example.test' }, { e: 'broken' }, { e: 'c@example.test' }];
		const failed = await run({ resource: 'contact', operation: 'update', contactId: byId(id), updateFields: { email: '={{$json.e}}' } }, items);
		expect(failed.error?.message).toMatch(/\[item 1\]/);
		const tolerant = await run({ resource: 'contact', operation: 'update', contactId: byId(id), updateFields: { email: '={{$json.e}}' } }, items, true);
		expect(tolerant.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(tolerant.items[1]).toMatchObject({ json: { error: 'Email: "broken" is not an email address [item 1]' }, pairedItem: { item: 1 } });
	});
});
