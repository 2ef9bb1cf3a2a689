/**
 * Contact and Tag refuse bad input before any request: each case is a NodeOperationError that names the
 * field as the editor shows it and the item ("[item N]"), and the sandbox receives nothing.
 */
import { resources } from '../../nodes/Ghl/actions/router';
import type { GhlSandbox } from '../../sandbox/ghl';
import { escapeRegExp as escape } from '../harness/badInput';
import { viaExpressions } from '../harness/viaExpressions';
import { GHL_CONTACT_CASES as CONTACT_CASES, GHL_TAG_CASES as TAG_CASES } from './badInputCases';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;

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
