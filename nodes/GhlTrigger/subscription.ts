import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../shared/ghlApi';

/**
 * GHL cannot be told a webhook URL through its API, so "subscribing" means: prove the credential reaches
 * the location (one cheap read), and record what the user must paste into GHL.
 */
export async function proveAccess(ctx: IHookFunctions): Promise<IDataObject> {
	const locationId = await ghlLocation(ctx);
	await ghlRequest(ctx, { method: 'GET', path: '/contacts/', qs: { locationId, limit: 1 } });
	return {
		url: ctx.getNodeWebhookUrl('default'),
		locationId,
		events: ctx.getNodeParameter('events', []) as string[],
		subscribedAt: new Date().toISOString(),
	};
}
