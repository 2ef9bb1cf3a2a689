/** Shared set-up of the Rankr Trigger tests: a Rankr sandbox per test and the trigger pointed at it. */
import { HookContext } from 'n8n-core';

import { RankrTrigger } from '../../nodes/RankrTrigger/RankrTrigger.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { retrySettings } from '../../nodes/shared/transport/retry';
import { forgetDeliveries } from '../../nodes/shared/webhook/dedupe';
import type { RankrSandbox } from '../../sandbox/rankr';
import { startRankrSandbox } from '../../sandbox/rankr';
import type { HookMethod } from '../harness/hookContext';
import { nodeTypes, registerNodeType } from '../harness/nodeTypes';
import { additionalDataFor } from '../harness/runNode';
import type { TriggerSetup } from '../harness/webhookContext';
import { triggerSetup, webhookDataOf } from '../harness/webhookContext';

export const TRIGGER = registerNodeType('rankrTrigger', new RankrTrigger());

export function useRankrSandbox(): () => RankrSandbox {
	let sb: RankrSandbox | undefined;
	const original = { ...retrySettings };
	beforeEach(async () => {
		resetRateWindows();
		forgetDeliveries();
		Object.assign(retrySettings, { baseDelayMs: 1, maxDelayMs: 5 });
		sb = await startRankrSandbox({ rateLimit: false });
	});
	afterEach(async () => {
		Object.assign(retrySettings, original);
		await sb?.close();
	});
	return () => {
		if (!sb) throw new Error('sandbox not started');
		return sb;
	};
}

export const credentialsOf = (sb: RankrSandbox, apiKey = sb.apiKey) => ({ rankrApi: { apiKey, baseUrl: sb.url } });

export function rankrTrigger(sb: RankrSandbox, events: string[] = ['contact.created'], options: Record<string, unknown> = {}): TriggerSetup {
	return triggerSetup({ type: TRIGGER, parameters: { events, options }, credentials: credentialsOf(sb) });
}

/**
 * Runs a lifecycle method as n8n would with its webhook base URL at `webhookBaseUrl`: serveWebhook's
 * loopback server, so the subscription Rankr stores is a URL that really reaches the node.
 */
export async function runHookAt(setup: TriggerSetup, method: HookMethod, webhookBaseUrl: string): Promise<boolean> {
	const additionalData = additionalDataFor(setup.credentialsHelper, undefined as never);
	additionalData.webhookBaseUrl = webhookBaseUrl;
	const ctx = new HookContext(setup.workflow, setup.node, additionalData, 'trigger', 'activate', webhookDataOf(setup));
	const hook = nodeTypes.getByNameAndVersion(setup.type, 1).webhookMethods?.default?.[method];
	if (!hook) throw new Error(`${setup.type} has no webhookMethods.default.${method}`);
	return await hook.call(ctx);
}

/** serveWebhook's URL is `<base>/<webhookId>/webhook`; n8n builds it from `<base>`. */
export const baseOf = (servedUrl: string) => servedUrl.replace(/\/[^/]+\/webhook$/, '');

/** Creates a contact through the sandbox's HTTP API, as any Rankr client would. */
export async function createContact(sb: RankrSandbox, email: string): Promise<{ id: string; email: string }> {
	const res = await fetch(`${sb.url}/v1/contacts`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${sb.apiKey}`, 'Content-Type': 'application/json', 'Idempotency-Key': `test-${email}` },
		body: JSON.stringify({ email }),
	});
	if (res.status !== 201) throw new Error(`create contact answered ${res.status}: ${await res.text()}`);
	return (await res.json()) as { id: string; email: string };
}
