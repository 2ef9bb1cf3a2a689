/**
 * Queue mode: a GHL delivery and its retry sent to two different n8n processes (main and the webhook
 * process both serve /webhook/*) run the workflow once.
 */
import { startGhlSandbox } from '../../../sandbox/ghl';
import type { GhlSandbox } from '../../../sandbox/ghl';
import { QueueCluster } from '../harness/queue';

let cluster: QueueCluster;
let sb: GhlSandbox;

beforeAll(async () => {
	sb = await startGhlSandbox({ seed: { contacts: 5 } });
	cluster = await QueueCluster.start('dedupe');
});

afterAll(async () => {
	await cluster?.stop();
	await sb?.close();
});

// Issue #16 item 3. n8n saves a webhook call's static data only when flagged as changed, and clears the flag
// itself when the call starts an execution (webhookDedupe.ts says where); the trigger writes its IDs again
// after returning, and every call merges what the database holds, so the process taking the retry sees the ID.
it('a GHL retry delivered to another n8n process does not run the workflow a second time', async () => {
	const { main, webhook } = cluster;
	const credential = await main.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url });
	const { id, path: hook } = await main.importGhlTrigger('Queue: GHL Trigger', credential, sb.webhooks);
	await main.api('POST', `/workflows/${id}/activate`);
	await main.waitForWebhook(hook);
	await webhook.waitForWebhook(hook);

	const event = sb.webhooks.build('ContactCreate');
	const first = await sb.webhooks.send(`${main.url}/webhook/${hook}`, event);
	const retry = await sb.webhooks.send(`${webhook.url}/webhook/${hook}`, event);
	expect([first.status, retry.status]).toEqual([200, 200]);

	let executions: Array<{ status: string }> = [];
	for (let i = 0; i < 60 && executions.length < 1; i++) {
		await new Promise((r) => setTimeout(r, 250));
		executions = await main.executions(id);
	}
	await new Promise((r) => setTimeout(r, 3000)); // time for a second execution to appear, if any
	executions = await main.executions(id);
	process.stdout.write(`dedupe across processes: ${executions.length} execution(s) for one delivery + retry\n`);
	expect(executions).toHaveLength(1);
	await main.api('POST', `/workflows/${id}/deactivate`);
});
