/**
 * GHL Rankr Sync refuses bad input before any request, naming the field and the item (the corpus in
 * badInputCases.ts, also listed in docs/bad-input.md). Values arrive as expressions, as data from earlier nodes.
 */
import { viaExpressions } from '../harness/viaExpressions';
import { GHL_SYNC_BAD_INPUT_CASES } from './badInputCases';
import { runRankr, sandboxesForEachTest } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 1 } });

describe('GHL Rankr Sync refuses bad input', () => {
	it.each(GHL_SYNC_BAD_INPUT_CASES)('refuses %s before any request', async (_name, parameters, message) => {
		const [g, r] = [sb.ghl.requests.length, sb.rankr.requests.length];
		const { error } = await runRankr(sb, viaExpressions(parameters) as Record<string, unknown>);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect([sb.ghl.requests.length, sb.rankr.requests.length]).toEqual([g, r]);
	});
});
