/**
 * GHL Trigger deliveries, judged by the node in n8n-core's WebhookContext: signed events from the
 * sandbox's signer run the workflow exactly once; every refusal is answered by the node itself and
 * starts no execution.
 */
import { alreadySeen, DEDUPE_MAX_AGE_MS, DEDUPE_MAX_IDS, remember } from '../../nodes/shared/webhookDedupe';
import type { SeenIds } from '../../nodes/shared/webhookDedupe';
import { deliver, serveWebhook } from '../harness/webhookContext';
import { marketplace, SECRET, signed, unverified, useSandbox, workflowAction } from './ghlTriggerSetup';

const sandbox = useSandbox();

describe('GHL Trigger: accepted deliveries run the workflow once', () => {
	it.each([
		['Ed25519 (x-ghl-signature)', 'ed25519', 'ed25519'],
		['legacy RSA (x-wh-signature)', 'rsa', 'rsa'],
		['both headers (Ed25519 checked first)', 'both', 'ed25519'],
	] as const)('%s', async (_name, which, verifiedBy) => {
		const sb = sandbox();
		const trigger = marketplace(sb);
		const payload = sb.webhooks.build('ContactCreate');
		const { raw, headers } = signed(sb, payload, which);
		const first = await deliver(trigger, raw, headers);
		expect(first.started).toBe(1);
		expect(first.items).toHaveLength(1);
		expect(first.items[0]).toMatchObject({ event: 'ContactCreate', contactId: payload.id, locationId: sb.locationId, verifiedBy });
		// GHL retrying the same delivery: answered 200 (so it stops), no second execution.
		const again = await deliver(trigger, raw, headers);
		expect(again).toMatchObject({ started: 0, status: 200, body: { received: true, ignored: 'duplicate webhookId' } });
	});

	it('over real HTTP from the sandbox sender: each event of a burst runs once, replays do not', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb);
		const server = await serveWebhook(trigger);
		try {
			const events = ['ContactCreate', 'ContactUpdate', 'ContactTagUpdate', 'ContactDndUpdate', 'TaskCreate', 'TaskComplete', 'NoteCreate', 'NoteUpdate', 'AppointmentCreate', 'AppointmentDelete'];
			const payloads = events.map((type) => sb.webhooks.build(type));
			for (const [i, payload] of payloads.entries()) {
				const answer = await sb.webhooks.send(server.url, payload, { signWith: i % 2 ? 'rsa' : 'ed25519' });
				expect(answer.status).toBe(200);
			}
			for (const payload of payloads.slice(0, 3)) expect((await sb.webhooks.send(server.url, payload)).status).toBe(200);
			expect(server.executions.map((items) => items[0].event)).toEqual(events);
			expect(server.deliveries.filter((d) => d.started === 0)).toHaveLength(3);
		} finally {
			await server.close();
		}
	});

	it('accepts the {data: …}-wrapped shape', async () => {
		const sb = sandbox();
		const { type, webhookId, timestamp, ...inner } = sb.webhooks.build('NoteCreate');
		const { raw, headers } = signed(sb, { type, webhookId, timestamp, data: inner });
		const delivery = await deliver(marketplace(sb), raw, headers);
		expect(delivery.started).toBe(1);
		expect(delivery.items[0]).toMatchObject({ event: 'NoteCreate', noteId: inner.id, contactId: inner.contactId, webhookId });
	});

	it('runs only the selected events; others and unknown types are answered 200 and ignored', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb, {}, ['TaskComplete']);
		for (const type of ['ContactCreate', 'TaskCreate', 'OpportunityCreate', 'AppInstall']) {
			const { raw, headers } = signed(sb, sb.webhooks.build(type));
			expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 200, body: { ignored: 'event not selected' } });
		}
		const { raw, headers } = signed(sb, sb.webhooks.build('TaskComplete'));
		expect((await deliver(trigger, raw, headers)).started).toBe(1);
	});

	it('a GHL Workflow Custom Webhook with the right secret (header name in any case)', async () => {
		const sb = sandbox();
		const raw = JSON.stringify(sb.webhooks.build('ContactUpdate'));
		expect((await deliver(workflowAction(sb), raw, { 'X-Ghl-Secret': SECRET })).started).toBe(1);
	});

	it('unverified mode accepts an unsigned event (and still dedupes and filters locations)', async () => {
		const sb = sandbox();
		const trigger = unverified(sb);
		const raw = JSON.stringify(sb.webhooks.build('ContactCreate'));
		expect((await deliver(trigger, raw)).started).toBe(1);
		expect((await deliver(trigger, raw)).started).toBe(0);
		const elsewhere = JSON.stringify(sb.webhooks.build('ContactCreate', { locationId: 'otherLocation' }));
		expect(await deliver(trigger, elsewhere)).toMatchObject({ started: 0, status: 200, body: { ignored: 'event for another location' } });
	});

	it('accepts events without a timestamp, and any location when asked to', async () => {
		const sb = sandbox();
		const { timestamp: _t, ...noTimestamp } = sb.webhooks.build('ContactCreate');
		const a = signed(sb, noTimestamp);
		expect((await deliver(marketplace(sb), a.raw, a.headers)).started).toBe(1);
		const b = signed(sb, sb.webhooks.build('ContactCreate', { locationId: 'anotherLocation' }));
		const delivery = await deliver(marketplace(sb, { anyLocation: true }), b.raw, b.headers);
		expect(delivery.started).toBe(1);
		expect(delivery.items[0].locationId).toBe('anotherLocation');
	});

	it('works in the editor\'s "listen for test event" flow (test webhook)', async () => {
		const sb = sandbox();
		const { raw, headers } = signed(sb, sb.webhooks.build('TaskCreate'));
		expect((await deliver(marketplace(sb), raw, headers, { test: true })).started).toBe(1);
	});
});

describe('GHL Trigger: refusals are answered by the node and start no execution', () => {
	type Case = { raw: string | Buffer; headers: Record<string, string>; setup?: 'marketplace' | 'workflowAction' | 'otherKeys' };
	const cases: Array<[string, (sb: ReturnType<typeof sandbox>) => Case, number, string]> = [
		['forged Ed25519 signature', (sb) => ({ raw: JSON.stringify(sb.webhooks.build('ContactCreate')), headers: { 'x-ghl-signature': Buffer.alloc(64, 7).toString('base64') } }), 401, 'Invalid signature'],
		['forged RSA signature', (sb) => ({ raw: JSON.stringify(sb.webhooks.build('ContactCreate')), headers: { 'x-wh-signature': Buffer.alloc(256, 7).toString('base64') } }), 401, 'Invalid signature'],
		['body altered after signing', (sb) => { const s = signed(sb, sb.webhooks.build('ContactCreate', { email: 'real@example.com' })); return { raw: s.raw.replace('real@', 'evil@'), headers: s.headers }; }, 401, 'Invalid signature'],
		['signed with a key the node does not trust (GHL\'s real keys configured)', (sb) => ({ ...signed(sb, sb.webhooks.build('ContactCreate')), setup: 'otherKeys' }), 401, 'Invalid signature'],
		['RSA signature sent in the Ed25519 header', (sb) => { const s = signed(sb, sb.webhooks.build('ContactCreate'), 'rsa'); return { raw: s.raw, headers: { 'x-ghl-signature': s.headers['x-wh-signature'] } }; }, 401, 'Invalid signature'],
		['no signature header', (sb) => ({ raw: JSON.stringify(sb.webhooks.build('ContactCreate')), headers: {} }), 401, 'Missing signature header'],
		['stale timestamp (2 hours old, past GHL\'s last retry)', (sb) => signed(sb, sb.webhooks.build('ContactCreate', { timestamp: new Date(Date.now() - 7_200_000).toISOString() })), 401, 'Timestamp outside the replay window'],
		['timestamp 2 hours in the future', (sb) => signed(sb, sb.webhooks.build('ContactCreate', { timestamp: new Date(Date.now() + 7_200_000).toISOString() })), 401, 'Timestamp outside the replay window'],
		['unreadable timestamp', (sb) => signed(sb, sb.webhooks.build('ContactCreate', { timestamp: 'yesterday' })), 401, 'Timestamp outside the replay window'],
		['non-JSON body (signed)', (sb) => { const raw = 'type=ContactCreate&id=1'; return { raw, headers: { ...sb.webhooks.sign(raw), 'content-type': 'application/x-www-form-urlencoded' } }; }, 400, 'Body is not JSON'],
		['a JSON array (signed)', (sb) => { const raw = JSON.stringify([sb.webhooks.build('ContactCreate')]); return { raw, headers: sb.webhooks.sign(raw) }; }, 400, 'Body is not a JSON object'],
		['oversized body (> 1 MB, signed)', (sb) => { const raw = JSON.stringify({ ...sb.webhooks.build('ContactCreate'), pad: 'x'.repeat(1_100_000) }); return { raw, headers: sb.webhooks.sign(raw) }; }, 413, 'Body larger than 1048576 bytes'],
		['wrong shared secret', (sb) => ({ raw: JSON.stringify(sb.webhooks.build('ContactCreate')), headers: { 'x-ghl-secret': `${SECRET}x` }, setup: 'workflowAction' }), 401, 'Invalid or missing secret'],
		['missing shared secret header', (sb) => ({ raw: JSON.stringify(sb.webhooks.build('ContactCreate')), headers: {}, setup: 'workflowAction' }), 401, 'Invalid or missing secret'],
		['GHL signature where a shared secret is expected', (sb) => ({ ...signed(sb, sb.webhooks.build('ContactCreate')), setup: 'workflowAction' }), 401, 'Invalid or missing secret'],
	];

	it.each(cases)('%s', async (_name, make, status, error) => {
		const sb = sandbox();
		const c = make(sb);
		const trigger =
			c.setup === 'workflowAction' ? workflowAction(sb) : c.setup === 'otherKeys' ? marketplace(sb, { publicKeys: {} }) : marketplace(sb);
		const delivery = await deliver(trigger, c.raw, c.headers);
		expect(delivery).toMatchObject({ started: 0, status, body: { error } });
		expect(delivery.result).toEqual({ noWebhookResponse: true });
		// A refusal is not remembered: nothing about it can block the genuine event later.
		expect(Object.keys((trigger.staticData().seenWebhookIds as object | undefined) ?? {})).toHaveLength(0);
	});

	it('replayed webhookId under a new signature is still run only once', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb);
		const payload = sb.webhooks.build('ContactCreate');
		const a = signed(sb, payload, 'ed25519');
		expect((await deliver(trigger, a.raw, a.headers)).started).toBe(1);
		// Same webhookId, re-serialised differently and signed again (a replay, not a retry of the bytes).
		const b = signed(sb, { ...payload, firstName: 'Changed' }, 'rsa');
		expect(await deliver(trigger, b.raw, b.headers)).toMatchObject({ started: 0, status: 200 });
	});

	it('a Replay Window of 0 turns the timestamp check off', async () => {
		const sb = sandbox();
		const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate', { timestamp: '2020-01-01T00:00:00Z' }));
		expect((await deliver(marketplace(sb), raw, headers)).started).toBe(0);
		expect((await deliver(marketplace(sb, { replayWindowMinutes: 0 }), raw, headers)).started).toBe(1);
	});
});

describe('webhookId window', () => {
	it('remembers at most 5,000 ids and none older than 24 hours', () => {
		const seen: SeenIds = {};
		const t0 = 1_700_000_000_000;
		for (let i = 0; i < DEDUPE_MAX_IDS + 5; i++) remember(seen, `id-${i}`, t0 + i);
		expect(Object.keys(seen)).toHaveLength(DEDUPE_MAX_IDS);
		expect(alreadySeen(seen, 'id-0', t0 + 2000)).toBe(false);
		expect(alreadySeen(seen, 'id-5', t0 + 2000)).toBe(true);
		expect(alreadySeen(seen, 'id-5', t0 + 5 + DEDUPE_MAX_AGE_MS + 1)).toBe(false);
		remember(seen, 'late', t0 + DEDUPE_MAX_AGE_MS + 10_000);
		expect(Object.keys(seen)).toEqual(['late']);
	});
});
