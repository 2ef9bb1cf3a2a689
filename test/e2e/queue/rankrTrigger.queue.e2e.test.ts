/**
 * Queue mode: publishing a workflow with the Rankr Trigger subscribes on Rankr once, though four n8n
 * processes load it (main activates; workers and the webhook process only run it), and each Rankr event,
 * delivered to the webhook process as behind a load balancer, runs the workflow once. A restart of main
 * (a redeploy) keeps the one subscription.
 */
import { randomUUID } from 'node:crypto';

import { startRankrSandbox } from '../../../sandbox/rankr';
import type { RankrSandbox } from '../../../sandbox/rankr';
import { PACKAGE } from '../harness/n8n';
import { QueueCluster } from '../harness/queue';

let cluster: QueueCluster;
let rk: RankrSandbox;

beforeAll(async () => {
	rk = await startRankrSandbox();
	cluster = await QueueCluster.start('rankr-trigger');
});

afterAll(async () => {
	await cluster?.stop();
	await rk?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const subscriptionCalls = (method: string) => rk.requests.filter((r) => r.method === method && /^\/v1\/webhooks(\/|$)/.test(r.path) && r.status < 300);

it('publishing the Rankr Trigger with 2 workers and a webhook process subscribes once, also across a restart of main, and each event runs once', async () => {
	const { main, webhook } = cluster;
	const credential = await main.createCredential('Rankr sandbox', 'rankrApi', { apiKey: rk.apiKey, baseUrl: rk.url });
	const webhookId = randomUUID();
	const id = await main.importWorkflow({
		name: 'Queue: Rankr Trigger',
		nodes: [{ id: randomUUID(), name: 'Rankr Trigger', type: `${PACKAGE}.rankrTrigger`, typeVersion: 1, position: [0, 0], webhookId, parameters: { events: ['contact.created'], options: {} }, credentials: { rankrApi: credential } }],
		connections: {},
	});
	await main.api('POST', `/workflows/${id}/activate`);
	await webhook.waitForWebhook(`${webhookId}/webhook`);
	await sleep(3000); // time for any other process to subscribe as well, if one did

	expect(subscriptionCalls('POST')).toHaveLength(1);
	const hooks = [...rk.store.webhooks.values()];
	expect(hooks.map((h) => h.url)).toEqual([`${webhook.url}/webhook/${webhookId}/webhook`]);

	const runs = async (count: number) => {
		let executions: Array<{ status: string; data?: any }> = [];
		for (let i = 0; i < 120 && executions.filter((e) => e.status === 'success').length < count; i++) {
			await sleep(500);
			executions = await main.executions(id);
		}
		await sleep(3000); // a second run of any event would show by now
		executions = await main.executions(id);
		const contactIds = executions.map((e) => e.data?.resultData?.runData?.['Rankr Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.contactId as string);
		return { statuses: executions.map((e) => e.status), contactIds: contactIds.sort() };
	};
	const createContact = async (n: number) => {
		const response = await fetch(`${rk.url}/v1/contacts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${rk.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ email: `queue-${n}@example.test`, firstName: `Queue ${n}` }),
		});
		expect(response.status).toBe(201);
		return ((await response.json()) as { id: string }).id;
	};
	const created: string[] = [];
	for (let n = 0; n < 6; n++) created.push(await createContact(n));
	await rk.flushWebhooks();
	expect(rk.deliveries.map((d) => d.status)).toEqual(created.map(() => 200));

	const first = await runs(created.length);
	process.stdout.write(`rankr trigger in queue mode: ${subscriptionCalls('POST').length} subscription(s), ${first.statuses.length} execution(s) for ${created.length} events\n`);
	expect(first.statuses).toEqual(created.map(() => 'success'));
	expect(first.contactIds).toEqual([...created].sort());

	// Main restarts (a redeploy): it re-activates the workflow, finds the subscription still on Rankr
	// (checkExists) and subscribes no second time; events keep arriving and run once.
	await cluster.restartMain();
	await webhook.waitForWebhook(`${webhookId}/webhook`);
	await sleep(2000);
	expect(subscriptionCalls('GET').length).toBeGreaterThanOrEqual(1); // main asked Rankr (checkExists)
	expect(subscriptionCalls('POST')).toHaveLength(1);
	expect(subscriptionCalls('DELETE')).toHaveLength(0);
	expect(rk.store.webhooks.size).toBe(1);
	created.push(await createContact(created.length));
	await rk.flushWebhooks();
	const after = await runs(created.length);
	expect(after.statuses).toEqual(created.map(() => 'success'));
	expect(after.contactIds).toEqual([...created].sort());

	// Unpublishing unsubscribes once, too.
	await main.api('POST', `/workflows/${id}/deactivate`);
	expect(subscriptionCalls('DELETE')).toHaveLength(1);
	expect(rk.store.webhooks.size).toBe(0);
	expect(subscriptionCalls('POST')).toHaveLength(1);
});
