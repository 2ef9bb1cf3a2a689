/**
 * Queue mode (issue #16.2): 4 workflows of GHL Contact Gets and one GHL Rankr Sync run, taken by both
 * workers, hit one GHL location at once. No item may fail with 429, and GHL may have to answer only few:
 * each n8n process paces in its own memory and meets the others only in GHL's X-RateLimit-* headers.
 * The sandbox's limit is scaled down (20 / 1 s) to keep the run short. Counts come from the GHL sandbox's
 * request log; the time ÷ the rate-limit floor is printed, never asserted.
 */
import { randomUUID } from 'node:crypto';

import { startGhlSandbox } from '../../../sandbox/ghl';
import type { GhlSandbox } from '../../../sandbox/ghl';
import { startRankrSandbox } from '../../../sandbox/rankr';
import type { RankrSandbox } from '../../../sandbox/rankr';
import { PACKAGE } from '../harness/n8n';
import { QueueCluster } from '../harness/queue';
import type { LoadWorkflow } from '../harness/queueLoad';
import { contactGetWorkflow, logSummary, runAtOnce, surfacedErrors } from '../harness/queueLoad';

const LIMIT = { max: 20, intervalMs: 1000 };
const GETS = 30;
const SYNCED = 20;

let cluster: QueueCluster;
let sb: GhlSandbox;
let rk: RankrSandbox;

beforeAll(async () => {
	sb = await startGhlSandbox({ seed: { contacts: SYNCED, tasksPerContact: 1, notesPerContact: 1 }, rateLimit: LIMIT });
	rk = await startRankrSandbox({ rateLimit: false });
	cluster = await QueueCluster.start('pacing');
});

afterAll(async () => {
	await cluster?.stop();
	await rk?.close();
	await sb?.close();
});

/** Webhook → GHL Get Many (all) → GHL Rankr Sync: Sync Contact, published. */
async function syncWorkflow(ghl: { id: string; name: string }, rankr: { id: string; name: string }): Promise<LoadWorkflow> {
	const { main } = cluster;
	const hook = `queue-pace-sync-${randomUUID().slice(0, 8)}`;
	const id = await main.importWorkflow({
		name: 'Queue pacing: sync',
		nodes: [
			{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: hook, responseMode: 'onReceived', options: {} } },
			{ id: randomUUID(), name: 'GHL', type: `${PACKAGE}.ghl`, typeVersion: 1, position: [200, 0], parameters: { authentication: 'privateIntegration', resource: 'contact', operation: 'getMany', returnAll: true }, credentials: { ghlApi: ghl } },
			{ id: randomUUID(), name: 'Sync', type: `${PACKAGE}.ghlRankrSync`, typeVersion: 1, position: [400, 0], parameters: { authentication: 'privateIntegration', operation: 'syncContact', deletions: 'keep' }, credentials: { rankrApi: rankr, ghlApi: ghl } },
		],
		connections: { Webhook: { main: [[{ node: 'GHL', type: 'main', index: 0 }]] }, GHL: { main: [[{ node: 'Sync', type: 'main', index: 0 }]] } },
	});
	await main.api('POST', `/workflows/${id}/activate`);
	await main.waitForWebhook(hook);
	return { id, hook };
}

// Measured on the shared 2-core machine (2026-12-03, load average 8 to 10), 4 × 30 Gets + a sync of 20
// contacts = 181 GHL requests served: the per-process pacer of commit 62594f5 (its transport checked out
// for one run) surfaced none but made GHL answer 87 429s (48 %, time ÷ floor 1.84), so this test failed on
// it; the pacer that coordinates through GHL's headers: 1 and 0 answered in two runs (time ÷ floor 1.57, 1.45).
it('4 workflows and a GHL Sync on one location at once, across workers: no item fails with 429 and GHL answers few', async () => {
	const { main } = cluster;
	const ghl = await main.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url });
	const rankr = await main.createCredential('Rankr sandbox', 'rankrApi', { apiKey: rk.apiKey, baseUrl: rk.url });
	const ids = Array.from({ length: GETS }, (_, n) => [...sb.store.contacts.keys()][n % SYNCED]);
	const runs = [];
	for (let w = 0; w < 4; w++) runs.push({ workflow: await contactGetWorkflow(main, `Queue pacing ${w + 1}`, ghl), ids });
	runs.push({ workflow: await syncWorkflow(ghl, rankr), ids: [] });
	// Warm-up (unmeasured): each Get workflow once, so the measured run finds the node loaded on the workers.
	await runAtOnce(main, runs.slice(0, 4).map((r) => ({ workflow: r.workflow, ids: ids.slice(0, 1) })));
	await new Promise((r) => setTimeout(r, 2 * LIMIT.intervalMs));

	sb.clearRequests();
	const fired = Date.now();
	const executions = await runAtOnce(main, runs);
	const log = logSummary(sb.requests);
	const lastServed = Math.max(...sb.requests.filter((r) => r.status === 200).map((r) => r.receivedAt));
	const floorMs = (log.served / LIMIT.max) * LIMIT.intervalMs;
	const workers = new Set(executions.map((e) => cluster.workerThatRan(e.id)));
	process.stdout.write(
		`pacing across processes: ${log.served} GHL requests served, ${log.answered429} answered 429 (${((100 * log.answered429) / log.served).toFixed(0)} %), on workers ${[...workers].map((w) => w + 1).join(', ')}; time ÷ floor ${((lastServed - fired) / floorMs).toFixed(2)}; executions ${executions.map((e) => e.status).join(',')}\n`,
	);
	expect(executions.map((e) => e.status)).toEqual(['success', 'success', 'success', 'success', 'success']);
	expect(surfacedErrors(executions)).toBe(0);
	expect(rk.store.contacts.size).toBe(SYNCED);
	expect(workers.size).toBe(2);
	// Few: under one 429 for every 10 requests served (the per-process pacer: about 5 in 10).
	expect(log.answered429).toBeLessThan(log.served / 10);
});
