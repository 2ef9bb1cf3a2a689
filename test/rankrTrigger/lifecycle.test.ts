/**
 * The Rankr Trigger's webhook lifecycle in n8n-core's HookContext against the Rankr sandbox: activation
 * subscribes the node's URL to the chosen events through /v1/webhooks, checkExists asks Rankr, deactivation
 * unsubscribes; the signing secret stays in static data and nowhere else.
 */
import { runHook, webhookUrl } from '../harness/hookContext';
import { triggerSetup } from '../harness/webhookContext';
import { credentialsOf, rankrTrigger, TRIGGER, useRankrSandbox } from './setup';

const sandbox = useRankrSandbox();

const calls = (sb: ReturnType<typeof sandbox>) => sb.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

describe('Rankr Trigger: lifecycle', () => {
	it('activation creates exactly one subscription with the chosen events and keeps its secret in static data', async () => {
		const sb = sandbox();
		const trigger = rankrTrigger(sb, ['task.completed', 'contact.created']);
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		expect(await runHook(trigger, 'create')).toBe(true);

		expect(sb.store.webhooks.size).toBe(1);
		const [hook] = [...sb.store.webhooks.values()];
		expect(hook).toMatchObject({ url: webhookUrl(trigger), events: ['contact.created', 'task.completed'] });
		expect(trigger.staticData().subscription).toEqual({ id: hook.id, url: webhookUrl(trigger), events: ['contact.created', 'task.completed'], secret: hook.secret });
		expect(calls(sb)).toEqual(['POST /v1/webhooks 201']);
		expect(sb.requests[0].headers['idempotency-key']).toMatch(/\S/);

		expect(await runHook(trigger, 'checkExists')).toBe(true);
		expect(calls(sb)).toEqual(['POST /v1/webhooks 201', `GET /v1/webhooks/${hook.id} 200`]);
		expect(sb.contractViolations).toEqual([]);
	});

	it('checkExists turns false once the subscription is deleted on Rankr\'s side, and activation subscribes again', async () => {
		const sb = sandbox();
		const trigger = rankrTrigger(sb);
		await runHook(trigger, 'create');
		const [first] = [...sb.store.webhooks.keys()];
		expect(await runHook(trigger, 'checkExists')).toBe(true);
		// Someone unsubscribes it through Rankr's API.
		const removed = await fetch(`${sb.url}/v1/webhooks/${first}`, { method: 'DELETE', headers: { Authorization: `Bearer ${sb.apiKey}` } });
		expect(removed.status).toBe(204);
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		expect(await runHook(trigger, 'create')).toBe(true);
		expect(sb.store.webhooks.size).toBe(1);
		expect((trigger.staticData().subscription as { id: string }).id).not.toBe(first);
		expect(await runHook(trigger, 'checkExists')).toBe(true);
		expect(sb.contractViolations).toEqual([]);
	});

	it('checkExists is false when Rankr\'s subscription has other events or another URL', async () => {
		const sb = sandbox();
		const trigger = rankrTrigger(sb, ['contact.created']);
		await runHook(trigger, 'create');
		const [hook] = [...sb.store.webhooks.values()];
		hook.events = ['contact.created', 'contact.deleted'];
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		hook.events = ['contact.created'];
		hook.url = 'https://elsewhere.example/hook';
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		hook.url = webhookUrl(trigger) as string;
		expect(await runHook(trigger, 'checkExists')).toBe(true);
		// Changed in the node: stale without asking Rankr.
		sb.requests.length = 0;
		trigger.node.parameters.events = ['contact.created', 'note.created'];
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		expect(await runHook(trigger, 'checkExists', { test: true })).toBe(false);
		expect(sb.requests).toHaveLength(0);
		expect(sb.contractViolations).toEqual([]);
	});

	it('deactivation removes the subscription and clears static data', async () => {
		const sb = sandbox();
		const trigger = rankrTrigger(sb, ['score.changed']);
		await runHook(trigger, 'create');
		const { id } = trigger.staticData().subscription as { id: string };
		expect(await runHook(trigger, 'delete')).toBe(true);
		expect(sb.store.webhooks.size).toBe(0);
		expect(trigger.staticData().subscription).toBeUndefined();
		expect(calls(sb)).toContain(`DELETE /v1/webhooks/${id} 204`);
		expect(await runHook(trigger, 'checkExists')).toBe(false);
		// Nothing stored: nothing to remove, no request.
		sb.requests.length = 0;
		expect(await runHook(trigger, 'delete')).toBe(true);
		expect(sb.requests).toHaveLength(0);
		expect(sb.contractViolations).toEqual([]);
	});

	it('deactivation tolerates a subscription Rankr no longer has (404)', async () => {
		const sb = sandbox();
		const trigger = rankrTrigger(sb);
		await runHook(trigger, 'create');
		const { id } = trigger.staticData().subscription as { id: string };
		sb.store.webhooks.clear();
		expect(await runHook(trigger, 'delete')).toBe(true);
		expect(calls(sb)).toContain(`DELETE /v1/webhooks/${id} 404`);
		expect(trigger.staticData().subscription).toBeUndefined();
		expect(sb.contractViolations).toEqual([]);
	});

	it('a refused key fails activation clearly, stores nothing, and leaks neither key nor secret', async () => {
		const sb = sandbox();
		const trigger = triggerSetup({ type: TRIGGER, parameters: { events: ['contact.created'], options: {} }, credentials: credentialsOf(sb, 'rk_wrong_key_123') });
		const failure = runHook(trigger, 'create');
		await expect(failure).rejects.toThrow(/401/);
		const error = await failure.catch((e: unknown) => e);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error as object))).not.toContain('rk_wrong_key_123');
		expect(trigger.staticData().subscription).toBeUndefined();
		expect(sb.store.webhooks.size).toBe(0);
	});

	it('a failure other than 404 while unsubscribing is reported and keeps the record for the next try', async () => {
		const sb = sandbox();
		const trigger = rankrTrigger(sb);
		await runHook(trigger, 'create');
		const { secret } = trigger.staticData().subscription as { secret: string };
		const { store } = trigger.credentialsHelper;
		store.set('rankrApi', { ...store.get('rankrApi'), apiKey: 'rk_revoked_key' });
		const failure = runHook(trigger, 'delete');
		await expect(failure).rejects.toThrow(/401/);
		const error = await failure.catch((e: unknown) => e);
		expect(JSON.stringify(error, Object.getOwnPropertyNames(error as object))).not.toContain(secret);
		expect(trigger.staticData().subscription).toMatchObject({ secret });
		expect(sb.store.webhooks.size).toBe(1);
	});

	it('no events selected: activation is refused before any request', async () => {
		const sb = sandbox();
		for (const events of [[], ['contact.exploded']]) {
			const trigger = rankrTrigger(sb, events);
			await expect(runHook(trigger, 'create')).rejects.toThrow(/Events/);
		}
		expect(sb.requests).toHaveLength(0);
	});
});
