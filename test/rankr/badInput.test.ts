/**
 * Bad input to the Rankr node is refused before any request: each case names the field and the item,
 * and the sandbox receives nothing. The list is part of the documented bad-input corpus.
 */
import { viaExpressions } from '../harness/viaExpressions';
import { byId, byRef, rankrSuite } from './setup';

const { state, run } = rankrSuite();
const C = byId('ctc_abc123');
const action = (a: Record<string, unknown>) => ({ action: [a] });

export const RANKR_BAD_INPUT_CASES: Array<[string, Record<string, unknown>, RegExp]> = [
	['contact given by a GHL ID', { resource: 'contact', operation: 'get', contactId: byId('ocQHyuzHvysMo5N5VsXc') }, /^Contact: "ocQHyuzHvysMo5N5VsXc" is not a Rankr contact ID \[item 0\]/],
	['empty contact', { resource: 'contact', operation: 'delete', contactId: byId('') }, /^Contact: is required but empty \[item 0\]/],
	['contact ID with a slash', { resource: 'task', operation: 'getMany', contactId: byId('ctc_a/b') }, /Contact: "ctc_a\/b" is not a Rankr contact ID/],
	['External Ref over 255 characters', { resource: 'contact', operation: 'get', contactId: byRef('x'.repeat(300)) }, /Contact: External Ref is longer than 255 characters/],
	['create with no email, phone or External Ref', { resource: 'contact', operation: 'create', email: '', additionalFields: { city: 'Oslo' } }, /Email: is empty, and so are Phone and External Ref/],
	['create with a bad email', { resource: 'contact', operation: 'create', email: 'ada@', additionalFields: {} }, /^Email: "ada@" is not an email address \[item 0\]/],
	['create with a bad phone', { resource: 'contact', operation: 'create', email: '', additionalFields: { phone: 'call me' } }, /Phone: "call me" is not a phone number/],
	['create with a bad country', { resource: 'contact', operation: 'create', email: 'a@b.co', additionalFields: { country: 'Norway' } }, /Country: "NORWAY" is not a two-letter country code/],
	['create with a bad custom field key', { resource: 'contact', operation: 'create', email: 'a@b.co', additionalFields: { customFields: { field: [{ key: '1st', value: 'x' }] } } }, /Custom Fields: "1st" is not a valid key/],
	['create with a tag over 64 characters', { resource: 'contact', operation: 'create', email: 'a@b.co', additionalFields: { tags: 't'.repeat(70) } }, /Tags: "t{40}…" is longer than 64 characters/],
	['create with a first name over 255 characters', { resource: 'contact', operation: 'create', email: 'a@b.co', additionalFields: { firstName: 'n'.repeat(256) } }, /First Name: is longer than 255 characters/],
	['update with nothing to update', { resource: 'contact', operation: 'update', contactId: C, updateFields: {} }, /Update Fields: nothing to update/],
	['upsert by External Ref without one', { resource: 'contact', operation: 'upsert', matchBy: 'externalRef', externalRef: '', additionalFields: { email: 'a@b.co' } }, /^External Ref: is required but empty/],
	['upsert by email without one', { resource: 'contact', operation: 'upsert', matchBy: 'email', email: '', additionalFields: {} }, /^Email: is required but empty/],
	['list filtered by a bad email', { resource: 'contact', operation: 'getMany', limit: 5, filters: { email: 'nope' } }, /Filters → Email: "nope" is not an email address/],
	['list filtered by a bad date', { resource: 'contact', operation: 'getMany', limit: 5, filters: { updatedSince: 'last week' } }, /Filters → Updated Since: "last week" is not a date/],
	['list with a limit of 0', { resource: 'contact', operation: 'getMany', limit: 0 }, /Limit: must be at least 1/],
	['task without title', { resource: 'task', operation: 'create', contactId: C, title: ' ', additionalFields: {} }, /^Title: is required but empty/],
	['task with a bad due date', { resource: 'task', operation: 'create', contactId: C, title: 'x', additionalFields: { dueAt: 'soonish' } }, /Due At: "soonish" is not a date/],
	['task ID from GHL', { resource: 'task', operation: 'get', contactId: C, taskId: 'x8Jk2' }, /^Task ID: "x8Jk2" is not a Rankr task ID/],
	['task update with nothing', { resource: 'task', operation: 'update', contactId: C, taskId: 'tsk_1', updateFields: {} }, /Update Fields: nothing to update/],
	['task status filter unknown', { resource: 'task', operation: 'getMany', contactId: C, limit: 5, filters: { status: 'late' } }, /Filters → Status: "late" is not one of all, open, completed/],
	['note without body', { resource: 'note', operation: 'create', contactId: C, body: '', additionalFields: {} }, /^Body: is required but empty/],
	['note over 10,000 characters', { resource: 'note', operation: 'create', contactId: C, body: 'b'.repeat(10_001), additionalFields: {} }, /Body: is 10001 characters long; Rankr takes at most 10,000/],
	['note ID without its prefix', { resource: 'note', operation: 'delete', contactId: C, noteId: '123' }, /^Note ID: "123" is not a Rankr note ID/],
	['note update with nothing', { resource: 'note', operation: 'update', contactId: C, noteId: 'nte_1', updateFields: {} }, /Update Fields: nothing to update/],
	['tags to add empty', { resource: 'tag', operation: 'add', contactId: C, tags: '' }, /^Tags: is required but empty/],
	['tags to remove empty', { resource: 'tag', operation: 'remove', contactId: C, tags: [] }, /^Tags: is required but empty/],
	['more than 100 tags set', { resource: 'tag', operation: 'set', contactId: C, tags: Array.from({ length: 101 }, (_, n) => `t${n}`) }, /Tags: has 101 tags; Rankr takes at most 100/],
	['score that is not a whole number', { resource: 'score', operation: 'set', contactId: C, score: '12.5' }, /^Score: "12.5" is not an integer/],
	['score beyond the contract’s bound', { resource: 'score', operation: 'set', contactId: C, score: '5000000' }, /Score: must be at most 1000000/],
	['score adjusted by 0', { resource: 'score', operation: 'adjust', contactId: C, delta: '0', reason: 'x' }, /Change By: is 0, which changes nothing/],
	['score adjusted without a reason', { resource: 'score', operation: 'adjust', contactId: C, delta: '5', reason: '' }, /^Reason: is required but empty/],
	['rule without name', { resource: 'rule', operation: 'create', name: '', eventType: 'e', actions: action({ type: 'addTag', tag: 'x' }), enabled: true }, /^Name: is required but empty/],
	['rule without event type', { resource: 'rule', operation: 'create', name: 'n', eventType: '', actions: action({ type: 'addTag', tag: 'x' }), enabled: true }, /^Event Type: is required but empty/],
	['rule without actions', { resource: 'rule', operation: 'create', name: 'n', eventType: 'e', actions: {}, enabled: true }, /^Actions: is empty/],
	['rule action tag empty', { resource: 'rule', operation: 'create', name: 'n', eventType: 'e', actions: action({ type: 'addTag', tag: '' }), enabled: true }, /Actions 1 → Tag: is required but empty/],
	['rule task due in 400 days', { resource: 'rule', operation: 'create', name: 'n', eventType: 'e', actions: action({ type: 'createTask', title: 't', dueInDays: 400 }), enabled: true }, /Actions 1 → Due In Days: must be at most 365/],
	['rule condition number that is not one', { resource: 'rule', operation: 'create', name: 'n', eventType: 'e', actions: action({ type: 'addTag', tag: 'x' }), conditions: { condition: [{ field: 'a', valueType: 'number', equals: 'many' }] }, enabled: true }, /Conditions 1 → Equals: "many" is not a number/],
	['rule condition without field', { resource: 'rule', operation: 'create', name: 'n', eventType: 'e', actions: action({ type: 'addTag', tag: 'x' }), conditions: { condition: [{ field: '', valueType: 'string', equals: 'x' }] }, enabled: true }, /Conditions 1 → Field: is required but empty/],
	['rule ID without its prefix', { resource: 'rule', operation: 'get', ruleId: 'r1' }, /^Rule ID: "r1" is not a Rankr rule ID/],
	['rule update with nothing', { resource: 'rule', operation: 'update', ruleId: 'rul_1', updateFields: {} }, /Update Fields: nothing to update/],
	['event without type', { resource: 'event', operation: 'send', eventType: '', contactId: C, payload: '{}' }, /^Event Type: is required but empty/],
	['event payload that is not JSON', { resource: 'event', operation: 'send', eventType: 'x', contactId: C, payload: '{task: done}' }, /^Payload \(JSON\): is not valid JSON/],
	['event payload that is a list', { resource: 'event', operation: 'send', eventType: 'x', contactId: C, payload: '[1]' }, /Payload \(JSON\): must be a JSON object/],
	['webhook URL that is not http', { resource: 'webhook', operation: 'create', url: 'ftp://example.com/x', events: ['contact.created'] }, /^URL: "ftp:\/\/example.com\/x" is not an http\(s\) URL/],
	['webhook without events', { resource: 'webhook', operation: 'create', url: 'https://example.com/x', events: [] }, /^Events: is required but empty/],
	['webhook event unknown', { resource: 'webhook', operation: 'create', url: 'https://example.com/x', events: ['contact.exploded'] }, /Events: "contact.exploded" is not a Rankr event/],
	['webhook ID without its prefix', { resource: 'webhook', operation: 'delete', webhookId: '42' }, /^Webhook ID: "42" is not a Rankr webhook ID/],
];

describe('Rankr node refuses bad input before sending anything', () => {
	it('has a corpus of at least 40 cases', () => expect(RANKR_BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40));

	it.each(RANKR_BAD_INPUT_CASES)('%s', async (_name, parameters, message) => {
		const result = await run(viaExpressions(parameters) as Record<string, unknown>);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(state.sb.requests).toHaveLength(0);
	});

	it('names the failing item in a batch; with Continue On Fail the others still run and errors keep pairedItem', async () => {
		const items = [{ e: 'a@example.test' }, { e: 'broken' }, { e: 'c@example.test' }];
		const params = { resource: 'contact', operation: 'create', email: '={{$json.e}}', additionalFields: {} };
		const failed = await run(params, items);
		expect(failed.error?.message).toBe('Email: "broken" is not an email address [item 1]');
		state.sb.reset();
		const tolerant = await run(params, items, true);
		expect(tolerant.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
		expect(tolerant.items[1]).toMatchObject({ json: { error: 'Email: "broken" is not an email address [item 1]' }, pairedItem: { item: 1 } });
		expect(state.sb.store.contacts.size).toBe(2);
	});

	it('a Rankr refusal reaches the user with Rankr’s own words and the field, not the key', async () => {
		state.sb.store.addContact({ email: 'taken@example.test' });
		const result = await run({ resource: 'contact', operation: 'create', email: 'taken@example.test', additionalFields: {} });
		expect(result.error?.message).toMatch(/email/i);
		expect(JSON.stringify(result.error)).not.toContain(state.sb.apiKey);
		expect(state.sb.contractViolations).toEqual([]);
	});
});
