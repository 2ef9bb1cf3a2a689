/**
 * Queue mode: the worker running a GHL Rankr Sync over many contacts is killed (SIGKILL, as an
 * out-of-memory kill or a lost machine would) in the middle of the run. n8n marks the execution crashed or
 * failed (it never re-runs a job whose worker died: its Bull queue has maxStalledCount 0); running the workflow
 * again on the surviving worker converges: Parity Check finds nothing missing, duplicated or different,
 * tags, tasks and notes included.
 */
import { randomUUID } from 'node:crypto';

import { startGhlSandbox } from '../../../sandbox/ghl';
import type { GhlSandbox } from '../../../sandbox/ghl';
import { startRankrSandbox } from '../../../sandbox/rankr';
import type { RankrSandbox } from '../../../sandbox/rankr';
import { PACKAGE } from '../harness/n8n';
import { QueueCluster } from '../harness/queue';

const CONTACTS = 40;

let cluster: QueueCluster;
let sb: GhlSandbox;
let rk: RankrSandbox;

beforeAll(async () => {
	// GHL's limit scaled down (10 / 1 s) so that the sync of 40 contacts (3 GHL reads each) lasts ~12 s.
	sb = await startGhlSandbox({ seed: { contacts: CONTACTS, tasksPerContact: 1, notesPerContact: 1 }, rateLimit: { max: 10, intervalMs: 1000 } });
	rk = await startRankrSandbox({ rateLimit: false });
	cluster = await QueueCluster.start('killed-worker');
});

afterAll(async () => {
	await cluster?.stop();
	await rk?.close();
	await sb?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Webhook → (nodes) → response with the last node's output, so the caller can read the result. */
function webhookWorkflow(name: string, hook: string, nodes: Array<Record<string, unknown> & { name: string }>): Record<string, unknown> {
	const all: Array<Record<string, unknown> & { name: string }> = [
		{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: hook, responseMode: 'onReceived', options: {} } },
		...nodes.map((n, i) => ({ id: randomUUID(), typeVersion: 1, position: [200 * (i + 1), 0], ...n })),
	];
	const connections = Object.fromEntries(all.slice(0, -1).map((n, i) => [n.name, { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] }]));
	return { name, nodes: all, connections };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, tries = 240): Promise<T> {
	for (let i = 0; i < tries; i++) {
		const value = await probe();
		if (value !== undefined) return value;
		await sleep(500);
	}
	throw new Error(`timed out waiting for ${what}`);
}

it('a worker killed in the middle of a GHL Rankr Sync run loses nothing: running it again leaves GHL and Rankr in parity', async () => {
	const { main } = cluster;
	const ghl = await main.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url });
	const rankr = await main.createCredential('Rankr sandbox', 'rankrApi', { apiKey: rk.apiKey, baseUrl: rk.url });
	const syncHook = `queue-sync-${randomUUID().slice(0, 8)}`;
	const parityHook = `queue-parity-${randomUUID().slice(0, 8)}`;
	const syncId = await main.importWorkflow(
		webhookWorkflow('Queue: sync all contacts', syncHook, [
			{ name: 'GHL', type: `${PACKAGE}.ghl`, parameters: { authentication: 'privateIntegration', resource: 'contact', operation: 'getMany', returnAll: true }, credentials: { ghlApi: ghl } },
			{ name: 'Sync', type: `${PACKAGE}.ghlRankrSync`, parameters: { authentication: 'privateIntegration', operation: 'syncContact', deletions: 'keep' }, credentials: { rankrApi: rankr, ghlApi: ghl } },
		]),
	);
	const parityId = await main.importWorkflow(
		webhookWorkflow('Queue: parity check', parityHook, [
			{ name: 'Parity', type: `${PACKAGE}.ghlRankrSync`, parameters: { authentication: 'privateIntegration', operation: 'parityCheck', scope: 'all', compareChildren: true, output: 'summary' }, credentials: { rankrApi: rankr, ghlApi: ghl } },
		]),
	);
	for (const [id, hook] of [[syncId, syncHook], [parityId, parityHook]]) {
		await main.api('POST', `/workflows/${id}/activate`);
		await main.waitForWebhook(hook);
	}
	const trigger = async (hook: string) => expect((await fetch(`${main.url}/webhook/${hook}`, { method: 'POST' })).status).toBe(200);

	// 1. The sync starts on one worker; once some contacts are in Rankr, that worker is killed.
	await trigger(syncHook);
	await waitFor('the sync to be half-way', async () => (rk.store.contacts.size >= 8 ? true : undefined));
	const running = cluster.runningOn();
	const victim = running.findIndex((ids) => ids.length === 1);
	expect(running.flat()).toHaveLength(1);
	const first = { id: running[victim][0] };
	await cluster.workers[victim].kill();
	const copiedBeforeKill = rk.store.contacts.size;
	expect(copiedBeforeKill).toBeLessThan(CONTACTS);

	// 2. n8n notices the dead worker's job (its queue recovery marks the execution crashed, then the stalled
	// job's failure marks it failed: "failed to be processed too many times"); nothing re-runs it by itself.
	const crashed = await waitFor('n8n to mark the execution crashed', async () => {
		const e = (await main.executions(syncId)).find((x) => x.id === first.id);
		return e && e.status !== 'running' && e.status !== 'new' ? e : undefined;
	});
	expect(['crashed', 'error']).toContain(crashed.status);

	// 3. Running the sync again (the surviving worker takes it) completes.
	sb.setRateLimit({ max: 100, intervalMs: 1000 });
	await trigger(syncHook);
	const rerun = await waitFor('the second sync run', async () => {
		const e = (await main.executions(syncId)).find((x) => x.id !== first.id);
		return e && e.status !== 'running' && e.status !== 'new' ? e : undefined;
	});
	expect(rerun.status).toBe('success');
	expect(cluster.workerThatRan(rerun.id)).not.toBe(victim);

	// 4. Parity Check (contacts, tags, tasks, notes) finds nothing: nothing lost, nothing copied twice.
	await trigger(parityHook);
	const parity = await waitFor('the parity check', async () => {
		const e = (await main.executions(parityId))[0];
		return e && e.status !== 'running' && e.status !== 'new' ? e : undefined;
	});
	const report = parity.data?.resultData?.runData?.Parity?.[0]?.data?.main?.[0]?.[0]?.json;
	process.stdout.write(
		`killed worker: ${copiedBeforeKill}/${CONTACTS} contacts copied before the kill; first run ${crashed.status}, re-run ${rerun.status}; parity ${JSON.stringify({ ghl: report?.ghlCount, rankr: report?.rankrCount, inParity: report?.inParity })}\n`,
	);
	expect(parity.status).toBe('success');
	expect(report).toMatchObject({ ghlCount: CONTACTS, rankrCount: CONTACTS, missing: [], extra: [], duplicated: [], different: [], inParity: true });
	await cluster.restartWorker(victim);
});
