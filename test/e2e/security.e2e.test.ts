/**
 * Forged and malformed deliveries to the GHL Trigger in a real n8n (test/security/webhookCorpus.ts):
 * each is refused (or, for a redelivery, acknowledged without running), the workflow runs exactly once
 * per valid delivery, and neither n8n's answers nor its log carry a secret.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { findSecrets } from '../security/secrets';
import type { CorpusEntry, Delivery, GhlCorpusContext } from '../security/webhookCorpus';
import { GHL_TRIGGER_CORPUS } from '../security/webhookCorpus';
import type { N8n } from './harness/n8n';
import { PACKAGE, startN8nWithPackage } from './harness/n8n';

let n8n: N8n;
let sb: GhlSandbox;
let workflowId: string;
let webhookUrl: URL;

beforeAll(async () => {
	sb = await startGhlSandbox({ seed: { contacts: 3 }, rateLimit: false });
	n8n = await startN8nWithPackage('security');
	const credential = await n8n.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url });
	const webhookId = randomUUID();
	workflowId = await n8n.importWorkflow({
		name: 'E2E: GHL Trigger refusal corpus',
		nodes: [
			{
				id: randomUUID(),
				name: 'GHL Trigger',
				type: `${PACKAGE}.ghlTrigger`,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters: { authentication: 'privateIntegration', source: 'marketplace', events: ['ContactCreate'], options: { publicKeys: { keys: { ed25519: sb.webhooks.ed25519PublicKeyPem, rsa: sb.webhooks.rsaPublicKeyPem } } } },
				credentials: { ghlApi: credential },
			},
		],
		connections: {},
	});
	await n8n.api('POST', `/workflows/${workflowId}/activate`);
	await n8n.waitForWebhook(`${webhookId}/webhook`);
	webhookUrl = new URL(`${n8n.url}/webhook/${webhookId}/webhook`);
});

afterAll(async () => {
	await n8n?.stop();
	await sb?.close();
});

interface Answer {
	status: number;
	body: string;
}

function sendRaw(url: URL, text: string): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const socket = net.connect(Number(url.port), url.hostname, () => socket.end(text));
		let received = '';
		socket.on('data', (chunk) => (received += chunk.toString()));
		socket.on('error', reject);
		socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0), body: received.split('\r\n\r\n').slice(1).join('') }));
	});
}

function send(url: URL, delivery: Delivery): Promise<Answer> {
	const path = url.pathname + (delivery.query ?? '');
	if (delivery.rawRequest) return sendRaw(url, delivery.rawRequest(url.host, path));
	return new Promise((resolve, reject) => {
		const headers = { ...delivery.headers, 'content-length': String(Buffer.byteLength(delivery.body)) };
		const request = http.request({ host: url.hostname, port: url.port, path, method: delivery.method ?? 'POST', headers }, (response) => {
			let body = '';
			response.on('data', (chunk) => (body += chunk.toString()));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		request.on('error', reject);
		request.end(delivery.body);
	});
}

const webhookIdOf = (delivery: Delivery): string => (JSON.parse(delivery.body.toString()) as { webhookId: string }).webhookId;

/** What an answer should have been, or '' when it was right. */
function mismatch(entry: CorpusEntry<GhlCorpusContext>, answer: Answer): string {
	const ok = entry.expect.kind === 'refuse' ? entry.expect.status.includes(answer.status) : answer.status === 200;
	const dedupeOk = entry.expect.kind !== 'duplicate' || answer.body.includes('duplicate');
	return ok && dedupeOk ? '' : `${entry.name}: got ${answer.status} ${answer.body.slice(0, 120)}, expected ${JSON.stringify(entry.expect)}`;
}

async function executionsSettled(expected: number): Promise<Array<{ status: string; data?: any }>> {
	let executions = await n8n.executions(workflowId);
	for (let i = 0; i < 60 && executions.length < expected; i++) {
		await new Promise((r) => setTimeout(r, 250));
		executions = await n8n.executions(workflowId);
	}
	// Anything a refused delivery started late would show up by now.
	await new Promise((r) => setTimeout(r, 2000));
	return await n8n.executions(workflowId);
}

describe('GHL Trigger refusal corpus in a real n8n', () => {
	const answers: Answer[] = [];

	it('has at least 12 refused or duplicate deliveries', () => {
		expect(GHL_TRIGGER_CORPUS.filter((e) => e.expect.kind !== 'run').length).toBeGreaterThanOrEqual(12);
	});

	it('refuses every forged or malformed delivery, acknowledges duplicates, and runs once per valid delivery', async () => {
		const event = (overrides: Record<string, unknown> = {}) => JSON.stringify(sb.webhooks.build('ContactCreate', overrides));
		const originalBody = event();
		const ctx: GhlCorpusContext = {
			event,
			sign: sb.webhooks.sign,
			original: { headers: { 'content-type': 'application/json', ...sb.webhooks.sign(originalBody) }, body: originalBody },
			originalWebhookId: webhookIdOf({ headers: {}, body: originalBody }),
		};
		const runIds: string[] = [];
		const wrong: string[] = [];
		for (const entry of GHL_TRIGGER_CORPUS) {
			const delivery = entry.build(ctx);
			const answer = await send(webhookUrl, delivery);
			answers.push(answer);
			if (entry.expect.kind === 'run') runIds.push(webhookIdOf(delivery));
			const problem = mismatch(entry, answer);
			if (problem) wrong.push(problem);
		}
		const executions = await executionsSettled(runIds.length);
		const ran = executions.map((e) => `${e.status} ${String(e.data?.resultData?.runData?.['GHL Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.webhookId)}`);
		// One assertion, so a wrong answer and a wrong execution count show together.
		expect({ wrong, ran: ran.sort() }).toEqual({ wrong: [], ran: runIds.map((id) => `success ${id}`).sort() });
	});

	it('answers and logs without a secret', () => {
		expect(answers.length).toBe(GHL_TRIGGER_CORPUS.length);
		expect(answers.flatMap((a) => findSecrets(a.body))).toEqual([]);
		const log = fs.readFileSync(n8n.logFile, 'utf8');
		expect(log.length).toBeGreaterThan(0);
		expect(findSecrets(log)).toEqual([]);
	});
});
