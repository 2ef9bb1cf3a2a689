/**
 * Task, Note, Follower, Campaign and Workflow refuse bad input before any request: each case is a
 * NodeOperationError naming the field as the editor shows it and the item ("[item N]"), and the sandbox
 * receives nothing.
 */
import { resources } from '../../nodes/Ghl/actions/router';
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2, tasksPerContact: 1 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const C = byId('abc123');
const DUE = '2030-01-02T10:00:00Z';
const task = (p: Record<string, unknown>) => ({ resource: 'task', contactId: C, ...p });
const note = (p: Record<string, unknown>) => ({ resource: 'note', contactId: C, ...p });
const follower = (p: Record<string, unknown>) => ({ resource: 'follower', contactId: C, ...p });
const campaign = (p: Record<string, unknown>) => ({ resource: 'campaign', contactId: C, ...p });
const workflow = (p: Record<string, unknown>) => ({ resource: 'workflow', contactId: C, ...p });

/** [case, parameters, field named in the message, what it says about the value] */
type Case = [string, Record<string, unknown>, string, RegExp];

const CASES: Case[] = [
	['task create: blank title', task({ operation: 'create', title: '  ', dueDate: DUE }), 'Title', /is required but empty/],
	['task create: no due date', task({ operation: 'create', title: 'x', dueDate: '' }), 'Due Date', /is required but empty/],
	['task create: due date in words', task({ operation: 'create', title: 'x', dueDate: 'soonish' }), 'Due Date', /"soonish" is not a date/],
	['task create: due date of five digits', task({ operation: 'create', title: 'x', dueDate: '12345' }), 'Due Date', /"12345" is not a date/],
	['task create: assignee ID with a space', task({ operation: 'create', title: 'x', dueDate: DUE, additionalFields: { assignedTo: 'a b' } }), 'Assigned To', /"a b" is not a valid ID/],
	['task create: completed that is not a boolean', task({ operation: 'create', title: 'x', dueDate: DUE, additionalFields: { completed: 'maybe' } }), 'Completed', /"maybe" is not true or false/],
	['task create: contact ID with a slash', task({ operation: 'create', contactId: byId('a/b'), title: 'x', dueDate: DUE }), 'Contact', /"a\/b" is not a valid ID/],
	['task get: no task ID', task({ operation: 'get', taskId: '' }), 'Task ID', /is required but empty/],
	['task get: task ID climbing the path', task({ operation: 'get', taskId: '../x' }), 'Task ID', /is not a valid ID/],
	['task get many: limit of zero', task({ operation: 'getMany', returnAll: false, limit: 0 }), 'Limit', /must be at least 1/],
	['task update: nothing to update', task({ operation: 'update', taskId: 't1', updateFields: {} }), 'Update Fields', /choose at least one field/],
	['task update: title emptied', task({ operation: 'update', taskId: 't1', updateFields: { title: '' } }), 'Title', /is required but empty/],
	['task update: due date that is no date', task({ operation: 'update', taskId: 't1', updateFields: { dueDate: '31/02/2030' } }), 'Due Date', /is not a date/],
	['task set completed: not a boolean', task({ operation: 'setCompleted', taskId: 't1', completed: 'done' }), 'Completed', /"done" is not true or false/],
	['task set completed: task ID with a slash', task({ operation: 'setCompleted', taskId: 't/1' }), 'Task ID', /is not a valid ID/],
	['task delete: task ID with a question mark', task({ operation: 'delete', taskId: 't?1' }), 'Task ID', /is not a valid ID/],
	['task search: contact ID with a space', { resource: 'task', operation: 'searchLocation', filters: { contactIds: 'ok1, no pe' } }, 'Contact IDs', /"no pe" is not a valid ID/],
	['task search: assignee ID with a slash', { resource: 'task', operation: 'searchLocation', filters: { assignedTo: ['u/1'] } }, 'Assigned To', /is not a valid ID/],
	['task search: status GHL lacks', { resource: 'task', operation: 'searchLocation', filters: { status: 'open' } }, 'Status', /"open" is not one of completed, pending/],
	['task search: business ID with a hash', { resource: 'task', operation: 'searchLocation', filters: { businessId: 'b#1' } }, 'Business ID', /is not a valid ID/],
	['task search: limit past the maximum', { resource: 'task', operation: 'searchLocation', returnAll: false, limit: 20000 }, 'Limit', /must be at most 10000/],
	['note create: blank body', note({ operation: 'create', body: ' ' }), 'Body', /is required but empty/],
	['note create: colour by name', note({ operation: 'create', body: 'x', additionalFields: { color: 'orange' } }), 'Color', /"orange" is not a colour/],
	['note create: author ID with a slash', note({ operation: 'create', body: 'x', additionalFields: { userId: 'u/1' } }), 'Author', /is not a valid ID/],
	['note create: pinned that is not a boolean', note({ operation: 'create', body: 'x', additionalFields: { pinned: 'sometimes' } }), 'Pinned', /"sometimes" is not true or false/],
	['note create: no contact', note({ operation: 'create', contactId: byId(''), body: 'x' }), 'Contact', /is required but empty/],
	['note get: no note ID', note({ operation: 'get', noteId: '' }), 'Note ID', /is required but empty/],
	['note get many: negative limit', note({ operation: 'getMany', returnAll: false, limit: -1 }), 'Limit', /must be at least 1/],
	['note update: nothing to update', note({ operation: 'update', noteId: 'n1', updateFields: {} }), 'Update Fields', /choose at least one field/],
	['note update: body emptied', note({ operation: 'update', noteId: 'n1', updateFields: { body: '' } }), 'Body', /is required but empty/],
	['note delete: note ID with a space', note({ operation: 'delete', noteId: 'n 1' }), 'Note ID', /is not a valid ID/],
	['follower add: nobody', follower({ operation: 'add', followers: [] }), 'Followers', /is required but empty/],
	['follower add: only separators', follower({ operation: 'add', followers: ' , ' }), 'Followers', /is required but empty/],
	['follower remove: user ID with a slash', follower({ operation: 'remove', followers: ['u1', 'u/2'] }), 'Followers', /"u\/2" is not a valid ID/],
	['campaign add: no campaign', campaign({ operation: 'add', campaignId: '' }), 'Campaign', /is required but empty/],
	['campaign remove: campaign ID with a slash', campaign({ operation: 'remove', campaignId: 'c/1' }), 'Campaign', /is not a valid ID/],
	['campaign remove: "removeAll" as the campaign', campaign({ operation: 'remove', campaignId: 'removeAll' }), 'Campaign', /"removeAll" is not a campaign ID/],
	['campaign remove from all: contact ID with a space', campaign({ operation: 'removeFromAll', contactId: byId('a b') }), 'Contact', /is not a valid ID/],
	['workflow add: no workflow', workflow({ operation: 'add', workflowId: '' }), 'Workflow', /is required but empty/],
	['workflow add: start time in words', workflow({ operation: 'add', workflowId: 'w1', additionalFields: { eventStartTime: 'tomorrowish' } }), 'Event Start Time', /"tomorrowish" is not a date/],
	['workflow remove: workflow ID with a space', workflow({ operation: 'remove', workflowId: 'w 1' }), 'Workflow', /is not a valid ID/],
];

/** Fields that steer which other fields exist stay literal, as a user sets them in the editor. */
const LITERAL = new Set(['resource', 'operation', '__rl', 'mode', 'returnAll']);

/**
 * n8n refuses some literal values itself (required fields, the locator's regex) before the node runs.
 * Values from earlier nodes arrive through expressions and reach the node: that is what our checks are
 * for, so every value is given as an expression.
 */
function viaExpressions(value: unknown, key = ''): unknown {
	if (LITERAL.has(key)) return value;
	if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) return `={{ ${JSON.stringify(value)} }}`;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, viaExpressions(v, k)]));
	return value;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MINE = ['task', 'note', 'follower', 'campaign', 'workflow'];

describe('Task, Note, Follower, Campaign and Workflow refuse bad input before sending anything', () => {
	it('has at least 20 cases and one for every operation of these resources', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(20);
		const covered = new Set(CASES.map(([, p]) => `${String(p.resource)}.${String(p.operation)}`));
		const all = MINE.flatMap((r) => Object.keys(resources[r]).map((op) => `${r}.${op}`));
		expect(all.filter((op) => !covered.has(op))).toEqual([]);
	});

	it.each(CASES)('%s', async (_title, parameters, field, problem) => {
		const result = await run(viaExpressions(parameters) as Record<string, unknown>);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(new RegExp(`^${escape(field)}: .*\\[item 0\\]$`));
		expect(result.error?.message).toMatch(problem);
		expect(sb().requests).toHaveLength(0);
	});
});

describe('Bad rows in a batch', () => {
	const createFromItems = { resource: 'task', operation: 'create', contactId: byId('={{ $json.contact }}'), title: '={{ $json.title }}', dueDate: '={{ $json.due }}' };

	it('names the failing item, and stops before its bad value reaches GHL', async () => {
		const id = sb().store.contactsOf(sb().locationId)[0].id;
		const rows = [{ contact: id, title: 'A', due: DUE }, { contact: id, title: 'B', due: 'whenever' }];
		const result = await run(createFromItems, rows);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Due Date: "whenever" is not a date [item 1]');
		expect(sb().requests.some((r) => JSON.stringify(r.body).includes('whenever'))).toBe(false);
	});

	it('with Continue On Fail gives error items paired to their input while the good rows are created', async () => {
		const id = sb().store.contactsOf(sb().locationId)[0].id;
		const rows = [
			{ contact: id, title: 'A', due: DUE },
			{ contact: 'x/y', title: 'B', due: DUE },
			{ contact: id, title: '', due: DUE },
			{ contact: id, title: 'D', due: DUE },
		];
		const result = await run(createFromItems, rows, true);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toMatchObject({ title: 'A', contactId: id });
		expect(result.items[1].json.error).toBe('Contact: "x/y" is not a valid ID [item 1]');
		expect(result.items[2].json.error).toBe('Title: is required but empty [item 2]');
		expect(result.items[3].json).toMatchObject({ title: 'D', contactId: id });
		expect(sb().requests.map((r) => (r.body as { title: string }).title).sort()).toEqual(['A', 'D']);
	});
});
