/** Real signed deliveries from the Rankr sandbox into the trigger, over loopback HTTP. */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import * as rankrDelivery from '../../nodes/RankrTrigger/delivery';
import { signRankrPayload } from '../../sandbox/rankr';
import { changeScore, clioChange } from '../../sandbox/rankr';
import { runHook } from '../harness/hookContext';
import { deliver, serveWebhook } from '../harness/webhookContext';
import { rankrTrigger, useRankrSandbox } from './setup';

const sandbox = useRankrSandbox();

async function subscribed(events?: string[]) {
	const sb = sandbox();
	const setup = rankrTrigger(sb, events);
	await runHook(setup, 'create');
	const server = await serveWebhook(setup);
	// n8n would be reached at its public URL; here the node listens on loopback.
	for (const hook of sb.store.webhooks.values()) hook.url = server.url;
	return { sb, setup, server };
}

describe('Rankr Trigger deliveries', () => {
	it('a signed event from Rankr starts one execution with the event’s data and contactId', async () => {
		const { sb, server } = await subscribed();
		const contact = sb.store.addContact({ email: 'ada@example.test', firstName: 'Ada' });
		changeScore(sb.store, contact.id, 15, { source: 'api', reason: 'demo booked' });
		await sb.flushWebhooks();
		await server.close();
		expect(server.executions).toHaveLength(2);
		const [created, scored] = server.executions.map((items) => items[0]);
		expect(created).toMatchObject({ event: 'contact.created', contactId: contact.id, contact: { email: 'ada@example.test' }, deliveryId: expect.any(String) });
		expect(scored).toMatchObject({ event: 'score.changed', contactId: contact.id, score: 15, delta: 15, reason: 'demo booked' });
		expect(JSON.stringify(server.executions)).not.toContain('whsec_');
	});

	it('a redelivery is acknowledged and starts nothing; events not selected are acknowledged and ignored', async () => {
		const { sb, server } = await subscribed(['contact.created']);
		sb.store.addContact({ email: 'b@example.test' });
		await sb.flushWebhooks();
		await sb.redeliver(sb.deliveries[0].id);
		await sb.flushWebhooks();
		await server.close();
		expect(server.executions).toHaveLength(1);
		expect(server.deliveries.map((d) => d.body)).toEqual([undefined, { received: true, ignored: 'duplicate delivery' }]);
	});

	it('forged, stale and unsigned deliveries are refused with 401 and start nothing', async () => {
		const { sb, server, setup } = await subscribed();
		const secret = String((setup.staticData().subscription as { secret: string }).secret);
		const body = JSON.stringify({ id: 'dlv_forged', type: 'contact.created', createdAt: new Date().toISOString(), data: { contact: { id: 'ctc_x' } } });
		const send = (headers: Record<string, string>) => fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
		const now = Math.floor(Date.now() / 1000);
		const answers = await Promise.all([
			send({ 'rankr-signature': signRankrPayload('whsec_not_the_secret_at_all_x', body, now), 'rankr-delivery': 'dlv_1' }),
			send({ 'rankr-signature': signRankrPayload(secret, body, now - 3600), 'rankr-delivery': 'dlv_2' }),
			send({ 'rankr-delivery': 'dlv_3' }),
			send({ 'rankr-signature': 'garbage', 'rankr-delivery': 'dlv_4' }),
		]);
		expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
		const good = await send({ 'rankr-signature': signRankrPayload(secret, body, now), 'rankr-delivery': 'dlv_forged' });
		expect(good.status).toBe(200);
		await server.close();
		expect(server.executions).toHaveLength(1);
		expect(sb.contractViolations).toEqual([]);
	});
});

describe('Rankr Trigger: what only the signed body decides', () => {
	it('a captured delivery replayed under another Rankr-Delivery header is refused, so it cannot run twice', async () => {
		const { sb, server } = await subscribed(['contact.created']);
		sb.store.addContact({ email: 'replay@example.test' });
		await sb.flushWebhooks();
		const [sent] = sb.deliveries;
		const send = (headers: Record<string, string>) => fetch(server.url, { method: 'POST', headers: { ...sent.headers, ...headers }, body: sent.rawBody });
		expect((await send({ 'rankr-delivery': 'dlv_fresh_looking' })).status).toBe(400);
		expect((await send({ 'rankr-event': 'rule.fired' })).status).toBe(400);
		expect((await send({})).status).toBe(200);
		await server.close();
		expect(server.executions).toHaveLength(1);
		expect(server.deliveries.at(-1)?.body).toEqual({ received: true, ignored: 'duplicate delivery' });
	});

	it('a signed body that is not a Rankr event is answered 400 and starts nothing', async () => {
		const { setup, server } = await subscribed();
		await server.close();
		const secret = String((setup.staticData().subscription as { secret: string }).secret);
		for (const body of ['not json', '[]', '{"id":"x","type":"contact.created"}']) {
			const answer = await deliver(setup, body, { 'rankr-signature': signRankrPayload(secret, body, Math.floor(Date.now() / 1000)) });
			expect(answer).toMatchObject({ started: 0, status: 400 });
		}
	});

	it('Include Headers adds the delivery headers to the item', async () => {
		const { sb, setup, server } = await subscribed(['contact.created']);
		setup.node.parameters.options = { includeHeaders: true };
		sb.store.addContact({ email: 'headers@example.test' });
		await sb.flushWebhooks();
		await server.close();
		expect(server.executions[0][0].headers).toMatchObject({ 'rankr-event': 'contact.created', 'rankr-delivery': sb.deliveries[0].id });
	});

	it('Include Headers gives Rankr\'s own headers, not the Authorization or cookies a proxy in front of n8n adds', async () => {
		const { setup, server } = await subscribed(['contact.created']);
		setup.node.parameters.options = { includeHeaders: true };
		const secret = String((setup.staticData().subscription as { secret: string }).secret);
		const body = JSON.stringify({ id: 'dlv_proxy', type: 'contact.created', createdAt: new Date().toISOString(), data: { contact: { id: 'ctc_1' } } });
		const answer = await fetch(server.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'rankr-signature': signRankrPayload(secret, body, Math.floor(Date.now() / 1000)),
				'rankr-event': 'contact.created',
				'rankr-delivery': 'dlv_proxy',
				authorization: 'Bearer proxy-added-token-1234567890',
				cookie: 'session=abcdef1234567890',
				'x-forwarded-for': '203.0.113.9',
			},
			body,
		});
		expect(answer.status).toBe(200);
		await server.close();
		const { headers } = server.executions[0][0] as { headers: Record<string, string> };
		expect(headers).toEqual({ 'content-type': 'application/json', 'user-agent': expect.any(String), 'rankr-event': 'contact.created', 'rankr-delivery': 'dlv_proxy' });
		expect(JSON.stringify(server.executions)).not.toMatch(/proxy-added-token|session=|203\.0\.113/);
	});

	it('a refused delivery is in n8n\'s log with its reason and delivery ID, never the signing secret', async () => {
		const { setup, server } = await subscribed(['contact.created']);
		const real = Container.get(Logger);
		const warn = jest.fn();
		Container.set(Logger, { warn, debug: jest.fn(), info: jest.fn(), error: jest.fn() } as unknown as Logger);
		try {
			const body = JSON.stringify({ id: 'dlv_forged_log', type: 'contact.created', createdAt: new Date().toISOString(), data: { contact: { id: 'ctc_1' } } });
			const forged = signRankrPayload('whsec_not_the_secret_at_all_x', body, Math.floor(Date.now() / 1000));
			const answer = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'rankr-signature': forged }, body });
			expect(answer.status).toBe(401);
		} finally {
			Container.set(Logger, real);
			await server.close();
		}
		expect(warn).toHaveBeenCalledWith(expect.stringContaining('Rankr Trigger refused a delivery (401)'), expect.objectContaining({ status: 401, deliveryId: 'dlv_forged_log', workflowId: 'wf-trigger' }));
		const secret = String((setup.staticData().subscription as { secret: string }).secret);
		expect(JSON.stringify(warn.mock.calls)).not.toContain(secret);
	});
});

describe('Rankr Trigger: an event it cannot take now', () => {
	it('an unexpected error inside the trigger answers 429 (not n8n\'s 500), is logged, and Rankr\'s retry runs it once', async () => {
		const { sb, server, setup } = await subscribed(['contact.created']);
		const real = Container.get(Logger);
		const warn = jest.fn();
		Container.set(Logger, { warn, debug: jest.fn(), info: jest.fn(), error: jest.fn() } as unknown as Logger);
		const broken = jest.spyOn(rankrDelivery, 'eventItem').mockImplementationOnce(() => {
			throw new TypeError('Cannot read properties of undefined');
		});
		try {
			sb.store.addContact({ email: 'later@example.test' });
			await sb.flushWebhooks();
			const [sent] = sb.deliveries;
			expect(sent.status).toBe(429);
			expect(server.executions).toHaveLength(0);
			expect(warn).toHaveBeenCalledWith(
				expect.stringContaining('Rankr Trigger refused a delivery (429)'),
				expect.objectContaining({ status: 429, deliveryId: sent.id, reason: expect.stringContaining('Cannot read properties of undefined') }),
			);
			// Not remembered: Rankr's retry (same delivery ID, signed anew) runs, and a further copy does not.
			await sb.redeliver(sent.id);
			expect(sent.status).toBe(200);
			await sb.redeliver(sent.id);
			expect(sent.status).toBe(200);
		} finally {
			broken.mockRestore();
			Container.set(Logger, real);
			await server.close();
		}
		expect(server.executions).toHaveLength(1);
		expect(server.deliveries.at(-1)?.body).toEqual({ received: true, ignored: 'duplicate delivery' });
		const secret = String((setup.staticData().subscription as { secret: string }).secret);
		expect(JSON.stringify(warn.mock.calls)).not.toContain(secret);
	});
});

describe('Rankr Trigger: Ignore Changes From (the loop guard)', () => {
	/** One contact.created from each system: a GHL sync's write (Rankr-Origin: ghl), Clio's connector, Rankr itself. */
	async function oneChangeFromEach(sb: ReturnType<typeof sandbox>) {
		sb.store.as('ghl', () => sb.store.addContact({ email: 'from-ghl@example.test' }));
		clioChange(sb.store, 'contact', { clioId: 'c1', email: 'from-clio@example.test' });
		sb.store.addContact({ email: 'from-rankr@example.test' });
		await sb.flushWebhooks();
	}

	it('by default every change runs, and each item says where it came from (origin)', async () => {
		const { sb, server } = await subscribed(['contact.created']);
		await oneChangeFromEach(sb);
		await server.close();
		expect(server.executions.map((items) => items[0].origin)).toEqual(['ghl', 'clio', 'rankr']);
	});

	it('set to GHL, a change the GHL sync wrote is answered 200 and logged, never run; Clio\'s and Rankr\'s run', async () => {
		const { sb, setup, server } = await subscribed(['contact.created']);
		setup.node.parameters.options = { ignoreOrigins: ['ghl'] };
		const real = Container.get(Logger);
		const debug = jest.fn();
		Container.set(Logger, { warn: jest.fn(), debug, info: jest.fn(), error: jest.fn() } as unknown as Logger);
		try {
			await oneChangeFromEach(sb);
			// A redelivery of the ignored one is ignored again.
			await sb.redeliver(sb.deliveries[0].id);
		} finally {
			Container.set(Logger, real);
			await server.close();
		}
		expect(server.executions.map((items) => items[0].origin)).toEqual(['clio', 'rankr']);
		// Rankr saw a 2xx for all three, so it retries none of them.
		expect(sb.deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
		expect(server.deliveries.map((d) => d.body)).toEqual([
			{ received: true, ignored: 'change from ghl' },
			undefined,
			undefined,
			{ received: true, ignored: 'change from ghl' },
		]);
		expect(debug).toHaveBeenCalledWith(expect.stringContaining('change from ghl'), expect.objectContaining({ status: 200, reason: 'change from ghl', deliveryId: sb.deliveries[0].id }));
	});

	it('a delivery that does not say its origin is run whatever is ignored', async () => {
		const { setup, server } = await subscribed(['contact.created']);
		await server.close();
		setup.node.parameters.options = { ignoreOrigins: ['ghl', 'clio', 'rankr'] };
		const secret = String((setup.staticData().subscription as { secret: string }).secret);
		const body = JSON.stringify({ id: 'dlv_no_origin', type: 'contact.created', createdAt: new Date().toISOString(), data: { contact: { id: 'ctc_1' } } });
		const answer = await deliver(setup, body, { 'rankr-signature': signRankrPayload(secret, body, Math.floor(Date.now() / 1000)) });
		expect(answer).toMatchObject({ started: 1, items: [expect.objectContaining({ origin: null, contactId: 'ctc_1' })] });
	});
});
