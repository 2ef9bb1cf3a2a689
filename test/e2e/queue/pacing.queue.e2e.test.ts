/**
 * Queue mode: 4 workflows (run by different workers) hit one GHL location at once through GHL node
 * operations. No item may fail with 429; the sandbox's count of 429s it had to answer is reported.
 * The sandbox's limit is scaled down (20 / 1 s) to keep the run short.
 */
import { randomUUID } from 'node:crypto';

import { startGhlSandbox } from '../../../sandbox/ghl';
import type { GhlSandbox } from '../../../sandbox/ghl';
import { PACKAGE } from '../harness/n8n';
import { QueueCluster } from '../harness/queue';

let cluster: QueueCluster;
let sb: GhlSandbox;

beforeAll(async () => {
	sb = await startGhlSandbox({ seed: { contacts: 40 }, rateLimit: { max: 20, intervalMs: 1000 } });
	cluster = await QueueCluster.start('pacing');
});

afterAll(async () => {
	await cluster?.stop();
	await sb?.close();
});

it('4 workflows on one location at once, across workers: no item fails with 429', async () => {
	const { main } = cluster;
	const credential = await main.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url });
	const ids = [...sb.store.contacts.keys()].slice(0, 30);
	const hooks: Array<{ id: string; hook: string }> = [];
	for (let w = 0; w < 4; w++) {
		const hook = `queue-pace-${w}-${randomUUID().slice(0, 8)}`;
		const id = await main.importWorkflow({
			name: `Queue pacing ${w}`,
			nodes: [
				{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: hook, responseMode: 'onReceived', options: {} } },
				{ id: randomUUID(), name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.ids', options: {} } },
				{ id: randomUUID(), name: 'GHL', type: `${PACKAGE}.ghl`, typeVersion: 1, position: [400, 0], parameters: { authentication: 'privateIntegration', resource: 'contact', operation: 'get', contactId: '={{ $json["body.ids"] }}' }, credentials: { ghlApi: credential } },
			],
			connections: { Webhook: { main: [[{ node: 'Split', type: 'main', index: 0 }]] }, Split: { main: [[{ node: 'GHL', type: 'main', index: 0 }]] } },
		});
		await main.api('POST', `/workflows/${id}/activate`);
		await main.waitForWebhook(hook);
		hooks.push({ id, hook });
	}
	sb.clearRequests();
	await Promise.all(hooks.map(({ hook }) => fetch(`${main.url}/webhook/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids }) })));
	const results: Array<{ status: string; data?: any }> = [];
	for (const { id } of hooks) {
		let done: Array<{ status: string; data?: any }> = [];
		for (let i = 0; i < 240 && !done.some((e) => e.status !== 'running' && e.status !== 'new'); i++) {
			await new Promise((r) => setTimeout(r, 500));
			done = await main.executions(id);
		}
		results.push(...done);
	}
	const answered429 = sb.requests.filter((r) => r.status === 429).length;
	process.stdout.write(`pacing across processes: ${sb.requests.length} GHL requests, ${answered429} answered 429, executions ${results.map((e) => e.status).join(',')}\n`);
	expect(results.map((e) => e.status)).toEqual(['success', 'success', 'success', 'success']);
});
