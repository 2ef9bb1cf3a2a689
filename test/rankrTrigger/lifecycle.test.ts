/** The Rankr Trigger subscribes through the contract on activation and unsubscribes on deactivation. */
import { runHook, webhookUrl } from '../harness/hookContext';
import { rankrTrigger, useRankrSandbox } from './setup';

const sandbox = useRankrSandbox();

describe('Rankr Trigger lifecycle', () => {
	it('activate creates exactly one subscription for its URL and events, keeps the secret only in static data', async () => {
		const sb = sandbox();
		const setup = rankrTrigger(sb, ['score.changed', 'contact.created']);
		expect(await runHook(setup, 'checkExists')).toBe(false);
		expect(await runHook(setup, 'create')).toBe(true);
		const hooks = [...sb.store.webhooks.values()];
		expect(hooks).toHaveLength(1);
		expect(hooks[0]).toMatchObject({ url: webhookUrl(setup), events: ['contact.created', 'score.changed'] });
		expect(setup.staticData().subscription).toMatchObject({ webhookId: hooks[0].id, secret: hooks[0].secret });
		expect(await runHook(setup, 'checkExists')).toBe(true);
		const post = sb.requests.find((r) => r.operationId === 'createWebhook');
		expect(post?.headers['idempotency-key']).toBeTruthy();
	});

	it('checkExists is false once the subscription is gone on Rankr, or when the events changed', async () => {
		const sb = sandbox();
		const setup = rankrTrigger(sb);
		await runHook(setup, 'create');
		setup.node.parameters.events = ['task.completed'];
		expect(await runHook(setup, 'checkExists')).toBe(false);
		setup.node.parameters.events = ['contact.created', 'score.changed'];
		expect(await runHook(setup, 'checkExists')).toBe(true);
		sb.store.webhooks.clear();
		expect(await runHook(setup, 'checkExists')).toBe(false);
	});

	it('re-activating replaces the old subscription instead of adding a second', async () => {
		const sb = sandbox();
		const setup = rankrTrigger(sb);
		await runHook(setup, 'create');
		setup.node.parameters.events = ['task.completed'];
		await runHook(setup, 'create');
		expect([...sb.store.webhooks.values()].map((h) => h.events)).toEqual([['task.completed']]);
	});

	it('deactivate removes the subscription and the secret; a subscription already gone (404) is fine', async () => {
		const sb = sandbox();
		const setup = rankrTrigger(sb);
		await runHook(setup, 'create');
		expect(await runHook(setup, 'delete')).toBe(true);
		expect(sb.store.webhooks.size).toBe(0);
		expect(setup.staticData().subscription).toBeUndefined();
		await runHook(setup, 'create');
		sb.store.webhooks.clear();
		expect(await runHook(setup, 'delete')).toBe(true);
		expect(sb.requests.filter((r) => r.operationId === 'deleteWebhook').map((r) => r.status)).toEqual([204, 404]);
	});

	it('a wrong API key fails activation with Rankr’s words and without the key', async () => {
		const sb = sandbox();
		const setup = rankrTrigger({ ...sb, apiKey: 'rk_wrong_key_123' } as typeof sb);
		const failure = await runHook(setup, 'create').catch((e: Error) => e);
		expect(failure).toBeInstanceOf(Error);
		expect((failure as Error).message).toMatch(/Rankr answered 401/);
		expect(JSON.stringify(failure)).not.toContain('rk_wrong_key_123');
	});
});

describe('Rankr Trigger lifecycle: refused before any request', () => {
	it.each([[[]], [['contact.exploded']]])('events %p fail activation naming Events, and nothing is sent', async (events) => {
		const sb = sandbox();
		const setup = rankrTrigger(sb, events as string[]);
		await expect(runHook(setup, 'create')).rejects.toThrow(/^Events: /);
		expect(sb.requests).toHaveLength(0);
		expect(setup.staticData().subscription).toBeUndefined();
	});

	it('Ignore Changes From naming a system Rankr does not know fails activation naming the option, and nothing is sent', async () => {
		const sb = sandbox();
		const setup = rankrTrigger(sb, ['contact.created']);
		setup.node.parameters.options = { ignoreOrigins: ['ghl', 'hubspot'] };
		await expect(runHook(setup, 'create')).rejects.toThrow(/^Ignore Changes From: "hubspot"/);
		expect(sb.requests).toHaveLength(0);
		setup.node.parameters.options = { ignoreOrigins: ['ghl', 'clio', 'rankr'] };
		expect(await runHook(setup, 'create')).toBe(true);
	});
});
