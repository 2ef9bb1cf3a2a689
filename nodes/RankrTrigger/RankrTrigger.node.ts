import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RANKR_EVENTS } from '../Rankr/actions/webhook/fields';
import { alreadySeen, remember, seenIdsOf } from '../shared/webhookDedupe';
import { eventItem } from './delivery';
import { verifyRankrSignature } from './signature';
import { storedSubscription, subscribe, subscriptionExists, unsubscribe } from './subscription';

type Res = ReturnType<IWebhookFunctions['getResponseObject']>;

/** Answers the request here and starts no execution. */
function answer(res: Res, status: number, body: IDataObject): IWebhookResponseData {
	res.status(status).json(body);
	return { noWebhookResponse: true };
}

/** The bytes Rankr signed. n8n keeps them as `rawBody`; without it, the parsed body is all there is. */
function rawBodyOf(req: ReturnType<IWebhookFunctions['getRequestObject']>): Buffer {
	const { rawBody, body } = req as { rawBody?: unknown; body?: unknown };
	if (Buffer.isBuffer(rawBody)) return rawBody;
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body ?? {}), 'utf8');
}

const header = (headers: Record<string, unknown>, name: string): string => {
	const value = headers[name];
	return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
};

export class RankrTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rankr Trigger',
		name: 'rankrTrigger',
		icon: { light: 'file:rankr.svg', dark: 'file:rankr.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Rankr sends an event: contact, task, note, tag, score or rule',
		defaults: { name: 'Rankr Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rankrApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Activating the workflow subscribes this URL on Rankr, with a signing secret kept in the workflow; deactivating it unsubscribes. Events whose signature does not verify are refused.',
				name: 'subscriptionNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: RANKR_EVENTS,
				default: ['contact.created'],
				required: true,
				description: 'The Rankr events that start the workflow',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await subscribe(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				await unsubscribe(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const headers = req.headers as Record<string, unknown>;
		const staticData = this.getWorkflowStaticData('node');
		const secret = storedSubscription(staticData)?.secret ?? '';
		const verdict = verifyRankrSignature(secret, headers['rankr-signature'], rawBodyOf(req));
		if (!verdict.ok) return answer(res, 401, { error: verdict.reason });

		const body = (req.body && typeof req.body === 'object' ? req.body : {}) as IDataObject;
		const event = String(body.type ?? header(headers, 'rankr-event'));
		// 200 for whatever is not run, so Rankr does not retry it.
		if (!(this.getNodeParameter('events', []) as string[]).includes(event)) {
			return answer(res, 200, { received: true, ignored: 'event not selected' });
		}
		const deliveryId = header(headers, 'rankr-delivery') || String(body.id ?? '');
		const seen = seenIdsOf(staticData, `${this.getWorkflow().id}:${this.getNode().id}`);
		if (deliveryId && alreadySeen(seen, deliveryId)) return answer(res, 200, { received: true, ignored: 'duplicate delivery' });
		if (deliveryId) remember(seen, deliveryId);
		return { workflowData: [this.helpers.returnJsonArray([eventItem(body, event, deliveryId)])] };
	}
}
