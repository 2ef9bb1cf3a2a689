/** The credentials as n8n-core uses them: OAuth2 refresh through n8n's own OAuth code, agency token exchange. */
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { TestCredentialsHelper } from '../harness/credentials';
import { GHL_PROBE } from '../harness/probeNode';
import { runNode } from '../harness/runNode';

describe('GHL credentials in n8n-core', () => {
	let sb: GhlSandbox;
	beforeEach(async () => {
		resetRateWindows();
		sb = await startGhlSandbox({ seed: { contacts: 1 }, rateLimit: false });
	});
	afterEach(async () => sb.close());

	async function oauthCredential() {
		const response = await fetch(`${sb.url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ client_id: sb.oauth.clientId, client_secret: sb.oauth.clientSecret, grant_type: 'authorization_code', code: sb.oauth.authorizeCode() }).toString(),
		});
		const oauthTokenData = (await response.json()) as Record<string, string>;
		return {
			grantType: 'authorizationCode',
			clientId: sb.oauth.clientId,
			clientSecret: sb.oauth.clientSecret,
			accessTokenUrl: `${sb.url}/oauth/token`,
			authUrl: `${sb.url}/v2/oauth/chooselocation`,
			authentication: 'body',
			scope: 'contacts.readonly',
			baseUrl: sb.url,
			oauthTokenData,
		};
	}

	it('calls GHL with the OAuth2 token and the location from the token answer', async () => {
		const result = await runNode({
			type: GHL_PROBE,
			parameters: { authentication: 'oAuth2', method: 'GET', path: `/locations/${sb.locationId}/tags` },
			credentials: { ghlOAuth2Api: await oauthCredential() },
		});
		expect(result.error).toBeUndefined();
		expect(Array.isArray(result.items[0].json.tags)).toBe(true);
	});

	it('refreshes an expired access token through n8n and succeeds, storing the new token', async () => {
		const credential = await oauthCredential();
		const helper = new TestCredentialsHelper({ ghlOAuth2Api: credential });
		sb.oauth.expireAccessTokens();
		sb.clearRequests();
		const result = await runNode({
			type: GHL_PROBE,
			parameters: { authentication: 'oAuth2', method: 'GET', path: `/locations/${sb.locationId}/tags` },
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		const refresh = sb.requests.find((r) => r.path === '/oauth/token');
		expect(refresh?.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: credential.oauthTokenData.refresh_token });
		expect(sb.requests.map((r) => r.status)).toEqual([401, 200, 200]);
		const stored = helper.store.get('ghlOAuth2Api')?.oauthTokenData as Record<string, string>;
		expect(stored.access_token).not.toBe(credential.oauthTokenData.access_token);
	});

	it('exchanges an agency token for a location token on first use', async () => {
		const helper = new TestCredentialsHelper({
			ghlApi: { authType: 'agency', token: 'agency-sandbox-token', companyId: 'sandbox-company', locationId: sb.locationId, baseUrl: sb.url, sessionToken: '' },
		});
		const result = await runNode({
			type: GHL_PROBE,
			parameters: { authentication: 'privateIntegration', method: 'GET', path: `/locations/${sb.locationId}/tags` },
			credentialsHelper: helper,
		});
		expect(result.error).toBeUndefined();
		expect(sb.requests[0].path).toBe('/oauth/locationToken');
		expect(sb.requests[1].headers.authorization).toBe(`Bearer ${String(helper.store.get('ghlApi')?.sessionToken)}`);
		expect(sb.requests[1].headers.authorization).not.toContain('agency-sandbox-token');
	});
});
