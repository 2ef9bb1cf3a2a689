import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { ghlLocation } from '../shared/ghlApi';
import { ghlCredentials } from '../shared/ghlDescription';
import { alreadySeen, remember, seenIdsOf } from '../shared/webhookDedupe';
import { answer, rawBodyOf } from '../shared/webhookRequest';
import type { DeliveryRules, Source } from './delivery';
import { judgeDelivery, MAX_BODY_BYTES } from './delivery';
import { ghlTriggerProperties } from './description';
import { isSelected, normaliseEvent } from './events';
import { fetchLatest } from './fetchLatest';
import { GHL_ED25519_PUBLIC_KEY, GHL_RSA_PUBLIC_KEY } from './signature';
import { isCurrent, recordOf, subscribe } from './subscription';

async function rulesFor(ctx: IWebhookFunctions, options: IDataObject): Promise<DeliveryRules> {
	const source = ctx.getNodeParameter('source', 'marketplace') as Source;
	const keys = ((options.publicKeys as IDataObject | undefined)?.keys ?? {}) as IDataObject;
	const minutes = Number(options.replayWindowMinutes ?? 5);
	let locationId = '';
	if (!options.anyLocation) {
		locationId = await ghlLocation(ctx);
		if (!locationId) {
			throw new NodeOperationError(ctx.getNode(), 'The GHL credential names no location, so events cannot be matched to one', {
				description: 'Set the Location ID in the credential, or turn on Options → Accept Any Location.',
			});
		}
	}
	return {
		source,
		ed25519PublicKey: String(keys.ed25519 || GHL_ED25519_PUBLIC_KEY),
		rsaPublicKey: String(keys.rsa || GHL_RSA_PUBLIC_KEY),
		secretHeader: source === 'workflowAction' ? String(ctx.getNodeParameter('headerName', 'x-ghl-secret')).trim().toLowerCase() : '',
		secret: source === 'workflowAction' ? String(ctx.getNodeParameter('secret', '')) : '',
		locationId,
		replayWindowMs: Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0,
		maxBytes: MAX_BODY_BYTES,
	};
}

export class GhlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Trigger',
		name: 'ghlTrigger',
		icon: { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when GoHighLevel sends a contact, task, note or appointment event',
		defaults: { name: 'GHL Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: ghlTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return isCurrent(this, recordOf(this.getWorkflowStaticData('node')));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				// Throws (and activation fails) when the credential cannot read the location.
				this.getWorkflowStaticData('node').subscription = await subscribe(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node').subscription;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const verdict = judgeDelivery(rawBodyOf(req), req.headers as Record<string, unknown>, await rulesFor(this, options));
		if (verdict.outcome === 'refuse') return answer(res, verdict.status, { error: verdict.reason });

		const { payload } = verdict;
		// 200 for whatever is not run, so GHL does not retry it.
		if (!isSelected(payload.type, this.getNodeParameter('events', []) as string[])) {
			return answer(res, 200, { received: true, ignored: 'event not selected' });
		}
		const seen = seenIdsOf(this.getWorkflowStaticData('node'), `${this.getWorkflow().id}:${this.getNode().id}`);
		const webhookId = payload.webhookId === undefined || payload.webhookId === null ? '' : String(payload.webhookId);
		if (webhookId && alreadySeen(seen, webhookId)) return answer(res, 200, { received: true, ignored: 'duplicate webhookId' });

		const item = normaliseEvent(payload);
		item.verifiedBy = verdict.verifiedBy;
		// Before remembering the id: if reading fails, GHL's retry must still run the workflow.
		if (options.fetchLatest) Object.assign(item, await fetchLatest(this, item));
		if (options.includeRaw) item.raw = verdict.body;
		if (webhookId) remember(seen, webhookId);
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
