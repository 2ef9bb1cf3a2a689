/**
 * The webhook refusal corpus (test/security/webhookCorpus.ts) sent to the GHL Trigger and the Rankr Trigger
 * inside a real n8n: each delivery gets the answer it must, and exactly the valid ones start executions.
 * The Rankr Trigger's subscription is made on activation and removed on deactivation, on Rankr's side.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { startRankrSandbox } from '../../sandbox/rankr';
import type { RankrSandbox } from '../../sandbox/rankr';
import type { CorpusCase } from '../security/webhookCorpus';
import { ghlCorpus, rankrCorpus } from '../security/webhookCorpus';
import type { N8n } from './harness/n8n';
import { PACKAGE, startN8nWithPackage } from './harness/n8n';

let n8n: N8n;
let ghl: GhlSandbox;
let rankr: RankrSandbox;

beforeAll(async () => {
	ghl = await startGhlSandbox({ seed: { contacts: 3 } });
	rankr = await startRankrSandbox({ validateResponses: true });
	n8n = await startN8nWithPackage('security');
});

afterAll(async () => {
	await n8n?.stop();
	await ghl?.close();
	await rankr?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function sendCorpus(url: string, corpus: CorpusCase[]): Promise<Array<{ name: string; status: number }>> {
	const answers: Array<{ name: string; status: number }> = [];
	for (const c of corpus) {
		const { headers, body } = c.build();
		const response = await fetch(url, { method: 'POST', headers, body });
		answers.push({ name: c.name, status: response.status });
	}
	return answers;
}

async function settledExecutions(workflowId: string, expected: number) {
	let executions = await n8n.executions(workflowId);
	for (let i = 0; i < 60 && executions.length < expected; i++) {
		await sleep(250);
		executions = await n8n.executions(workflowId);
	}
	await sleep(1500); // anything extra would show by now
	return await n8n.executions(workflowId);
}

describe('webhook refusal corpus in a real n8n', () => {
	it('GHL Trigger: every forged, replayed, oversized or malformed delivery refused; only valid ones run', async () => {
		const credential = await n8n.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: ghl.token, locationId: ghl.locationId, baseUrl: ghl.url });
		const { id, path: hook } = await n8n.importGhlTrigger('Security: GHL Trigger', credential, ghl.webhooks);
		await n8n.api('POST', `/workflows/${id}/activate`);
		await n8n.waitForWebhook(hook);
		const corpus = ghlCorpus(ghl.webhooks, ghl.locationId);
		expect(corpus.length).toBeGreaterThanOrEqual(12);
		const answers = await sendCorpus(`${n8n.url}/webhook/${hook}`, corpus);
		expect(answers).toEqual(corpus.map((c) => ({ name: c.name, status: c.status })));
		const executions = await settledExecutions(id, corpus.filter((c) => c.starts).length);
		expect(executions).toHaveLength(corpus.filter((c) => c.starts).length);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
	});

	it('GHL Trigger: an event it cannot take now (Fetch Latest Record failing) gets 429 from n8n, is logged, and GHL\'s retry runs once', async () => {
		const credential = await n8n.createCredential('GHL sandbox (fetch latest)', 'ghlApi', { authType: 'location', token: ghl.token, locationId: ghl.locationId, baseUrl: ghl.url });
		const { id, path: hook } = await n8n.importGhlTrigger('Security: GHL Trigger, Fetch Latest Record', credential, ghl.webhooks, { fetchLatest: true });
		await n8n.api('POST', `/workflows/${id}/activate`);
		await n8n.waitForWebhook(hook);
		const contactId = ghl.store.contactsOf(ghl.locationId)[0].id;
		const payload = ghl.webhooks.build('ContactCreate', { id: contactId });
		const body = JSON.stringify(payload);
		const send = async () => (await fetch(`${n8n.url}/webhook/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json', ...ghl.webhooks.sign(body) }, body })).status;
		ghl.setFaults({ rate500: 1 });
		try {
			expect(await send()).toBe(429);
		} finally {
			ghl.setFaults(undefined);
		}
		expect(await n8n.executions(id)).toHaveLength(0);
		const log = fs.readFileSync(n8n.logFile, 'utf8');
		expect(log).toContain('GHL Trigger refused a delivery (429): could not take the event');
		expect(log).toContain(String(payload.webhookId));
		// GHL's retry: the same bytes, 10 minutes later. It runs, with the record; a further copy is acknowledged, not run.
		expect(await send()).toBe(200);
		expect(await send()).toBe(200);
		const executions = await settledExecutions(id, 1);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		expect(JSON.stringify(executions[0].data)).toContain(contactId);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
	});

	it('Rankr Trigger: subscribes on activation, refuses the corpus but the valid deliveries, unsubscribes on deactivation', async () => {
		const credential = await n8n.createCredential('Rankr sandbox', 'rankrApi', { apiKey: rankr.apiKey, baseUrl: rankr.url });
		const contact = rankr.store.addContact({ email: 'ada@example.test' });
		const webhookId = randomUUID();
		const url = `${n8n.url}/webhook/${webhookId}/webhook`;
		const id = await n8n.importWorkflow({
			name: 'Security: Rankr Trigger',
			nodes: [{ id: randomUUID(), name: 'Rankr Trigger', type: `${PACKAGE}.rankrTrigger`, typeVersion: 1, position: [0, 0], webhookId, parameters: { events: ['contact.created'] }, credentials: { rankrApi: credential } }],
			connections: {},
		});
		expect(rankr.store.webhooks.size).toBe(0);
		await n8n.api('POST', `/workflows/${id}/activate`);
		const subscriptions = [...rankr.store.webhooks.values()];
		expect(subscriptions).toEqual([expect.objectContaining({ url, events: ['contact.created'] })]);
		await n8n.waitForWebhook(`${webhookId}/webhook`);

		const corpus = rankrCorpus(() => subscriptions[0].secret, contact.id);
		const answers = await sendCorpus(url, corpus);
		expect(answers).toEqual(corpus.map((c) => ({ name: c.name, status: c.status })));
		// And a real delivery from Rankr itself.
		rankr.store.addContact({ email: 'grace@example.test' });
		await rankr.flushWebhooks();
		expect(rankr.deliveries.at(-1)?.status).toBe(200);
		const valid = corpus.filter((c) => c.starts).length + 1;
		const executions = await settledExecutions(id, valid);
		expect(executions).toHaveLength(valid);

		await n8n.api('POST', `/workflows/${id}/deactivate`);
		expect(rankr.store.webhooks.size).toBe(0);
		expect(rankr.contractViolations).toEqual([]);
	});
});
