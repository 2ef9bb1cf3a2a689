import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../shared/ghlApi';

/**
 * GHL has no API to register a webhook URL, so "subscribing" is local: prove the credential reaches the
 * location (one cheap search for a single contact) and record what the user pastes into GHL. Nothing
 * is sent to GHL about the URL.
 */
export interface SubscriptionRecord extends IDataObject {
	url: string;
	locationId: string;
	events: string[];
	source: string;
	subscribedAt: string;
}

function eventsOf(ctx: IHookFunctions): string[] {
	return [...((ctx.getNodeParameter('events', []) as string[]) ?? [])].sort();
}

export function recordOf(staticData: IDataObject): SubscriptionRecord | undefined {
	const record = staticData.subscription;
	return record && typeof record === 'object' && !Array.isArray(record) ? (record as SubscriptionRecord) : undefined;
}

/** The record stands for this node only if URL, events and source still match its settings. */
export function isCurrent(ctx: IHookFunctions, record: SubscriptionRecord | undefined): boolean {
	if (!record) return false;
	return (
		record.url === ctx.getNodeWebhookUrl('default') &&
		record.source === ctx.getNodeParameter('source', 'marketplace') &&
		JSON.stringify(record.events) === JSON.stringify(eventsOf(ctx))
	);
}

export async function subscribe(ctx: IHookFunctions): Promise<SubscriptionRecord> {
	const locationId = await ghlLocation(ctx);
	if (!locationId) {
		throw new NodeOperationError(ctx.getNode(), 'The GHL credential names no location', {
			description: 'Set the Location ID in the credential (Private Integration), or reconnect the OAuth2 credential for one location.',
		});
	}
	await ghlRequest(ctx, { method: 'POST', path: '/contacts/search', body: { locationId, pageLimit: 1 }, idempotent: true });
	return {
		url: String(ctx.getNodeWebhookUrl('default') ?? ''),
		locationId,
		events: eventsOf(ctx),
		source: String(ctx.getNodeParameter('source', 'marketplace')),
		subscribedAt: new Date().toISOString(),
	};
}
