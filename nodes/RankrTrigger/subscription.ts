import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RANKR_EVENTS } from '../Rankr/actions/webhook/fields';
import { ORIGINS } from './delivery';

import { rankrRequest } from '../shared/rankrApi';
import { asNodeError } from '../shared/transport/errors';
import { apiPath } from '../shared/transport/path';

/**
 * The trigger's subscription on Rankr (POST /v1/webhooks), remembered in the node's static data with the
 * signing secret Rankr shows only once. The secret lives there and nowhere else: never in output or logs.
 */
export interface StoredSubscription extends IDataObject {
	webhookId: string;
	secret: string;
	url: string;
	events: string[];
}

export function selectedEvents(ctx: IHookFunctions): string[] {
	return [...new Set((ctx.getNodeParameter('events', []) as string[]) ?? [])].sort();
}

/** The selected events, refused before any request unless there is at least one and each is Rankr's. */
function checkedEvents(ctx: IHookFunctions): string[] {
	const events = selectedEvents(ctx);
	const unknown = events.find((event) => !RANKR_EVENTS.some((option) => option.value === event));
	if (!events.length || unknown !== undefined) {
		throw new NodeOperationError(ctx.getNode(), unknown !== undefined ? `Events: "${unknown}" is not a Rankr event` : 'Events: choose at least one event', {
			description: `Rankr's events: ${RANKR_EVENTS.map((option) => String(option.value)).join(', ')}.`,
		});
	}
	return events;
}

/**
 * Ignore Changes From names only systems Rankr knows, refused at activation: an unknown one (a typo in an
 * expression) would silently ignore nothing, and the loop the user meant to stop would run.
 */
function checkIgnoredOrigins(ctx: IHookFunctions): void {
	const picked = ((ctx.getNodeParameter('options', {}) as IDataObject).ignoreOrigins ?? []) as unknown;
	const unknown = (Array.isArray(picked) ? picked : [picked]).find((o) => !ORIGINS.some((option) => option.value === o));
	if (unknown !== undefined) {
		throw new NodeOperationError(ctx.getNode(), `Ignore Changes From: "${String(unknown).slice(0, 40)}" is not a system Rankr names`, {
			description: `Rankr's systems: ${ORIGINS.map((option) => option.value).join(', ')}.`,
		});
	}
}

export function storedSubscription(staticData: IDataObject): StoredSubscription | undefined {
	const s = staticData.subscription as StoredSubscription | undefined;
	return s && typeof s === 'object' && typeof s.webhookId === 'string' && typeof s.secret === 'string' ? s : undefined;
}

function isNotFound(error: unknown): boolean {
	const e = error as { httpCode?: string; context?: { statusCode?: number } };
	return e?.httpCode === '404' || e?.context?.statusCode === 404;
}

/** True only if Rankr still has our subscription, for this URL and these events. */
export async function subscriptionExists(ctx: IHookFunctions): Promise<boolean> {
	const stored = storedSubscription(ctx.getWorkflowStaticData('node'));
	if (!stored) return false;
	const url = String(ctx.getNodeWebhookUrl('default') ?? '');
	try {
		const hook = await rankrRequest<{ url: string; events: string[] }>(ctx, { method: 'GET', path: apiPath`/v1/webhooks/${stored.webhookId}` });
		return hook.url === url && JSON.stringify([...hook.events].sort()) === JSON.stringify(selectedEvents(ctx));
	} catch (error) {
		if (isNotFound(error)) return false;
		throw asNodeError(ctx.getNode(), error);
	}
}

export async function subscribe(ctx: IHookFunctions): Promise<void> {
	const events = checkedEvents(ctx);
	checkIgnoredOrigins(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	// A stale subscription (URL or events changed) is removed first, so Rankr does not deliver twice.
	await unsubscribe(ctx);
	const url = String(ctx.getNodeWebhookUrl('default') ?? '');
	const workflow = ctx.getWorkflow();
	const created = await rankrRequest<{ id: string; secret: string }>(ctx, {
		method: 'POST',
		path: '/v1/webhooks',
		body: { url, events, description: `n8n: ${String(workflow.name ?? workflow.id ?? '').slice(0, 200)}` },
	});
	staticData.subscription = { webhookId: created.id, secret: created.secret, url, events } as StoredSubscription;
}

export async function unsubscribe(ctx: IHookFunctions): Promise<void> {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = storedSubscription(staticData);
	if (stored) {
		try {
			await rankrRequest(ctx, { method: 'DELETE', path: apiPath`/v1/webhooks/${stored.webhookId}` });
		} catch (error) {
			// Already gone on Rankr's side: nothing to undo.
			if (!isNotFound(error)) throw asNodeError(ctx.getNode(), error);
		}
	}
	delete staticData.subscription;
}
