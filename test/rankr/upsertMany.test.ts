/**
 * Rankr → Contact → Create or Update Many: all input items as batch upserts (100 a request), one output item
 * per input item with its own result, paired with it; a record Rankr refuses is an error item under
 * Continue On Fail, otherwise the node fails naming the item.
 */
import { rankrSuite } from './setup';

const { state, run } = rankrSuite();
const batchRequests = () => state.sb.requests.filter((r) => r.path === '/v1/contacts/batch-upsert');
const PARAMS = {
	resource: 'contact',
	operation: 'upsertMany',
	externalRef: '={{ $json.ref }}',
	additionalFields: { email: '={{ $json.email }}', firstName: '={{ $json.name }}' },
};
const people = (n: number, from = 0) =>
	Array.from({ length: n }, (_, k) => ({ ref: `ghl:loc1:c${from + k}`, email: `p${from + k}@example.test`, name: `P${from + k}` }));

afterEach(() => expect(state.sb.contractViolations).toEqual([]));

describe('Rankr node: Contact → Create or Update Many', () => {
	it('sends 250 items in 3 requests and outputs one result per item, in order and paired', async () => {
		const result = await run(PARAMS, people(250));
		expect(result.error).toBeUndefined();
		expect(batchRequests().map((r) => (r.body as { contacts: unknown[] }).contacts.length)).toEqual([100, 100, 50]);
		expect(batchRequests().every((r) => typeof r.headers['idempotency-key'] === 'string')).toBe(true);
		expect(result.items).toHaveLength(250);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({ upsertAction: 'created', externalRef: `ghl:loc1:c${i}`, email: `p${i}@example.test`, firstName: `P${i}` });
		});
		expect(state.sb.store.contacts.size).toBe(250);

		const again = await run(PARAMS, [...people(2), { ref: 'ghl:loc1:c2', email: 'p2@example.test', name: 'Renamed' }]);
		expect(again.items.map((i) => i.json.upsertAction)).toEqual(['unchanged', 'unchanged', 'updated']);
		expect(again.items[2].json.changedFields).toEqual(['firstName']);
	});

	it('Continue On Fail: a refused record (an email another contact has) is an error item at its place; the others are applied', async () => {
		const items = [...people(3), { ref: 'ghl:loc1:other', email: 'p1@example.test', name: 'Dup' }, ...people(2, 10)];
		const result = await run(PARAMS, items, true);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, i) => ({ item: i })));
		expect(result.items[3].json).toMatchObject({ code: 'conflict', error: expect.stringMatching(/^Rankr refused the record of item 3: Another contact has this email/) });
		expect(result.items.filter((i) => i.json.upsertAction === 'created')).toHaveLength(5);
	});

	it('without Continue On Fail the node fails naming the refused item, and sends no later batch', async () => {
		const items = [...people(150)];
		items[120] = { ref: 'ghl:loc1:dup', email: 'p5@example.test', name: 'Dup' };
		items.push(...people(100, 500));
		const result = await run(PARAMS, items);
		expect(result.error?.message).toMatch(/^Rankr refused the record of item 120: Another contact has this email/);
		expect(batchRequests()).toHaveLength(2);
	});

	it('bad input of any item fails the run before any request; under Continue On Fail only that item', async () => {
		const items = [...people(3), { ref: '', email: 'x@example.test', name: 'X' }, { ref: 'ghl:loc1:y', email: 'not-an-email', name: 'Y' }];
		const failed = await run(PARAMS, items);
		expect(failed.error?.name).toBe('NodeOperationError');
		expect(failed.error?.message).toBe('External Ref: is required but empty [item 3]');
		expect(state.sb.requests).toHaveLength(0);

		const soft = await run(PARAMS, items, true);
		expect(soft.items.map((i) => i.json.error ?? i.json.upsertAction)).toEqual([
			'created',
			'created',
			'created',
			'External Ref: is required but empty [item 3]',
			expect.stringMatching(/^Email: "not-an-email" is not an email address \[item 4\]/),
		]);
		expect(batchRequests()).toHaveLength(1);
	});
});
