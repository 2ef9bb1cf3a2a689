/** Shared set-up of the GHL Trigger tests: a sandbox per test and the node configured for each source. */
import type { IDataObject } from 'n8n-workflow';

import { GhlWebhookSecretApi } from '../../credentials/GhlWebhookSecretApi.credentials';
import { GhlTrigger } from '../../nodes/GhlTrigger/GhlTrigger.node';
import { forgetDeliveries } from '../../nodes/shared/webhookDedupe';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { retrySettings } from '../../nodes/shared/transport/retry';
import type { GhlSandbox } from '../../sandbox/ghl';
import { startGhlSandbox } from '../../sandbox/ghl';
import { registerCredentialType } from '../harness/credentials';
import { registerNodeType } from '../harness/nodeTypes';
import type { TriggerSetup } from '../harness/webhookContext';
import { triggerSetup } from '../harness/webhookContext';

export const TRIGGER = registerNodeType('ghlTrigger', new GhlTrigger());
registerCredentialType(new GhlWebhookSecretApi());
export const SECRET = 'k3Y-7f1d2c9a-workflow-action-secret';

export function useSandbox(): () => GhlSandbox {
	let sb: GhlSandbox | undefined;
	const original = { ...retrySettings };
	beforeEach(async () => {
		resetRateWindows();
		forgetDeliveries();
		Object.assign(retrySettings, { baseDelayMs: 1, maxDelayMs: 5 });
		sb = await startGhlSandbox({ seed: { contacts: 3, tasksPerContact: 1, notesPerContact: 1 }, rateLimit: false });
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

export const credentialsOf = (sb: GhlSandbox, token = sb.token) => ({
	ghlApi: { authType: 'location', token, locationId: sb.locationId, baseUrl: sb.url },
});

/** Marketplace source with the sandbox's test keys in Options → Public Keys (GHL's own keys are built in). */
export function marketplace(sb: GhlSandbox, options: IDataObject = {}, events: string[] = ['*']): TriggerSetup {
	return triggerSetup({
		type: TRIGGER,
		parameters: {
			authentication: 'privateIntegration',
			source: 'marketplace',
			events,
			options: { publicKeys: { keys: { ed25519: sb.webhooks.ed25519PublicKeyPem, rsa: sb.webhooks.rsaPublicKeyPem } }, ...options },
		},
		credentials: credentialsOf(sb),
	});
}

/** Custom Webhook source, the shared secret in a GHL Webhook Secret credential. */
export function workflowAction(sb: GhlSandbox, options: IDataObject = {}, events: string[] = ['*']): TriggerSetup {
	return triggerSetup({
		type: TRIGGER,
		parameters: { authentication: 'privateIntegration', source: 'workflowAction', headerName: 'X-GHL-Secret', events, options },
		credentials: { ...credentialsOf(sb), ghlWebhookSecretApi: { secret: SECRET } },
	});
}

/** A workflow saved before the credential existed: the secret in the node's old Secret parameter, no credential. */
export function legacyWorkflowAction(sb: GhlSandbox, secret = SECRET): TriggerSetup {
	return triggerSetup({
		type: TRIGGER,
		parameters: { authentication: 'privateIntegration', source: 'workflowAction', headerName: 'X-GHL-Secret', secret, events: ['*'], options: {} },
		credentials: credentialsOf(sb),
	});
}

export function unverified(sb: GhlSandbox, options: IDataObject = {}, events: string[] = ['*']): TriggerSetup {
	return triggerSetup({
		type: TRIGGER,
		parameters: { authentication: 'privateIntegration', source: 'unverified', events, options },
		credentials: credentialsOf(sb),
	});
}

/** A payload as GHL sends it: the exact bytes, and the sandbox signer's headers for them. */
export function signed(sb: GhlSandbox, payload: Record<string, unknown>, which: 'ed25519' | 'rsa' | 'both' = 'both') {
	const raw = JSON.stringify(payload);
	const signatures = sb.webhooks.sign(raw);
	const headers: Record<string, string> = {};
	if (which !== 'rsa') headers['x-ghl-signature'] = signatures['x-ghl-signature'];
	if (which !== 'ed25519') headers['x-wh-signature'] = signatures['x-wh-signature'];
	return { raw, headers };
}
