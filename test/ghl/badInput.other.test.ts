/**
 * Task, Note, Follower, Campaign and Workflow refuse bad input before any request: each case is a
 * NodeOperationError naming the field as the editor shows it and the item ("[item N]"), and the sandbox
 * receives nothing.
 */
import { resources } from '../../nodes/Ghl/actions/router';
import type { GhlSandbox } from '../../sandbox/ghl';
import { escapeRegExp as escape } from '../harness/badInput';
import { viaExpressions } from '../harness/viaExpressions';
import { GHL_OTHER_CASES as CASES } from './badInputCases';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2, tasksPerContact: 1 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const DUE = '2030-01-02T10:00:00Z';
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
