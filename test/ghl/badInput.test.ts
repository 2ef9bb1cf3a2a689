/**
 * Bad input is refused before any request: each case names the field and the item, and the sandbox
 * receives nothing. The cases are in badInputCases.ts, listed in docs/bad-input.md.
 */
import { viaExpressions } from '../harness/viaExpressions';
import { BAD_INPUT_CASES } from './badInputCases';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 1 }, rateLimit: false });

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
