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
import { deliveryLedger } from '../shared/webhookDedupe';
import { answer, deliveryLog, peekDeliveryId, rawBodyOf } from '../shared/webhookRequest';
import { eventItem, headersToInclude, judgeRankrDelivery } from './delivery';
import { storedSubscription, subscribe, subscriptionExists, unsubscribe } from './subscription';

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
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add Rankr\'s own request headers under "headers" (Content-Type, User-Agent, Rankr-Event, Rankr-Delivery); no other header, so nothing a proxy adds (Authorization, cookies) reaches the output',
					},
				],
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
		const raw = rawBodyOf(req);
		const log = deliveryLog(this, 'Rankr Trigger', 'deliveryId', peekDeliveryId(raw, 'id'));
		const staticData = this.getWorkflowStaticData('node');
		const secret = storedSubscription(staticData)?.secret ?? '';
		const verdict = judgeRankrDelivery(raw, req.headers as Record<string, unknown>, secret);
		if (verdict.outcome === 'refuse') {
			log.refused(verdict.status, verdict.reason);
			return answer(res, verdict.status, { error: verdict.reason });
		}

		const { delivery } = verdict;
		// 200 for whatever is not run, so Rankr does not retry it.
		if (!(this.getNodeParameter('events', []) as string[]).includes(delivery.type)) {
			log.ignored('event not selected', delivery.id);
			return answer(res, 200, { received: true, ignored: 'event not selected' });
		}
		// Claimed and confirmed with no await between: nothing below can fail before the execution starts.
		const ledger = deliveryLedger(staticData, `${this.getWorkflow().id}:${this.getNode().id}`);
		if (ledger.claim(delivery.id) !== 'claimed') {
			log.ignored('duplicate delivery', delivery.id);
			return answer(res, 200, { received: true, ignored: 'duplicate delivery' });
		}
		ledger.confirm(delivery.id);
		const item = eventItem(delivery);
		if ((this.getNodeParameter('options', {}) as IDataObject).includeHeaders) item.headers = headersToInclude(req.headers as Record<string, unknown>);
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
