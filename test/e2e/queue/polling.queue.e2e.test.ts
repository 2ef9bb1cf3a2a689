/**
 * Queue mode: a GHL Polling Trigger (Task Completed, every minute) in a workflow of main + 2 workers + a
 * webhook process. n8n runs pollers only in the main process (its scheduler is enabled for instanceType
 * 'main' only; workers and webhook processes never poll), so each interval costs one poll, and two tasks
 * completed in GHL start one execution holding both, once.
 */
import { randomUUID } from 'node:crypto';

import { startGhlSandbox } from '../../../sandbox/ghl';
import type { GhlSandbox, RecordedRequest } from '../../../sandbox/ghl';
import { PACKAGE } from '../harness/n8n';
import { QueueCluster } from '../harness/queue';

let cluster: QueueCluster;
let sb: GhlSandbox;

beforeAll(async () => {
	sb = await startGhlSandbox({ seed: { contacts: 5, tasksPerContact: 2 } });
	cluster = await QueueCluster.start('polling');
});

afterAll(async () => {
	await cluster?.stop();
	await sb?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const taskSearches = () => sb.requests.filter((r) => r.path.endsWith('/tasks/search'));

/** The task searches grouped into polls: requests less than 15 s apart belong to one poll. */
function polls(requests: RecordedRequest[]): RecordedRequest[][] {
	const groups: RecordedRequest[][] = [];
	for (const r of requests) {
		const last = groups[groups.length - 1];
		if (last && r.receivedAt - last[last.length - 1].receivedAt < 15_000) last.push(r);
		else groups.push([r]);
	}
	return groups;
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(1000);
	}
}

it('each interval polls once, and two tasks completed in GHL start one execution with both, once', async () => {
	const { main } = cluster;
	const credential = await main.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url });
	const id = await main.importWorkflow({
		name: 'Queue: GHL Polling Trigger',
		nodes: [
			{
				id: randomUUID(),
				name: 'GHL Polling Trigger',
				type: `${PACKAGE}.ghlPollingTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: { authentication: 'privateIntegration', event: 'completedTask', pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: { ghlApi: credential },
			},
		],
		connections: {},
	});
	await main.api('POST', `/workflows/${id}/activate`);

	// The first poll (at most a minute away) remembers the tasks as they stand and starts nothing.
	await waitFor('the first poll', () => (taskSearches().length > 0 ? true : undefined), 150_000);
	await sleep(10_000);
	expect(await main.executions(id)).toEqual([]);

	const [a, , b] = [...sb.store.tasks.values()];
	for (const t of [a, b]) sb.store.updateTask(t.id, { completed: true, completedAt: sb.store.now() });
	const executions = await waitFor('an execution', async () => {
		const found = await main.executions(id);
		return found.some((e) => e.status === 'success') ? found : undefined;
	}, 150_000);

	// Two more intervals: nothing new, so nothing more runs, and each of them is one idle poll (2 requests).
	const searchesBefore = taskSearches().length;
	await waitFor('two more polls', () => (polls(taskSearches().slice(searchesBefore)).length >= 2 && Date.now() - taskSearches()[taskSearches().length - 1].receivedAt > 15_000 ? true : undefined), 200_000);
	const after = await main.executions(id);
	const grouped = polls(taskSearches());
	process.stdout.write(`polling in queue mode: ${grouped.length} polls, requests per poll ${grouped.map((g) => g.length).join(',')}; ${after.length} execution(s)\n`);

	expect(after).toHaveLength(1);
	expect(after[0].id).toBe(executions[0].id);
	const items = after[0].data.resultData.runData['GHL Polling Trigger'][0].data.main[0] as Array<{ json: { id: string } }>;
	expect(items.map((i) => i.json.id).sort()).toEqual([a.id, b.id].sort());
	for (const idle of polls(taskSearches().slice(searchesBefore))) expect(idle).toHaveLength(2);
	await main.api('POST', `/workflows/${id}/deactivate`);
});
