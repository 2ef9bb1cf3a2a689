import type { IDataObject } from 'n8n-workflow';

/** Shared set-up for Rankr node tests: the node registered in the n8n-core harness and a Rankr sandbox. */
import { Rankr } from '../../nodes/Rankr/Rankr.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { startRankrSandbox } from '../../sandbox/rankr';
import type { RankrSandbox, RankrSandboxOptions } from '../../sandbox/rankr';
import { registerNodeType } from '../harness/nodeTypes';
import { runNode } from '../harness/runNode';
import type { RunNodeResult } from '../harness/runNode';

export const RANKR = registerNodeType('rankr', new Rankr());

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byRef = (value: string) => ({ __rl: true, mode: 'externalRef', value });

export function rankrSuite(options: RankrSandboxOptions = { rateLimit: false, validateResponses: true }) {
	const state = {} as { sb: RankrSandbox };
	beforeEach(async () => {
		resetRateWindows();
		state.sb = await startRankrSandbox(options);
	});
	afterEach(async () => state.sb.close());
	const run = (parameters: Record<string, unknown>, items: Array<Record<string, unknown>> = [{}], continueOnFail = false): Promise<RunNodeResult> =>
		runNode({
			type: RANKR,
			parameters: parameters as IDataObject,
			credentials: { rankrApi: { apiKey: state.sb.apiKey, baseUrl: state.sb.url } },
			items: items as IDataObject[],
			continueOnFail,
		});
	/** Runs and fails the test with n8n's own error when the node failed. */
	const ok = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>): Promise<IDataObject[]> => {
		const result = await run(parameters, items);
		if (result.error) throw result.error;
		return result.items.map((i) => i.json);
	};
	return { state, run, ok };
}
