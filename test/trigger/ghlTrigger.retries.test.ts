/**
 * What GHL does with our answers (help article "Automated Webhook Retries", 2025-11): a Marketplace webhook
 * is re-sent only after a 429, the same payload, every 10 minutes with jitter, at most six times (about
 * 1 h 10 min); every other status is final. So: retries must be accepted (or acknowledged once run), and
 * anything that keeps the trigger from taking an event must answer 429, never 5xx. Every refusal is logged.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import * as events from '../../nodes/GhlTrigger/events';
import { retrySettings } from '../../nodes/shared/transport/retry';
import { deliver, triggerSetup } from '../harness/webhookContext';
import { nodeTypes, registerNodeType } from '../harness/nodeTypes';
import { credentialsOf, legacyWorkflowAction, marketplace, SECRET, signed, TRIGGER, useSandbox, workflowAction } from './ghlTriggerSetup';

const sandbox = useSandbox();
const MINUTE = 60_000;

/** Moves the clock the trigger reads (Date.now) by `ms`: a retry arriving later. */
function later(ms: number): void {
	const now = Date.now();
	jest.spyOn(Date, 'now').mockReturnValue(now + ms);
}

/** n8n's logger (what `this.logger` is in a node), replaced for one test by one that records its calls. */
const realLogger = Container.get(Logger);
function loggerSpies() {
	const spies = { warn: jest.fn(), debug: jest.fn(), info: jest.fn(), error: jest.fn() };
	Container.set(Logger, { ...spies, scoped: () => spies } as unknown as Logger);
	return spies;
}

afterEach(() => {
	jest.restoreAllMocks();
	Container.set(Logger, realLogger);
});

describe('GHL Trigger: GHL\'s retry schedule (after a 429, every 10 minutes, six times)', () => {
	it('the last retry of an event we never ran (65 minutes after its timestamp) runs the workflow', async () => {
		const sb = sandbox();
		const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate', { timestamp: new Date(Date.now() - 65 * MINUTE).toISOString() }));
		const delivery = await deliver(marketplace(sb), raw, headers);
		expect(delivery.status).toBeUndefined();
		expect(delivery.started).toBe(1);
	});

	it('a retry 70 minutes later of an event we ran is acknowledged with 200 and does not run again', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb);
		const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate'));
		expect((await deliver(trigger, raw, headers)).started).toBe(1);
		later(70 * MINUTE);
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 200, body: { ignored: 'duplicate webhookId' } });
	});

	it('Options → Replay Window narrows it: at 5 minutes a 10-minute-old retry is refused', async () => {
		const sb = sandbox();
		const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate', { timestamp: new Date(Date.now() - 10 * MINUTE).toISOString() }));
		expect(await deliver(marketplace(sb, { replayWindowMinutes: 5 }), raw, headers)).toMatchObject({ started: 0, status: 401 });
		expect((await deliver(marketplace(sb), raw, headers)).started).toBe(1);
	});

	it('an event for another location (one app URL serves every location) is answered 200 and ignored', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb);
		for (const locationId of ['someOtherLocation', undefined]) {
			const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate', { locationId }));
			expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 200, body: { received: true, ignored: 'event for another location' } });
		}
		expect(trigger.staticData().seenWebhookIds ?? {}).toEqual({});
	});
});

describe('GHL Trigger: an event it cannot take now is answered 429, so GHL sends it again', () => {
	it('Fetch Latest Record failing (GHL answers 500): 429, and the retry 10 minutes later runs with the record', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb, { fetchLatest: true });
		const payload = sb.webhooks.build('ContactCreate');
		const { raw, headers } = signed(sb, payload);
		sb.setFaults({ rate500: 1 });
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 429 });
		// Not remembered: the retry must run.
		expect(trigger.staticData().seenWebhookIds ?? {}).toEqual({});
		sb.setFaults(undefined);
		later(10 * MINUTE);
		const retry = await deliver(trigger, raw, headers);
		expect(retry.started).toBe(1);
		expect(retry.items[0]).toMatchObject({ webhookId: payload.webhookId, latest: { id: payload.id } });
		expect(Object.keys(trigger.staticData().seenWebhookIds as object)).toEqual([payload.webhookId]);
	});

	it('Fetch Latest Record timing out (GHL too slow): 429, and GHL\'s retry runs the workflow once, with the record', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb, { fetchLatest: true });
		const payload = sb.webhooks.build('ContactCreate');
		const { raw, headers } = signed(sb, payload);
		// Every GHL read takes 300 ms; the transport gives each attempt 40 ms, then its retries are spent.
		Object.assign(retrySettings, { timeoutMs: 40, maxRetries: 1 });
		sb.setFaults({ rateSlow: 1, slowMs: 300 });
		const spies = loggerSpies();
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 429 });
		expect(sb.requests.some((r) => r.fault === 'slow')).toBe(true);
		expect(trigger.staticData().seenWebhookIds ?? {}).toEqual({});
		expect(spies.warn).toHaveBeenCalledWith(expect.stringContaining('(429)'), expect.objectContaining({ status: 429, webhookId: payload.webhookId, reason: expect.stringMatching(/connection was aborted|timeout/i) /* n8n's words for an axios timeout (ECONNABORTED) */ }));
		expect(JSON.stringify(spies.warn.mock.calls)).not.toContain(sb.token);

		sb.setFaults(undefined);
		later(10 * MINUTE);
		const retry = await deliver(trigger, raw, headers);
		expect(retry.started).toBe(1);
		expect(retry.items[0]).toMatchObject({ webhookId: payload.webhookId, latest: { id: payload.id } });
		// GHL's next retry (it sent one before our answer reached it) is acknowledged, not run again.
		later(20 * MINUTE);
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 200, body: { ignored: 'duplicate webhookId' } });
	});

	it('an unexpected error inside the trigger answers 429 with a log line, and the retry runs', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb);
		const payload = sb.webhooks.build('ContactCreate');
		const { raw, headers } = signed(sb, payload);
		const spies = loggerSpies();
		const broken = jest.spyOn(events, 'normaliseEvent').mockImplementationOnce(() => {
			throw new TypeError('Cannot read properties of undefined');
		});
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 429 });
		expect(spies.warn).toHaveBeenCalledWith(
			expect.stringContaining('GHL Trigger refused a delivery (429)'),
			expect.objectContaining({ reason: expect.stringContaining('Cannot read properties of undefined'), webhookId: payload.webhookId }),
		);
		broken.mockRestore();
		expect((await deliver(trigger, raw, headers)).started).toBe(1);
	});

	it('a copy of a delivery that arrives while the first is still reading GHL gets 429; the first runs once, the copy\'s retry is acknowledged', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb, { fetchLatest: true });
		const payload = sb.webhooks.build('ContactCreate');
		const { raw, headers } = signed(sb, payload);
		let letGo: () => void = () => undefined;
		const held = new Promise<void>((resolve) => (letGo = resolve));
		sb.setLatency((request) => (request.path.startsWith('/contacts/') ? held : 0));
		const first = deliver(trigger, raw, headers);
		while (!sb.requests.some((r) => r.path.startsWith('/contacts/'))) await new Promise((r) => setTimeout(r, 5));
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 429 });
		letGo();
		sb.setLatency(undefined);
		expect((await first).started).toBe(1);
		later(10 * MINUTE);
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 200, body: { ignored: 'duplicate webhookId' } });
	});

	it('a credential that cannot be read answers 429, not 500', async () => {
		const sb = sandbox();
		const trigger = triggerSetup({
			type: TRIGGER,
			parameters: { authentication: 'privateIntegration', source: 'marketplace', events: ['*'], options: {} },
			credentials: {},
		});
		const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate'));
		expect(await deliver(trigger, raw, headers)).toMatchObject({ started: 0, status: 429 });
	});
});

describe('GHL Trigger: every refusal is in n8n\'s log', () => {
	it('with its reason and webhookId, and never the secret', async () => {
		const sb = sandbox();
		const spies = loggerSpies();
		const forged = sb.webhooks.build('ContactCreate');
		await deliver(marketplace(sb), JSON.stringify(forged), { 'x-ghl-signature': Buffer.alloc(64, 7).toString('base64') });
		const wrongSecret = sb.webhooks.build('ContactCreate');
		await deliver(workflowAction(sb), JSON.stringify(wrongSecret), { 'x-ghl-secret': `${SECRET}-wrong` });
		const failing = sb.webhooks.build('ContactCreate');
		sb.setFaults({ rate500: 1 });
		const f = signed(sb, failing);
		await deliver(marketplace(sb, { fetchLatest: true }), f.raw, f.headers);

		const warned = spies.warn.mock.calls.map(([message, meta]) => ({ message, ...(meta as object) }));
		expect(warned).toEqual([
			expect.objectContaining({ status: 401, reason: 'Invalid signature', webhookId: forged.webhookId, workflowId: 'wf-trigger', node: 'Trigger Under Test' }),
			expect.objectContaining({ status: 401, reason: 'Invalid or missing secret', webhookId: wrongSecret.webhookId }),
			expect.objectContaining({ status: 429, reason: expect.stringMatching(/could not take the event/), webhookId: failing.webhookId }),
		]);
		expect(JSON.stringify(spies.warn.mock.calls)).not.toContain(SECRET);
	});

	it('acknowledged-but-not-run deliveries (duplicate, another location) are logged at debug', async () => {
		const sb = sandbox();
		const spies = loggerSpies();
		const trigger = marketplace(sb);
		const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate'));
		await deliver(trigger, raw, headers);
		await deliver(trigger, raw, headers);
		const reasons = spies.debug.mock.calls.map(([, meta]) => (meta as { reason?: string } | undefined)?.reason).filter(Boolean);
		expect(reasons).toContain('duplicate webhookId');
	});
});

describe('GHL Trigger: the Custom Webhook secret is a credential', () => {
	it('a new node keeps no secret in the workflow; the GHL Webhook Secret credential verifies the header', async () => {
		const sb = sandbox();
		const trigger = workflowAction(sb);
		expect(trigger.node.parameters).not.toHaveProperty('secret');
		const raw = JSON.stringify(sb.webhooks.build('ContactUpdate'));
		expect((await deliver(trigger, raw, { 'X-GHL-Secret': SECRET })).started).toBe(1);
	});

	it('a workflow saved with the old Secret field still works, and the log says to move it', async () => {
		const sb = sandbox();
		const spies = loggerSpies();
		const trigger = legacyWorkflowAction(sb);
		expect(trigger.node.parameters.secret).toBe(SECRET); // n8n keeps the old value (the field shows while it is set)
		const raw = JSON.stringify(sb.webhooks.build('ContactUpdate'));
		expect((await deliver(trigger, raw, { 'X-GHL-Secret': SECRET })).started).toBe(1);
		expect(JSON.stringify(spies.warn.mock.calls)).toMatch(/select a GHL Webhook Secret credential/);
		expect(JSON.stringify(spies.warn.mock.calls)).not.toContain(SECRET);
	});

	it('with neither, the event is answered 429 and the log names the missing credential', async () => {
		const sb = sandbox();
		const spies = loggerSpies();
		const raw = JSON.stringify(sb.webhooks.build('ContactUpdate'));
		expect(await deliver(legacyWorkflowAction(sb, ''), raw, { 'X-GHL-Secret': SECRET })).toMatchObject({ started: 0, status: 429 });
		expect(JSON.stringify(spies.warn.mock.calls)).toContain('No GHL Webhook Secret credential is selected');
	});

	it('the credential test asks for a secret of 16 characters or more', async () => {
		const test = nodeTypes.getByNameAndVersion(TRIGGER, 1).methods?.credentialTest?.ghlWebhookSecretStrength;
		if (!test) throw new Error('no credential test');
		const run = async (secret: string) => await test.call({} as never, { id: 'c', name: 'c', type: 'ghlWebhookSecretApi', data: { secret } });
		expect((await run('short')).status).toBe('Error');
		expect((await run(SECRET)).status).toBe('OK');
	});
});

describe('GHL Trigger: dedupe across n8n processes (queue mode: main and webhook processes)', () => {
	it('a retry reaching a process that already took other events is acknowledged, not run again', async () => {
		const sb = sandbox();
		// Process B is a second copy of the package (its own module state), as another n8n process would be.
		let typeB = '';
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const { GhlTrigger } = require('../../nodes/GhlTrigger/GhlTrigger.node') as typeof import('../../nodes/GhlTrigger/GhlTrigger.node');
			typeB = registerNodeType('ghlTriggerProcessB', new GhlTrigger());
		});
		const options = { publicKeys: { keys: { ed25519: sb.webhooks.ed25519PublicKeyPem, rsa: sb.webhooks.rsaPublicKeyPem } } };
		const onA = marketplace(sb);
		/** Process B loads the workflow (and its static data) from the database for each call, as n8n does. */
		const onB = () => {
			const setup = triggerSetup({ type: typeB, parameters: { authentication: 'privateIntegration', source: 'marketplace', events: ['*'], options }, credentials: credentialsOf(sb) });
			const saved = JSON.parse(JSON.stringify(onA.workflow.staticData)) as IDataObject;
			const workflow = new Workflow({ id: setup.workflow.id, nodes: [setup.node], connections: {}, nodeTypes, active: true, staticData: saved });
			return { ...setup, workflow, staticData: () => workflow.getStaticData('node', setup.node) };
		};
		const earlier = signed(sb, sb.webhooks.build('ContactCreate'));
		const b1 = onB();
		expect((await deliver(b1, earlier.raw, earlier.headers)).started).toBe(1); // B has its own copy now
		Object.assign(onA.staticData(), JSON.parse(JSON.stringify(b1.staticData()))); // B's save, loaded by A

		const event = signed(sb, sb.webhooks.build('ContactCreate'));
		expect((await deliver(onA, event.raw, event.headers)).started).toBe(1);
		// A's save carries B's ID too: a save does not drop what another process remembered.
		expect(Object.keys(onA.staticData().seenWebhookIds as object)).toHaveLength(2);
		const b2 = onB();
		expect(await deliver(b2, event.raw, event.headers)).toMatchObject({ started: 0, status: 200, body: { ignored: 'duplicate webhookId' } });
	});

	it('n8n clearing its "static data changed" flag as the execution starts does not lose the IDs', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb);
		const { raw, headers } = signed(sb, sb.webhooks.build('ContactCreate'));
		expect((await deliver(trigger, raw, headers)).started).toBe(1);
		const root = trigger.workflow.staticData as { __dataChanged?: boolean };
		expect(root.__dataChanged).toBe(true);
		// What WorkflowRunner.run does before n8n saves: a second Workflow over the same object clears the flag.
		new Workflow({ id: trigger.workflow.id, nodes: [trigger.node], connections: {}, nodeTypes, active: true, staticData: root });
		expect(root.__dataChanged).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(root.__dataChanged).toBe(true); // written again, so n8n's save after the enqueue stores them
	});
});
