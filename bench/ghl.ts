/** Our GHL node in the n8n-core harness, against a sandbox: what every GHL case runs. */
import type { IDataObject } from 'n8n-workflow';

import { Ghl } from '../nodes/Ghl/Ghl.node';
import { resetRateWindows } from '../nodes/shared/transport/pacer';
import type { GhlSandbox } from '../sandbox/ghl';
import { registerNodeType } from '../test/harness/nodeTypes';
import { runNode } from '../test/harness/runNode';
import type { RunNodeResult } from '../test/harness/runNode';

const GHL = registerNodeType('ghl', new Ghl());

export async function runOurs(
	sb: Pick<GhlSandbox, 'url' | 'token' | 'locationId'>,
	parameters: IDataObject,
	items: IDataObject[] = [{}],
): Promise<RunNodeResult> {
	return await runNode({
		type: GHL,
		parameters: { authentication: 'privateIntegration', ...parameters },
		credentials: { ghlApi: { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url } },
		items,
		continueOnFail: true,
	});
}

/** Each case starts with a fresh pacer, as a fresh n8n process would. */
export const freshPacer = resetRateWindows;

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
	const start = process.hrtime.bigint();
	const result = await work();
	return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const ratio = (x: number) => x.toFixed(2);

/** Items n8n turned into error items (continueOnFail), and what the sandbox answered. */
export function outcome(sb: GhlSandbox, result: RunNodeResult) {
	const errorItems = result.items.filter((i) => i.json.error !== undefined || i.error !== undefined).length;
	const statuses = new Map<number, number>();
	for (const r of sb.requests) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
	const tooMany = statuses.get(429) ?? 0;
	const statusText = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${n}×${s}`).join(', ');
	return { errorItems, tooMany, requests: sb.requests.length, statusText };
}

/** Minimum time a "max per window" limit allows for n requests, as the brief defines it: n ÷ max × window. */
export const floorMs = (requests: number, max: number, windowMs: number) => (requests / max) * windowMs;
