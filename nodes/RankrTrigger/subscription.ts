import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { rankrRequest } from '../shared/rankrApi';
import { apiPath } from '../shared/transport/path';
import { isRankrEvent } from './events';

/**
 * The Rankr subscription behind this trigger, kept in the node's static data. The secret is shown by Rankr
 * only when the subscription is created, and it is what verifies every delivery, so it is kept here and
 * nowhere else (never in an output, an error or a log).
 */
export interface SubscriptionRecord extends IDataObject {
	id: string;
	url: string;
	events: string[];
	secret: string;
}

interface RankrWebhook {
	id: string;
	url: string;
	events: string[];
	secret?: string;
}

export function recordOf(staticData: IDataObject): SubscriptionRecord | undefined {
	const record = staticData.subscription as SubscriptionRecord | undefined;
	return record && typeof record === 'object' && typeof record.id === 'string' && typeof record.secret === 'string' ? record : undefined;
}

/** The selected events, checked and sorted (the contract wants at least one, each known, none twice). */
export function selectedEvents(ctx: IHookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as unknown;
	const list = Array.isArray(events) ? events.map(String) : [];
	const unknown = list.filter((e) => !isRankrEvent(e));
	if (list.length === 0 || unknown.length > 0) {
		throw new NodeOperationError(ctx.getNode(), unknown.length ? `Unknown Rankr event "${unknown[0]}" in Events` : 'Choose at least one event in Events', {
			description: 'Events: pick one or more of the listed Rankr events.',
		});
	}
	return [...new Set(list)].sort();
}

const sameEvents = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** The request's answer, or undefined when Rankr has no such subscription (404); any other failure is thrown. */
async function unlessNotFound<T>(ctx: IHookFunctions, request: Promise<T>): Promise<T | undefined> {
	let failure: unknown;
	try {
		return await request;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		failure = error;
	}
	// The transport's errors already carry Rankr's status and message; anything else gets the node attached.
	throw failure instanceof NodeApiError || failure instanceof NodeOperationError ? failure : new NodeOperationError(ctx.getNode(), failure as Error);
}

const urlOf = (ctx: IHookFunctions) => String(ctx.getNodeWebhookUrl('default') ?? '');

/** True only if Rankr still has the stored subscription, for this URL and exactly the selected events. */
export async function isCurrent(ctx: IHookFunctions, record: SubscriptionRecord | undefined): Promise<boolean> {
	if (!record) return false;
	const url = urlOf(ctx);
	const events = selectedEvents(ctx);
	if (record.url !== url || !sameEvents(record.events, events)) return false;
	const hook = await unlessNotFound(ctx, rankrRequest<RankrWebhook>(ctx, { method: 'GET', path: apiPath`/v1/webhooks/${record.id}` }));
	return !!hook && hook.url === url && sameEvents(hook.events ?? [], events);
}

export async function subscribe(ctx: IHookFunctions): Promise<SubscriptionRecord> {
	const url = urlOf(ctx);
	const events = selectedEvents(ctx);
	const description = `n8n: ${ctx.getWorkflow().name ?? ctx.getWorkflow().id ?? ''} / ${ctx.getNode().name}`.slice(0, 255);
	const hook = await rankrRequest<RankrWebhook>(ctx, { method: 'POST', path: '/v1/webhooks', body: { url, events, description } });
	if (!hook?.id || !hook.secret) {
		throw new NodeOperationError(ctx.getNode(), 'Rankr created the subscription without an id or signing secret', {
			description: 'Deliveries could not be verified, so the trigger was not activated.',
		});
	}
	return { id: hook.id, url, events, secret: hook.secret };
}

/** Removes the subscription on Rankr; one Rankr no longer has (404) counts as removed. */
export async function unsubscribe(ctx: IHookFunctions, record: SubscriptionRecord): Promise<void> {
	await unlessNotFound(ctx, rankrRequest(ctx, { method: 'DELETE', path: apiPath`/v1/webhooks/${record.id}` }));
}
