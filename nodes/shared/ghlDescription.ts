import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Every GHL node offers the same two ways in; the transport picks the credential from this parameter. */
export const ghlCredentials: INodeCredentialDescription[] = [
	{ name: 'ghlApi', required: true, displayOptions: { show: { authentication: ['privateIntegration'] } } },
	{ name: 'ghlOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const ghlAuthentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Private Integration Token', value: 'privateIntegration' },
		{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
	],
	default: 'privateIntegration',
};
