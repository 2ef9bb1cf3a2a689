import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/** Scopes the package's nodes use; users may trim them to what their workflows need. */
export const GHL_DEFAULT_SCOPES = [
	'contacts.readonly',
	'contacts.write',
	'locations.readonly',
	'locations/tags.readonly',
	'locations/tags.write',
	'locations/tasks.readonly',
	'locations/customFields.readonly',
	'users.readonly',
	'businesses.readonly',
	'campaigns.readonly',
	'workflows.readonly',
	'calendars/events.readonly',
].join(' ');

/**
 * OAuth2 for a GHL Marketplace app installed on a sub-account. GHL's token answer carries the
 * locationId the user chose; the nodes read it from there, so nothing else needs typing in.
 */
export class GhlOAuth2Api implements ICredentialType {
	name = 'ghlOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'GHL OAuth2 API';

	icon: Icon = { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ghl-rankr';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Marketplace',
			name: 'marketplace',
			type: 'options',
			options: [
				{ name: 'HighLevel (marketplace.gohighlevel.com)', value: 'https://marketplace.gohighlevel.com' },
				{ name: 'White-Label (marketplace.leadconnectorhq.com)', value: 'https://marketplace.leadconnectorhq.com' },
				{ name: 'Custom (e.g. the Package Sandbox)', value: 'custom' },
			],
			default: 'https://marketplace.gohighlevel.com',
			description: 'Where users choose the location to install the app on',
		},
		{
			displayName: 'Custom Marketplace URL',
			name: 'customMarketplace',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:4010',
			displayOptions: { show: { marketplace: ['custom'] } },
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{($self["marketplace"] === "custom" ? $self["customMarketplace"] : $self["marketplace"]).replace(/\\/+$/, "")}}/v2/oauth/chooselocation',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: "GHL's API host. Point it at the package sandbox to test without touching real data.",
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["baseUrl"].replace(/\\/+$/, "")}}/oauth/token',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: GHL_DEFAULT_SCOPES,
			description:
				'Space-separated. Must match the scopes ticked in the app\'s settings on the GHL Marketplace.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName:
				'In the app\'s settings on the GHL Marketplace, add n8n\'s OAuth Redirect URL (shown above) as a redirect URL and tick the same scopes as here.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
	];
}
