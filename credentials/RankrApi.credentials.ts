import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/** Rankr API key. Rankr runs per customer, so the base URL has no default host. */
export class RankrApi implements ICredentialType {
	name = 'rankrApi';

	displayName = 'Rankr API';

	icon: Icon = { light: 'file:rankr.svg', dark: 'file:rankr.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ghl-rankr';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://rankr.example.com',
			description: 'The address of your Rankr instance, without /v1 (or the package sandbox, e.g. http://127.0.0.1:4020)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '={{"Bearer " + $credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/whoami',
			method: 'GET',
		},
	};
}
