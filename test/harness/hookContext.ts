/**
 * A webhook trigger's lifecycle (checkExists / create / delete) in n8n-core's own HookContext, as n8n
 * runs it on activation ('trigger' mode) or for the editor's "listen for test event" ('manual' mode,
 * test webhook URL).
 */
import { HookContext } from 'n8n-core';

import { nodeTypes } from './nodeTypes';
import { additionalDataFor, scanForSecrets } from './runNode';
import type { TriggerSetup } from './webhookContext';
import { webhookDataOf } from './webhookContext';

export type HookMethod = 'checkExists' | 'create' | 'delete';

export function hookContext(setup: TriggerSetup, options: { test?: boolean } = {}): HookContext {
	const mode = options.test ? 'manual' : 'trigger';
	const activation = options.test ? 'manual' : 'activate';
	return new HookContext(
		setup.workflow,
		setup.node,
		additionalDataFor(setup.credentialsHelper, undefined as never),
		mode,
		activation,
		webhookDataOf(setup, options.test),
	);
}

export async function runHook(setup: TriggerSetup, method: HookMethod, options: { test?: boolean } = {}): Promise<boolean> {
	const methods = nodeTypes.getByNameAndVersion(setup.type, 1).webhookMethods?.default;
	const hook = methods?.[method];
	if (!hook) throw new Error(`${setup.type} has no webhookMethods.default.${method}`);
	try {
		return await hook.call(hookContext(setup, options));
	} catch (error) {
		const e = error as Error & { description?: string; context?: unknown };
		scanForSecrets(`${setup.type} ${method} error`, { message: e.message, description: e.description, context: e.context });
		throw error;
	}
}

/** The URL the node's webhook would be reached at (production, or the editor's test URL). */
export function webhookUrl(setup: TriggerSetup, options: { test?: boolean } = {}): string | undefined {
	return hookContext(setup, options).getNodeWebhookUrl('default');
}
