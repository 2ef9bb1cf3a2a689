import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The shared secret a GHL Workflow's Custom Webhook action sends in a header, checked by the GHL Trigger
 * (Source: GHL Workflow Custom Webhook). A credential, so it is stored encrypted and never in workflow JSON.
 */
export class GhlWebhookSecretApi implements ICredentialType {
	name = 'ghlWebhookSecretApi';

	displayName = 'GHL Webhook Secret API';

	icon: Icon = { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ghl-rankr';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random string. Paste the same value into the header of the Custom Webhook action in your GHL Workflow (the header named in the trigger\'s Header Name).',
		},
	];
}
