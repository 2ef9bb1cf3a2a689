import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ghlAuthentication, ghlCredentials } from '../shared/ghlDescription';
import { ghlLocation } from '../shared/ghlApi';
import type { DeliveryRules, SeenIds } from './delivery';
import { judgeDelivery } from './delivery';
import { GHL_EVENTS, isGhlEvent, normaliseEvent } from './events';
import { fetchLatest } from './fetchLatest';
import { GHL_RSA_PUBLIC_KEY } from './signature';
import { proveAccess } from './subscription';

/**
 * webhookIds seen, per trigger node. n8n saves static data only after an execution ends, and GHL may
 * retry sooner, so the process keeps its own copy too; static data carries it across restarts.
 */
const deliveriesByNode = new Map<string, SeenIds>();
function recentDeliveries(key: string, staticData: IDataObject): SeenIds {
	let seen = deliveriesByNode.get(key);
	if (!seen) {
		seen = { ...((staticData.seenWebhookIds as SeenIds | undefined) ?? {}) };
		deliveriesByNode.set(key, seen);
	}
	return seen;
}

export class GhlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Trigger',
		name: 'ghlTrigger',
		icon: { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when GoHighLevel sends a contact, task, note or appointment event',
		defaults: { name: 'GHL Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials,
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'GHL has no API to register webhook URLs. Copy this node\'s Production URL into your Marketplace app (Advanced Settings → Webhooks) or into a GHL Workflow\'s Custom Webhook action once; activating the workflow does not tell GHL anything.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			ghlAuthentication,
			{
				displayName: 'Source',
				name: 'source',
				type: 'options',
				options: [
					{ name: 'Marketplace App Webhook (Signed by GHL)', value: 'marketplace' },
					{ name: 'GHL Workflow Custom Webhook (Shared Secret)', value: 'workflowAction' },
					{ name: 'Unverified (Unsafe: Anyone With the URL Can Start the Workflow)', value: 'unverified' },
				],
				default: 'marketplace',
			},
			{
				displayName: 'Header Name',
				name: 'headerName',
				type: 'string',
				default: 'x-ghl-secret',
				displayOptions: { show: { source: ['workflowAction'] } },
				description: 'The header you add to the Custom Webhook action in GHL',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				displayOptions: { show: { source: ['workflowAction'] } },
				description: 'The value of that header; a long random string',
			},
			{
				displayName: 'Unverified requests can be sent by anyone who learns the URL. Use it only for tests.',
				name: 'unverifiedNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { source: ['unverified'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: GHL_EVENTS.map((e) => ({ name: e.replace(/([a-z])([A-Z])/g, '$1 $2'), value: e })),
				default: ['ContactCreate'],
				required: true,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{ displayName: 'Accept Any Location', name: 'anyLocation', type: 'boolean', default: false, description: 'Whether to accept events of every location instead of only the credential\'s' },
					{ displayName: 'Ed25519 Public Key (PEM)', name: 'ed25519PublicKey', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'GHL\'s key for the x-ghl-signature header, from GHL\'s webhook integration guide. Without it, the RSA signature (x-wh-signature) is checked.' },
					{ displayName: 'Fetch Latest Record', name: 'fetchLatest', type: 'boolean', default: false, description: 'Whether to read the current contact (with its tasks and notes), task or note from GHL before emitting' },
					{ displayName: 'Include Raw Payload', name: 'includeRaw', type: 'boolean', default: false },
					{ displayName: 'Replay Window (Seconds)', name: 'replayWindow', type: 'number', default: 300, typeOptions: { minValue: 0 }, description: 'Refuse events whose timestamp is further from now than this; 0 turns the check off' },
					{ displayName: 'RSA Public Key (PEM)', name: 'rsaPublicKey', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'Overrides GHL\'s published key for x-wh-signature (for key rotations)' },
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				return (data.subscription as IDataObject | undefined)?.url === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const subscription = await proveAccess(this);
				this.getWorkflowStaticData('node').subscription = subscription;
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
		const source = this.getNodeParameter('source', 'marketplace') as DeliveryRules['source'];
		const rules: DeliveryRules = {
			source,
			ed25519PublicKey: String(options.ed25519PublicKey ?? ''),
			rsaPublicKey: String(options.rsaPublicKey || GHL_RSA_PUBLIC_KEY),
			secretHeader: String(this.getNodeParameter('headerName', 'x-ghl-secret')).toLowerCase(),
			secret: source === 'workflowAction' ? String(this.getNodeParameter('secret', '')) : '',
			locationId: options.anyLocation ? '' : await ghlLocation(this),
			replayWindowSeconds: Number(options.replayWindow ?? 300),
			maxBytes: 1024 * 1024,
		};
		const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.from(JSON.stringify(req.body ?? {}));
		const staticData = this.getWorkflowStaticData('node');
		const seen = recentDeliveries(`${this.getWorkflow().id}:${this.getNode().id}`, staticData);
		const verdict = judgeDelivery(raw, req.headers as Record<string, unknown>, rules, seen);
		staticData.seenWebhookIds = { ...seen };
		if (verdict.outcome === 'refuse') {
			res.status(verdict.status).json({ error: verdict.reason });
			return { noWebhookResponse: true };
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (verdict.outcome === 'duplicate' || !isGhlEvent(verdict.payload.type) || !events.includes(String(verdict.payload.type))) {
			// 200 so GHL does not retry; nothing to run.
			res.status(200).json({ received: true, ignored: verdict.outcome === 'duplicate' ? 'duplicate' : 'event not selected' });
			return { noWebhookResponse: true };
		}
		const item = normaliseEvent(verdict.payload);
		if (options.fetchLatest) item.latest = await fetchLatest(this, item);
		if (options.includeRaw) item.raw = verdict.payload;
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
