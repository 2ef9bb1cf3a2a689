/** Shared set-up of the Rankr Trigger tests: a Rankr sandbox per test and the trigger wired to it. */
import { RankrTrigger } from '../../nodes/RankrTrigger/RankrTrigger.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { forgetDeliveries } from '../../nodes/shared/webhookDedupe';
import type { RankrSandbox } from '../../sandbox/rankr';
import { startRankrSandbox } from '../../sandbox/rankr';
import { registerNodeType } from '../harness/nodeTypes';
import { triggerSetup } from '../harness/webhookContext';

export const RANKR_TRIGGER = registerNodeType('rankrTrigger', new RankrTrigger());

export function useRankrSandbox(): () => RankrSandbox {
	let sb: RankrSandbox | undefined;
	beforeEach(async () => {
		resetRateWindows();
		forgetDeliveries();
		sb = await startRankrSandbox({ rateLimit: false, validateResponses: true });
	});
	afterEach(async () => {
		expect(sb?.contractViolations).toEqual([]);
		await sb?.close();
	});
	return () => {
		if (!sb) throw new Error('sandbox not started');
		return sb;
	};
}

export function rankrTrigger(sb: RankrSandbox, events: string[] = ['contact.created', 'score.changed']) {
	return triggerSetup({ type: RANKR_TRIGGER, parameters: { events }, credentials: { rankrApi: { apiKey: sb.apiKey, baseUrl: sb.url } } });
}
