import type { IDataObject } from 'n8n-workflow';

/** Shared set-up for GHL node tests: the node registered in the n8n-core harness and a seeded sandbox. */
import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox, GhlSandboxOptions } from '../../sandbox/ghl';
import { registerNodeType } from '../harness/nodeTypes';
import { runNode } from '../harness/runNode';
import type { RunNodeResult } from '../harness/runNode';

export const GHL = registerNodeType('ghl', new Ghl());

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export function ghlSuite(options: GhlSandboxOptions = { seed: { contacts: 5, tasksPerContact: 2, notesPerContact: 2 }, rateLimit: false }) {
	const state = {} as { sb: GhlSandbox };
	beforeEach(async () => {
		resetRateWindows();
		state.sb = await startGhlSandbox(options);
	});
	afterEach(async () => state.sb.close());
	const run = (parameters: Record<string, unknown>, items: Array<Record<string, unknown>> = [{}], continueOnFail = false): Promise<RunNodeResult> =>
		runNode({
			type: GHL,
			parameters: { authentication: 'privateIntegration', ...parameters },
			credentials: { ghlApi: { authType: 'location', token: state.sb.token, locationId: state.sb.locationId, baseUrl: state.sb.url } },
			items: items as IDataObject[],
			continueOnFail,
		});
	return { state, run };
}
