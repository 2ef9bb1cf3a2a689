import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

const GHL_HOST = 'https://services.leadconnectorhq.com';

/** How the error of an exchange without a token begins; the GHL transport recognises it to word it as a credential problem. */
export const LOCATION_TOKEN_MISSING = "GHL's answer to the agency-token exchange";

/**
 * GHL with a token instead of an OAuth app: a sub-account's Private Integration token, or an agency token
 * that n8n exchanges for a location token (POST /oauth/locationToken) and renews when GHL refuses it.
 */
export class GhlApi implements ICredentialType {
	name = 'ghlApi';

	displayName = 'GHL API';

	icon: Icon = { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ghl-rankr';

	properties: INodeProperties[] = [
		{
			displayName: 'Token Type',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'Private Integration Token (Sub-Account)',
					value: 'location',
					description: 'Created in the sub-account: Settings → Private Integrations',
				},
				{
					name: 'Agency Token (Exchanged for a Location Token)',
					value: 'agency',
					description:
						'An agency-level token with the oauth.write scope; n8n exchanges it for a token of the location below',
				},
			],
			default: 'location',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Private Integration token (starts with "pit-") or the agency token',
		},
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['agency'] } },
			description: 'The agency (company) ID the agency token belongs to',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The sub-account (location) to work in. Find it in GHL under Settings → Business Profile, or in the URL after /location/.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: GHL_HOST,
			description: 'Leave as is for GHL. Point it at the package sandbox (e.g. http://127.0.0.1:4010) to test without touching real data.',
		},
		{
			displayName: 'Location Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (credentials.authType !== 'agency') return {};
		const baseUrl = String(credentials.baseUrl || GHL_HOST).replace(/\/+$/, '');
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/oauth/locationToken`,
			headers: {
				Authorization: `Bearer ${credentials.token as string}`,
				Version: '2021-07-28',
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: new URLSearchParams({
				companyId: String(credentials.companyId ?? ''),
				locationId: String(credentials.locationId ?? ''),
			}).toString(),
			json: true,
		})) as IDataObject;
		const token = typeof response?.access_token === 'string' ? response.access_token.trim() : '';
		if (!token) {
			// Storing an empty token would make every later call exchange again and fail with "Invalid JWT".
			// Only GHL's own message is quoted: the rest of the answer may hold tokens.
			const said = typeof response?.message === 'string' ? ` (GHL said: ${response.message.slice(0, 200)})` : '';
			throw new Error(
				`${LOCATION_TOKEN_MISSING} for location "${String(credentials.locationId ?? '')}" had no access_token${said}. ` +
					'Check the Company ID and Location ID of the GHL API credential, and that the agency token has the oauth.write and oauth.readonly scopes.',
			);
		}
		return { sessionToken: token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization:
					'={{"Bearer " + ($credentials.authType === "agency" ? $credentials.sessionToken : $credentials.token)}}',
				Version: '2021-07-28',
			},
		},
	};

	// Proves both the token and the location: GHL answers 403 when the token cannot reach that location.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '=/locations/{{encodeURIComponent($credentials.locationId)}}',
			method: 'GET',
		},
	};
}
