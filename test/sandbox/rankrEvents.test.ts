/** The Rankr sandbox's rule engine and its signed webhook deliveries. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { RankrSandbox } from '../../sandbox/rankr';
import { RANKR_CONTRACT_PATH, startRankrSandbox } from '../../sandbox/rankr';
import { OpenApiValidator } from '../../sandbox/shared/openapi';
import { rankrClient } from './rankrClient';

interface Received {
	headers: http.IncomingHttpHeaders;
	raw: string;
}

/** A loopback receiver that records what it is sent and answers `status`. */
async function receiver(status = 200) {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(status).end();
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rankr`;
	return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** What a receiver does with node:crypto alone: HMAC-SHA256(secret, "<t>.<raw body>"), hex, constant-time compare. */
function verify(secret: string, header: string, raw: string, nowSeconds: number): boolean {
	const t = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
	if (!Number.isFinite(t) || Math.abs(nowSeconds - t) > 300) return false;
	const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
	return [...header.matchAll(/v1=([0-9a-f]{64})/g)].some((m) => timingSafeEqual(Buffer.from(m[1], 'hex'), expected));
}

describe('Rankr sandbox events and webhooks', () => {
	let sb: RankrSandbox;
	const call = rankrClient(() => sb);
	beforeEach(async () => {
		sb = await startRankrSandbox({ validateResponses: true });
	});
	afterEach(async () => sb.close());

	describe('rule engine', () => {
		async function setup() {
			const contact = (await call('POST', '/v1/contacts', { externalRef: 'ghl:loc:1', email: 'r@example.com', tags: ['lead'] })).body;
			const rule = (
				await call('POST', '/v1/rules', {
					name: 'Call done',
					eventType: 'ghl.TaskComplete',
					conditions: [
						{ field: 'task.title', equals: 'CALL BACK' },
						{ field: 'tags.0', equals: 'lead' },
					],
					actions: [
						{ type: 'addTag', tag: ' Called ' },
						{ type: 'removeTag', tag: 'lead' },
						{ type: 'createTask', title: 'Send offer', dueInDays: 2 },
						{ type: 'adjustScore', delta: 15, reason: 'Called back' },
					],
				})
			).body;
			await call('POST', '/v1/rules', { name: 'Off', enabled: false, eventType: 'ghl.TaskComplete', actions: [{ type: 'adjustScore', delta: 100 }] });
			await call('POST', '/v1/rules', { name: 'Other type', eventType: 'ghl.NoteCreate', actions: [{ type: 'adjustScore', delta: 100 }] });
			return { contact, rule };
		}

		it('runs the enabled rules whose conditions hold (dotted paths, text case-insensitive), each action once', async () => {
			const { contact, rule } = await setup();
			const event = {
				type: 'ghl.TaskComplete',
				contactExternalRef: 'ghl:loc:1',
				occurredAt: '2030-05-01T10:00:00.000Z',
				payload: { task: { title: 'call back' }, tags: ['Lead'] },
			};
			const res = await call('POST', '/v1/events', event);
			expect(res.status).toBe(200);
			expect(res.body).toMatchObject({ type: 'ghl.TaskComplete', contactId: contact.id, occurredAt: event.occurredAt, matchedRules: [rule.id] });
			const taskId = res.body.actions[2].taskId;
			expect(res.body.actions).toEqual([
				{ ruleId: rule.id, type: 'addTag', tag: 'called' },
				{ ruleId: rule.id, type: 'removeTag', tag: 'lead' },
				{ ruleId: rule.id, type: 'createTask', taskId },
				{ ruleId: rule.id, type: 'adjustScore', delta: 15, score: 15 },
			]);
			expect(sb.store.contacts.get(contact.id)).toMatchObject({ tags: ['called'], score: 15 });
			expect(sb.store.tasks.get(taskId)).toMatchObject({ title: 'Send offer', dueAt: '2030-05-03T10:00:00.000Z', completed: false });
			const history = (await call('GET', `/v1/contacts/${contact.id}/score/history`)).body.data;
			expect(history).toEqual([expect.objectContaining({ delta: 15, score: 15, source: 'rule', ruleId: rule.id, eventId: res.body.id, reason: 'Called back' })]);
			expect(sb.contractViolations).toEqual([]);
		});

		it('matches nothing when a condition fails, and 404s an unknown contact', async () => {
			const { contact } = await setup();
			const res = await call('POST', '/v1/events', { type: 'ghl.TaskComplete', contactId: contact.id, payload: { task: { title: 'Other' }, tags: ['lead'] } });
			expect(res.body).toMatchObject({ matchedRules: [], actions: [] });
			expect(sb.store.contacts.get(contact.id)?.score).toBe(0);
			expect((await call('POST', '/v1/events', { type: 'x', contactExternalRef: 'ghl:loc:none' })).status).toBe(404);
		});

		it('applies a retried event once when it carries an Idempotency-Key', async () => {
			const { contact } = await setup();
			const event = { type: 'ghl.TaskComplete', contactId: contact.id, payload: { task: { title: 'Call back' }, tags: ['lead'] } };
			const first = await call('POST', '/v1/events', event, { 'Idempotency-Key': 'ghl-evt-1' });
			const retry = await call('POST', '/v1/events', event, { 'Idempotency-Key': 'ghl-evt-1' });
			expect(retry.body).toEqual(first.body);
			expect(sb.store.contacts.get(contact.id)?.score).toBe(15);
			expect([...sb.store.tasks.values()]).toHaveLength(1);
		});

		it('updates a rule (actions replace) and filters the list', async () => {
			const { rule } = await setup();
			const patched = await call('PATCH', `/v1/rules/${rule.id}`, { actions: [{ type: 'addTag', tag: 'X' }] });
			expect(patched.body.actions).toEqual([{ type: 'addTag', tag: 'x' }]);
			expect(patched.body.conditions).toHaveLength(2);
			const enabled = await call('GET', '/v1/rules?enabled=false');
			expect(enabled.body.data.map((r: { name: string }) => r.name)).toEqual(['Off']);
		});
	});

	describe('webhooks', () => {
		it('delivers subscribed events signed so node:crypto verifies them, with Rankr-Event and Rankr-Delivery', async () => {
			const rx = await receiver();
			try {
				const hook = await call('POST', '/v1/webhooks', { url: rx.url, events: ['contact.created', 'task.created', 'tag.added', 'score.changed', 'rule.fired'] });
				expect(hook.body.secret).toMatch(/^whsec_[A-Za-z0-9]{24,}$/);
				const contact = (await call('POST', '/v1/contacts', { email: 'w@example.com' })).body;
				await call('POST', '/v1/rules', { name: 'R', eventType: 'e', actions: [{ type: 'addTag', tag: 'hot' }, { type: 'createTask', title: 'T' }, { type: 'adjustScore', delta: 2 }] });
				await call('POST', `/v1/contacts/${contact.id}/notes`, { body: 'not subscribed' });
				await call('POST', '/v1/events', { type: 'e', contactId: contact.id });
				await sb.flushWebhooks();

				const types = rx.received.map((r) => r.headers['rankr-event']);
				expect(types).toEqual(['contact.created', 'tag.added', 'task.created', 'score.changed', 'rule.fired']);
				const schema = OpenApiValidator.fromFile(RANKR_CONTRACT_PATH);
				const deliverySchema = { $ref: '#/components/schemas/WebhookDelivery' };
				for (const r of rx.received) {
					expect(verify(hook.body.secret, String(r.headers['rankr-signature']), r.raw, Math.floor(Date.now() / 1000))).toBe(true);
					expect(verify('whsec_wrongwrongwrongwrongwrong', String(r.headers['rankr-signature']), r.raw, Math.floor(Date.now() / 1000))).toBe(false);
					expect(verify(hook.body.secret, String(r.headers['rankr-signature']), `${r.raw} `, Math.floor(Date.now() / 1000))).toBe(false);
					const body = JSON.parse(r.raw);
					expect(body.id).toBe(r.headers['rankr-delivery']);
					expect(schema.check(deliverySchema, body)).toEqual([]);
				}
				expect(JSON.parse(rx.received[1].raw).data).toEqual({ contactId: contact.id, tag: 'hot' });
				expect(JSON.parse(rx.received[3].raw).data).toMatchObject({ contactId: contact.id, score: 2, delta: 2, source: 'rule' });
				expect(sb.deliveries.map((d) => [d.type, d.status, d.attempts])).toEqual(types.map((t) => [t, 200, 1]));
			} finally {
				await rx.close();
			}
		});

		it('records a failed delivery and stops delivering after unsubscribe; lists and gets without the secret', async () => {
			const rx = await receiver(500);
			try {
				const hook = (await call('POST', '/v1/webhooks', { url: rx.url, events: ['contact.created'] })).body;
				const listed = await call('GET', '/v1/webhooks');
				expect(listed.body.data).toEqual([{ id: hook.id, url: rx.url, events: ['contact.created'], description: null, createdAt: hook.createdAt }]);
				expect((await call('GET', `/v1/webhooks/${hook.id}`)).body.secret).toBeUndefined();
				await call('POST', '/v1/contacts', { email: 'a@example.com' });
				await sb.flushWebhooks();
				expect(sb.deliveries.map((d) => d.status)).toEqual([500]);
				await sb.redeliver(sb.deliveries[0].id);
				expect(rx.received.map((r) => r.headers['rankr-delivery'])).toEqual([sb.deliveries[0].id, sb.deliveries[0].id]);
				expect(sb.deliveries[0].attempts).toBe(2);
				expect((await call('DELETE', `/v1/webhooks/${hook.id}`)).status).toBe(204);
				await call('POST', '/v1/contacts', { email: 'b@example.com' });
				await sb.flushWebhooks();
				expect(rx.received).toHaveLength(2);
				expect((await call('GET', `/v1/webhooks/${hook.id}`)).status).toBe(404);
			} finally {
				await rx.close();
			}
		});

		it('emits events for records the test writes straight into the store', async () => {
			const rx = await receiver();
			try {
				await call('POST', '/v1/webhooks', { url: rx.url, events: ['contact.updated', 'tag.removed'] });
				const c = sb.store.addContact({ email: 'direct@example.com', tags: ['a', 'b'] });
				sb.store.updateContact(c, { tags: ['a'] });
				await sb.flushWebhooks();
				expect(rx.received.map((r) => r.headers['rankr-event'])).toEqual(['contact.updated', 'tag.removed']);
			} finally {
				await rx.close();
			}
		});
	});
});
