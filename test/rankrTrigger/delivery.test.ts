/**
 * Rankr Trigger deliveries end to end: the node subscribes its served loopback URL through the sandbox's
 * /v1/webhooks, the sandbox signs and POSTs real events, and the node (in n8n-core's WebhookContext) runs
 * the workflow once per event; forged, stale, replayed and mismatched deliveries start nothing.
 */
import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

import { RANKR_EVENTS } from '../../nodes/RankrTrigger/events';
import { RANKR_CONTRACT_PATH, signRankrPayload } from '../../sandbox/rankr';
import type { RankrSandbox } from '../../sandbox/rankr';
import { runHook } from '../harness/hookContext';
import type { TriggerSetup, WebhookServer } from '../harness/webhookContext';
import { deliver, serveWebhook } from '../harness/webhookContext';
import { baseOf, createContact, rankrTrigger, runHookAt, useRankrSandbox } from './setup';

const sandbox = useRankrSandbox();

/** The trigger activated at its served URL, so the sandbox's deliveries really reach it. */
async function activated(sb: RankrSandbox, events: string[], options: Record<string, unknown> = {}) {
	const trigger = rankrTrigger(sb, events, options);
	const server = await serveWebhook(trigger);
	expect(await runHookAt(trigger, 'create', baseOf(server.url))).toBe(true);
	expect([...sb.store.webhooks.values()].map((h) => h.url)).toEqual([server.url]);
	return { trigger, server, secret: (trigger.staticData().subscription as { secret: string }).secret };
}

const now = () => Math.floor(Date.now() / 1000);

function signedEvent(secret: string, body: Record<string, unknown>, t = now()) {
	const raw = JSON.stringify(body);
	return { raw, headers: { 'rankr-signature': signRankrPayload(secret, raw, t), 'rankr-event': String(body.type), 'rankr-delivery': String(body.id) } };
}

const anEvent = (id = 'dlv_test_1', type = 'contact.created') => ({
	id,
	type,
	createdAt: new Date().toISOString(),
	data: { contact: { id: 'ct_1', email: 'a@example.com' } },
});

describe('Rankr Trigger: events from the sandbox run the workflow once', () => {
	let server: WebhookServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	it('a contact created through the API arrives as one execution with one item: the data, with event, delivery id and time', async () => {
		const sb = sandbox();
		const setup = await activated(sb, ['contact.created']);
		server = setup.server;
		const contact = await createContact(sb, 'ada@example.com');
		await sb.flushWebhooks();

		expect(sb.deliveries).toHaveLength(1);
		const [sent] = sb.deliveries;
		expect(sent.status).toBe(200);
		expect(server.executions).toHaveLength(1);
		expect(server.executions[0]).toEqual([
			{ event: 'contact.created', deliveryId: sent.id, occurredAt: sent.body.createdAt, contact: expect.objectContaining({ id: contact.id, email: 'ada@example.com' }) },
		]);
		expect(JSON.stringify(server.executions)).not.toContain(setup.secret);
		expect(sb.contractViolations).toEqual([]);
	});

	it('a redelivery (same Rankr-Delivery, fresh signature) is answered 200 and starts nothing', async () => {
		const sb = sandbox();
		const setup = await activated(sb, ['contact.created']);
		server = setup.server;
		await createContact(sb, 'grace@example.com');
		await sb.flushWebhooks();
		const [sent] = sb.deliveries;
		const firstSignature = sent.headers['rankr-signature'];

		sb.store.clock = () => Date.now() + 2000;
		await sb.redeliver(sent.id);
		expect(sent.headers['rankr-signature']).not.toBe(firstSignature);
		expect(sent.status).toBe(200);
		expect(server.deliveries.at(-1)).toMatchObject({ started: 0, status: 200, body: { received: true, ignored: 'duplicate delivery' } });
		expect(server.executions).toHaveLength(1);
		expect(sb.contractViolations).toEqual([]);
	});

	it('several subscribed events arrive in order, one execution each; unsubscribed ones are not sent', async () => {
		const sb = sandbox();
		const setup = await activated(sb, ['contact.created', 'tag.added']);
		server = setup.server;
		const contact = await createContact(sb, 'lin@example.com');
		const patched = await fetch(`${sb.url}/v1/contacts/${contact.id}`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${sb.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ tags: ['vip'] }),
		});
		expect(patched.status).toBe(200);
		await sb.flushWebhooks();
		expect(server.executions.map((items) => items.map((i) => i.event))).toEqual([['contact.created'], ['tag.added']]);
		expect(server.executions[1][0]).toMatchObject({ contactId: contact.id, tag: 'vip' });
		expect(sb.deliveries.map((d) => d.type)).not.toContain('contact.updated');
		expect(sb.contractViolations).toEqual([]);
	});

	it('a forged delivery over HTTP gets 401 and starts nothing', async () => {
		const sb = sandbox();
		const setup = await activated(sb, ['contact.created']);
		server = setup.server;
		const forged = signedEvent('whsec_not_the_subscription_secret_000', anEvent('dlv_forged'));
		const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...forged.headers }, body: forged.raw });
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({ error: 'Invalid signature' });
		expect(server.executions).toHaveLength(0);
	});

	it('after deactivation the sandbox sends nothing more', async () => {
		const sb = sandbox();
		const setup = await activated(sb, ['contact.created']);
		server = setup.server;
		expect(await runHookAt(setup.trigger, 'delete', baseOf(server.url))).toBe(true);
		await createContact(sb, 'gone@example.com');
		await sb.flushWebhooks();
		expect(sb.deliveries).toHaveLength(0);
		expect(server.executions).toHaveLength(0);
		expect(sb.contractViolations).toEqual([]);
	});
});

describe('Rankr Trigger: refusals are answered by the node and start no execution', () => {
	async function subscribed(sb: RankrSandbox, events = ['contact.created'], options: Record<string, unknown> = {}): Promise<{ trigger: TriggerSetup; secret: string }> {
		const trigger = rankrTrigger(sb, events, options);
		await runHook(trigger, 'create');
		return { trigger, secret: (trigger.staticData().subscription as { secret: string }).secret };
	}

	it.each([
		['no signature', (h: Record<string, string>) => ({ ...h, 'rankr-signature': '' }), 'Missing Rankr-Signature header'],
		['a malformed signature', (h: Record<string, string>) => ({ ...h, 'rankr-signature': 't=1,v1=abc' }), 'Malformed Rankr-Signature header'],
		['another secret', () => signedEvent('whsec_other_secret_abcdefghijklmnop', anEvent()).headers, 'Invalid signature'],
	])('%s → 401', async (_name, headersFor, reason) => {
		const sb = sandbox();
		const { trigger, secret } = await subscribed(sb);
		const event = signedEvent(secret, anEvent());
		const answer = await deliver(trigger, event.raw, headersFor(event.headers));
		expect(answer).toMatchObject({ started: 0, status: 401, body: { error: reason } });
		expect(JSON.stringify(answer.body)).not.toContain(secret);
	});

	it('a tampered body → 401', async () => {
		const sb = sandbox();
		const { trigger, secret } = await subscribed(sb);
		const event = signedEvent(secret, anEvent());
		const answer = await deliver(trigger, event.raw.replace('a@example.com', 'evil@example.com'), event.headers);
		expect(answer).toMatchObject({ started: 0, status: 401, body: { error: 'Invalid signature' } });
	});

	it('a stale or future timestamp → 401, even correctly signed', async () => {
		const sb = sandbox();
		const { trigger, secret } = await subscribed(sb);
		for (const t of [now() - 301, now() + 301]) {
			const event = signedEvent(secret, anEvent(`dlv_t_${t}`), t);
			expect(await deliver(trigger, event.raw, event.headers)).toMatchObject({ started: 0, status: 401, body: { error: expect.stringMatching(/tolerance/) } });
		}
	});

	it('a trigger that holds no subscription refuses everything', async () => {
		const sb = sandbox();
		const trigger = rankrTrigger(sb);
		const event = signedEvent('', anEvent());
		expect(await deliver(trigger, event.raw, event.headers)).toMatchObject({ started: 0, status: 401 });
	});

	it('Rankr-Delivery or Rankr-Event headers that disagree with the signed body → 400', async () => {
		const sb = sandbox();
		const { trigger, secret } = await subscribed(sb);
		const event = signedEvent(secret, anEvent('dlv_real'));
		expect(await deliver(trigger, event.raw, { ...event.headers, 'rankr-delivery': 'dlv_other' })).toMatchObject({ started: 0, status: 400 });
		expect(await deliver(trigger, event.raw, { ...event.headers, 'rankr-event': 'rule.fired' })).toMatchObject({ started: 0, status: 400 });
		// The genuine one still runs: the refusals did not mark its id as seen.
		expect(await deliver(trigger, event.raw, event.headers)).toMatchObject({ started: 1 });
	});

	it('a signed body that is not a Rankr event → 400', async () => {
		const sb = sandbox();
		const { trigger, secret } = await subscribed(sb);
		for (const body of ['not json', '[]', '{"id":"x","type":"contact.created"}']) {
			const t = now();
			const answer = await deliver(trigger, body, { 'rankr-signature': signRankrPayload(secret, body, t) });
			expect(answer).toMatchObject({ started: 0, status: 400 });
		}
	});

	it('an event not selected is answered 200 and starts nothing', async () => {
		const sb = sandbox();
		const { trigger, secret } = await subscribed(sb, ['contact.created']);
		const event = signedEvent(secret, anEvent('dlv_note', 'note.created'));
		expect(await deliver(trigger, event.raw, event.headers)).toMatchObject({ started: 0, status: 200, body: { ignored: 'event not selected' } });
	});

	it('Include Headers adds the delivery headers to the item', async () => {
		const sb = sandbox();
		const { trigger, secret } = await subscribed(sb, ['contact.created'], { includeHeaders: true });
		const event = signedEvent(secret, anEvent('dlv_headers'));
		const answer = await deliver(trigger, event.raw, event.headers);
		expect(answer.started).toBe(1);
		expect(answer.items[0].headers).toMatchObject({ 'rankr-event': 'contact.created', 'rankr-delivery': 'dlv_headers' });
	});
});

describe('Rankr Trigger: the event list', () => {
	it('offers exactly the contract\'s WebhookEventType values', () => {
		const contract = parse(readFileSync(RANKR_CONTRACT_PATH, 'utf8')) as { components: { schemas: { WebhookEventType: { enum: string[] } } } };
		expect(Object.keys(RANKR_EVENTS).sort()).toEqual([...contract.components.schemas.WebhookEventType.enum].sort());
	});
});
