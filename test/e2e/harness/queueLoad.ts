/**
 * Load on a queue-mode cluster, shared by the queue tests and the P6/P7 benchmarks: workflows of
 * Webhook → Split Out → GHL Contact Get (one GHL request per item), fired at once, and what the GHL
 * sandbox's request log says about them (served requests, 429s answered, the span they took).
 */
import { randomUUID } from 'node:crypto';

import type { RecordedRequest } from '../../../sandbox/ghl';
import type { N8n } from './n8n';
import { PACKAGE } from './n8n';

export interface LoadWorkflow {
	id: string;
	hook: string;
}

export interface Execution {
	id: string;
	status: string;
	data?: any;
}

/** A published workflow that gets every contact ID posted to it (`{ "ids": [...] }`) with our GHL node. */
export async function contactGetWorkflow(main: N8n, name: string, credential: { id: string; name: string }): Promise<LoadWorkflow> {
	const hook = `queue-load-${randomUUID().slice(0, 8)}`;
	const id = await main.importWorkflow({
		name,
		nodes: [
			{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: hook, responseMode: 'onReceived', options: {} } },
			{ id: randomUUID(), name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.ids', options: {} } },
			{ id: randomUUID(), name: 'GHL', type: `${PACKAGE}.ghl`, typeVersion: 1, position: [400, 0], parameters: { authentication: 'privateIntegration', resource: 'contact', operation: 'get', contactId: '={{ $json["body.ids"] }}' }, credentials: { ghlApi: credential } },
		],
		connections: { Webhook: { main: [[{ node: 'Split', type: 'main', index: 0 }]] }, Split: { main: [[{ node: 'GHL', type: 'main', index: 0 }]] } },
	});
	await main.api('POST', `/workflows/${id}/activate`);
	await main.waitForWebhook(hook);
	return { id, hook };
}

/** Fires every workflow at once and waits until each has a new finished execution; returns them in order. */
export async function runAtOnce(main: N8n, runs: Array<{ workflow: LoadWorkflow; ids: string[] }>, maxWaitMs = 300_000): Promise<Execution[]> {
	const before = await Promise.all(runs.map(async ({ workflow }) => new Set((await main.executions(workflow.id)).map((e) => e.id))));
	const answers = await Promise.all(
		runs.map(({ workflow, ids }) => fetch(`${main.url}/webhook/${workflow.hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids }) })),
	);
	const refused = answers.filter((a) => a.status !== 200);
	if (refused.length) throw new Error(`webhook answered ${refused.map((a) => a.status).join(', ')}`);
	const deadline = Date.now() + maxWaitMs;
	const done: Array<Execution | undefined> = runs.map(() => undefined);
	while (done.some((e) => e === undefined)) {
		if (Date.now() > deadline) throw new Error('executions did not finish in time');
		await new Promise((r) => setTimeout(r, 500));
		for (const [i, { workflow }] of runs.entries()) {
			if (done[i]) continue;
			const fresh = (await main.executions(workflow.id)).find((e) => !before[i].has(e.id));
			if (fresh && fresh.status !== 'running' && fresh.status !== 'new') done[i] = fresh;
		}
	}
	return done as Execution[];
}

/** Output items of the GHL node that carry an error (Continue On Fail), and executions that did not succeed. */
export function surfacedErrors(executions: Execution[]): number {
	return executions.reduce((sum, e) => {
		if (e.status !== 'success') return sum + 1;
		const items: Array<{ json?: { error?: unknown } }> = e.data?.resultData?.runData?.GHL?.[0]?.data?.main?.[0] ?? [];
		return sum + items.filter((item) => item.json?.error !== undefined).length;
	}, 0);
}

/** What the sandbox's log says about a set of requests: served (2xx), 429s answered, and the span served. */
export function logSummary(requests: RecordedRequest[]): { served: number; answered429: number; spanMs: number } {
	const served = requests.filter((r) => r.status >= 200 && r.status < 300);
	const times = served.map((r) => r.receivedAt);
	return {
		served: served.length,
		answered429: requests.filter((r) => r.status === 429).length,
		spanMs: times.length > 1 ? Math.max(...times) - Math.min(...times) : 0,
	};
}

/**
 * Served requests per second over the span from the first served to the last, counting the first window's
 * burst as the window it used: a limit of `max` per `intervalMs` lets N requests finish no sooner than
 * (N ÷ max − 1) windows after the first, so throughput is N ÷ (span + one window).
 */
export function throughputPerSecond(served: number, spanMs: number, intervalMs: number): number {
	return served / ((spanMs + intervalMs) / 1000);
}
