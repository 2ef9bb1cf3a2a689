import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RANKR_EVENTS } from '../Rankr/actions/webhook/fields';
import { subscribe, subscriptionExists, unsubscribe } from './subscription';
import { ORIGINS } from './delivery';
import { takeRankrDelivery } from './webhook';

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
						displayName: 'Ignore Changes From',
						name: 'ignoreOrigins',
						type: 'multiOptions',
						options: [...ORIGINS],
						default: [],
						description:
							'Events whose change came from one of these systems (the event\'s origin) are answered and not run. Choose GHL when this workflow syncs Rankr to GHL and another syncs GHL to Rankr: the GHL sync\'s own writes then do not come back.',
					},
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
		return takeRankrDelivery(this);
	}
}
