import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ghlTriggerProperties } from './description';
import { isCurrent, recordOf, subscribe } from './subscription';
import { takeGhlDelivery } from './webhook';

/** Shorter shared secrets are guessable by anyone who learns the URL. */
const MIN_SECRET_LENGTH = 16;

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
		credentials: [
			// As in shared/ghlDescription (ghlCredentials), written out so the linters can read them. `hide`, not
			// `show`: a credential shown on a parameter makes the editor treat that parameter as the node's authentication.
			{ name: 'ghlApi', displayName: 'GHL Credential', required: true, displayOptions: { hide: { authentication: ['oAuth2'] } } },
			{ name: 'ghlOAuth2Api', displayName: 'GHL Credential', required: true, displayOptions: { hide: { authentication: ['privateIntegration'] } } },
			{
				name: 'ghlWebhookSecretApi',
				displayName: 'GHL Webhook Secret',
				required: true,
				testedBy: 'ghlWebhookSecretStrength',
				displayOptions: { hide: { source: ['marketplace', 'unverified'] } },
			},
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: ghlTriggerProperties,
	};

	methods = {
		credentialTest: {
			/** A shared secret has no server to ask; the test checks it is long enough to resist guessing. */
			async ghlWebhookSecretStrength(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				return secret.length >= MIN_SECRET_LENGTH
					? { status: 'OK', message: 'The secret is long enough; paste the same value into the GHL Custom Webhook header' }
					: { status: 'Error', message: `Use a random secret of at least ${MIN_SECRET_LENGTH} characters` };
			},
		},
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
		return await takeGhlDelivery(this);
	}
}
