import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * Every GHL node offers the same two ways in; the transport picks the credential from `authentication`.
 *
 * Why `hide` and not `show`: n8n's editor takes a parameter that credentials *show* on as the node's "main
 * authentication" field. It then hides that field (and whatever it depends on), and fills each credential
 * slot with the credentials of every type behind it, defaulting to the most recently saved one, so an
 * unconnected OAuth2 credential beat a working token, and a Rankr slot beside it listed GHL credentials.
 * Credentials that are only *hidden* by a parameter are none of that: the selector stays a plain field whose
 * default (Private Integration) decides which slot shows, and each slot lists its own type only.
 */
export const ghlCredentials: INodeCredentialDescription[] = [
	{
		name: 'ghlApi',
		displayName: 'GHL Credential',
		required: true,
		displayOptions: { hide: { authentication: ['oAuth2'] } },
	},
	{
		name: 'ghlOAuth2Api',
		displayName: 'GHL Credential',
		required: true,
		displayOptions: { hide: { authentication: ['privateIntegration'] } },
	},
];

export const ghlAuthentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'Private Integration Token',
			value: 'privateIntegration',
			description: 'A GHL API credential: a Private Integration token of the sub-account, or an agency token',
		},
		{
			name: 'OAuth2 (Marketplace App)',
			value: 'oAuth2',
			description: 'A GHL OAuth2 API credential of your Marketplace app, connected to a location',
		},
	],
	default: 'privateIntegration',
};
