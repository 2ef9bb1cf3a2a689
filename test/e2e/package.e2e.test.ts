/**
 * The package inside a real n8n 2.41: installed as users install it, every node and credential listed,
 * the GHL node running in a workflow against the sandbox, and the GHL Trigger's lifecycle and signature
 * checks seen from n8n itself.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import type { N8n } from './harness/n8n';
import { PACKAGE, ROOT, startN8nWithPackage } from './harness/n8n';

let n8n: N8n;
let sb: GhlSandbox;
let credential: { id: string; name: string };

beforeAll(async () => {
	sb = await startGhlSandbox({ seed: { contacts: 10, tasksPerContact: 1, notesPerContact: 1 } });
	n8n = await startN8nWithPackage('e2e');
	credential = await n8n.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url });
});

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
});

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
const nodeNames = pkg.n8n.nodes.map((p) => path.basename(p, '.node.js'));
const credentialClasses = pkg.n8n.credentials.map((p) => path.basename(p, '.credentials.js'));

describe('n8n loads the package', () => {
	it('lists every node of package.json under the package name', async () => {
		const types = (await n8n.rest('GET', '/types/nodes.json')) as Array<{ name: string }>;
		const ours = types.map((t) => t.name).filter((n) => n.startsWith(`${PACKAGE}.`));
		for (const node of nodeNames) expect(ours).toContain(`${PACKAGE}.${node.charAt(0).toLowerCase()}${node.slice(1)}`);
	});

	it('lists every credential of package.json', async () => {
		const types = (await n8n.rest('GET', '/types/credentials.json')) as Array<{ name: string }>;
		const names = types.map((t) => t.name);
		for (const cls of credentialClasses) expect(names).toContain(`${cls.charAt(0).toLowerCase()}${cls.slice(1)}`);
	});
});

describe('GHL node in a workflow', () => {
	it('runs Webhook → GHL (Contact → Get Many) against the sandbox with the stored credential', async () => {
		const hook = `e2e-ghl-${randomUUID().slice(0, 8)}`;
		const id = await n8n.importWorkflow({
			name: 'E2E: webhook → GHL get many',
			nodes: [
				{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: hook, responseMode: 'lastNode', options: {} } },
				{ id: randomUUID(), name: 'GHL', type: `${PACKAGE}.ghl`, typeVersion: 1, position: [220, 0], parameters: { authentication: 'privateIntegration', resource: 'contact', operation: 'getMany', limit: 3 }, credentials: { ghlApi: credential } },
			],
			connections: { Webhook: { main: [[{ node: 'GHL', type: 'main', index: 0 }]] } },
		});
		await n8n.api('POST', `/workflows/${id}/activate`);
		await n8n.waitForWebhook(hook);
		sb.clearRequests();
		const response = await fetch(`${n8n.url}/webhook/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const body = (await response.json()) as { id: string };
		expect(sb.store.contacts.has(body.id)).toBe(true);
		const search = sb.requests.find((r) => r.path === '/contacts/search');
		expect(search?.headers.authorization).toBe(`Bearer ${sb.token}`);
		expect(search?.headers.version).toBe('2021-07-28');
		await n8n.api('POST', `/workflows/${id}/deactivate`);
	});
});

describe('GHL Trigger in n8n', () => {
	it('proves access on activation, runs once per signed event, refuses a forged one, and forgets on deactivation', async () => {
		const { id, path: hook } = await n8n.importGhlTrigger('E2E: GHL Trigger', credential, sb.webhooks);
		sb.clearRequests();
		await n8n.api('POST', `/workflows/${id}/activate`);
		// create() proved the credential reaches the location.
		expect(sb.requests.some((r) => r.path === '/contacts/search' && r.status === 200)).toBe(true);
		const url = `${n8n.url}/webhook/${hook}`;
		await n8n.waitForWebhook(hook);

		const event = sb.webhooks.build('ContactCreate');
		const accepted = await sb.webhooks.send(url, event);
		expect(accepted.status).toBe(200);
		const replay = await sb.webhooks.send(url, event);
		expect(replay.status).toBe(200);
		const forged = await sb.webhooks.send(url, sb.webhooks.build('ContactCreate'), { signWith: 'none', headers: { 'x-ghl-signature': Buffer.alloc(64, 7).toString('base64') } });
		expect(forged.status).toBe(401);

		let executions: Array<{ status: string; data?: any }> = [];
		for (let i = 0; i < 50 && executions.length < 1; i++) {
			await new Promise((r) => setTimeout(r, 200));
			executions = await n8n.executions(id);
		}
		await new Promise((r) => setTimeout(r, 1000));
		executions = await n8n.executions(id);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		const item = executions[0].data.resultData.runData['GHL Trigger'][0].data.main[0][0].json;
		expect(item).toMatchObject({ event: 'ContactCreate', contactId: event.id, locationId: sb.locationId });

		await n8n.api('POST', `/workflows/${id}/deactivate`);
		const after = await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		expect(after.status).toBe(404);
	});
});
