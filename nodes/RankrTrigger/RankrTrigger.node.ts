import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { alreadySeen, remember, seenIdsOf } from '../shared/webhook/dedupe';
import { judgeRankrDelivery } from './delivery';
import { rankrTriggerProperties } from './description';
import { eventItem } from './events';
import { isCurrent, recordOf, subscribe, unsubscribe } from './subscription';

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

export class RankrTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rankr Trigger',
		name: 'rankrTrigger',
		icon: { light: 'file:rankr.svg', dark: 'file:rankr.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Rankr sends a contact, task, note, tag, score or rule event',
		defaults: { name: 'Rankr Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'rankrApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: rankrTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await isCurrent(this, recordOf(this.getWorkflowStaticData('node')));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				this.getWorkflowStaticData('node').subscription = await subscribe(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const record = recordOf(staticData);
				if (record) await unsubscribe(this, record);
				delete staticData.subscription;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const staticData = this.getWorkflowStaticData('node');
		const secret = recordOf(staticData)?.secret ?? '';
		const verdict = judgeRankrDelivery(rawBodyOf(req), req.headers as Record<string, unknown>, secret);
		if (verdict.outcome === 'refuse') return answer(res, verdict.status, { error: verdict.reason });

		const { delivery } = verdict;
		// 200 for whatever is not run, so Rankr does not retry it.
		if (!(this.getNodeParameter('events', []) as string[]).includes(delivery.type)) {
			return answer(res, 200, { received: true, ignored: 'event not selected' });
		}
		const seen = seenIdsOf(staticData, `${this.getWorkflow().id}:${this.getNode().id}`);
		if (alreadySeen(seen, delivery.id)) return answer(res, 200, { received: true, ignored: 'duplicate delivery' });
		remember(seen, delivery.id);

		const item = eventItem(delivery);
		if ((this.getNodeParameter('options', {}) as IDataObject).includeHeaders) item.headers = { ...req.headers } as IDataObject;
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
