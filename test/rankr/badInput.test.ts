/**
 * Bad input to the Rankr node is refused before any request: each case names the field and the item,
 * and the sandbox receives nothing. The cases are in badInputCases.ts, listed in docs/bad-input.md.
 */
import { viaExpressions } from '../harness/viaExpressions';
import { RANKR_BAD_INPUT_CASES } from './badInputCases';
import { rankrSuite } from './setup';

const { state, run } = rankrSuite();

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
