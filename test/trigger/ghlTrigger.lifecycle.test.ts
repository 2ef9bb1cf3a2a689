/**
 * The GHL Trigger's webhook lifecycle in n8n-core's HookContext. GHL cannot be told a URL, so create()
 * proves the credential reaches the location and records the subscription locally; nothing else.
 */
import { runHook, webhookUrl } from '../harness/hookContext';
import { deliver, triggerSetup } from '../harness/webhookContext';
import { credentialsOf, marketplace, TRIGGER, useSandbox } from './ghlTriggerSetup';

const sandbox = useSandbox();

describe('GHL Trigger: lifecycle', () => {
	it('create proves access with one read and records the subscription; checkExists and delete follow it', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb, {}, ['TaskComplete', 'ContactCreate']);
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		sb.clearRequests();
		expect(await runHook(trigger, 'create')).toBe(true);
		expect(sb.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /contacts/search 200']);
		expect(trigger.staticData().subscription).toEqual({
			url: webhookUrl(trigger),
			locationId: sb.locationId,
			events: ['ContactCreate', 'TaskComplete'],
			source: 'marketplace',
			subscribedAt: expect.stringMatching(/Z$/),
		});
		expect(webhookUrl(trigger)).toMatch(/^http:\/\/127\.0\.0\.1\/webhook\/.+\/webhook$/);
		expect(await runHook(trigger, 'checkExists')).toBe(true);
		expect(await runHook(trigger, 'delete')).toBe(true);
		expect(trigger.staticData().subscription).toBeUndefined();
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		// Nothing but that one read ever went to GHL: it was told nothing about the URL.
		expect(sb.requests).toHaveLength(1);
	});

	it('a change of events or URL makes the record stale, so n8n creates it again', async () => {
		const sb = sandbox();
		const trigger = marketplace(sb, {}, ['ContactCreate']);
		await runHook(trigger, 'create');
		trigger.node.parameters.events = ['ContactCreate', 'NoteCreate'];
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		await runHook(trigger, 'create');
		expect(await runHook(trigger, 'checkExists')).toBe(true);
		// The editor's test URL is another URL.
		expect(await runHook(trigger, 'checkExists', { test: true })).toBe(false);
		await runHook(trigger, 'create', { test: true });
		expect((trigger.staticData().subscription as { url: string }).url).toBe(webhookUrl(trigger, { test: true }));
		expect(webhookUrl(trigger, { test: true })).toMatch(/\/webhook-test\//);
	});

	it('create fails clearly, recording nothing, when the token is refused', async () => {
		const sb = sandbox();
		const trigger = triggerSetup({
			type: TRIGGER,
			parameters: { authentication: 'privateIntegration', source: 'marketplace', events: ['ContactCreate'], options: {} },
			credentials: credentialsOf(sb, 'pit-not-a-real-token'),
		});
		const failure = runHook(trigger, 'create');
		await expect(failure).rejects.toThrow('GHL answered 401');
		await expect(failure).rejects.toMatchObject({ description: expect.stringContaining('check the token') });
		expect(trigger.staticData().subscription).toBeUndefined();
		expect(await runHook(trigger, 'checkExists')).toBe(false);
	});

	it('create fails when the credential names another location than the token\'s', async () => {
		const sb = sandbox();
		const trigger = triggerSetup({
			type: TRIGGER,
			parameters: { authentication: 'privateIntegration', source: 'marketplace', events: ['ContactCreate'], options: {} },
			credentials: { ghlApi: { ...credentialsOf(sb).ghlApi, locationId: 'notMyLocation' } },
		});
		await expect(runHook(trigger, 'create')).rejects.toThrow(/GHL answered 403/);
		expect(trigger.staticData().subscription).toBeUndefined();
	});
});

describe('GHL Trigger: a credential without a location', () => {
	it('cannot be activated, and refuses to run events it cannot match to a location', async () => {
		const sb = sandbox();
		const trigger = triggerSetup({
			type: TRIGGER,
			parameters: { authentication: 'privateIntegration', source: 'unverified', events: ['*'], options: {} },
			credentials: { ghlApi: { ...credentialsOf(sb).ghlApi, locationId: '' } },
		});
		await expect(runHook(trigger, 'create')).rejects.toThrow('The GHL credential names no location');
		// Answered 429 (GHL retries only that) while the credential is fixed, not a 500 that loses the event.
		expect(await deliver(trigger, JSON.stringify(sb.webhooks.build('ContactCreate')))).toMatchObject({ started: 0, status: 429 });
	});
});
