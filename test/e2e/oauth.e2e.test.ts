/**
 * The GHL OAuth2 credential inside a real n8n: connected through n8n's own OAuth flow (n8n's authorize URL
 * → the Marketplace's location choice → n8n's callback, which trades the code for tokens), then used after
 * its access token has expired: n8n refreshes it against the token endpoint and the call succeeds.
 */
import { randomUUID } from 'node:crypto';

import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import type { N8n } from './harness/n8n';
import { PACKAGE, startN8nWithPackage } from './harness/n8n';

let n8n: N8n;
let ghl: GhlSandbox;

beforeAll(async () => {
	ghl = await startGhlSandbox({ seed: { contacts: 3 } });
	n8n = await startN8nWithPackage('oauth');
});

afterAll(async () => {
	await n8n?.stop();
	await ghl?.close();
});

describe('GHL OAuth2 credential in n8n', () => {
	it('connects through n8n’s OAuth flow, and an expired access token is refreshed on use', async () => {
		const credential = await n8n.createCredential('GHL OAuth2 (sandbox)', 'ghlOAuth2Api', {
			clientId: ghl.oauth.clientId,
			clientSecret: ghl.oauth.clientSecret,
			marketplace: 'custom',
			customMarketplace: ghl.url,
			baseUrl: ghl.url,
		});

		// The user clicks "Connect my account": n8n builds the Marketplace URL…
		const authUrl = (await n8n.rest('GET', `/rest/oauth2-credential/auth?id=${credential.id}`)) as { data: string };
		const consent = new URL(authUrl.data);
		expect(`${consent.origin}${consent.pathname}`).toBe(`${ghl.url}/v2/oauth/chooselocation`);
		// …the Marketplace sends the browser back to n8n's callback with a code…
		const chosen = await fetch(consent, { redirect: 'manual' });
		expect(chosen.status).toBe(302);
		const callback = new URL(chosen.headers.get('location') as string);
		expect(callback.pathname).toBe('/rest/oauth2-credential/callback');
		// …and n8n trades it for tokens at the token endpoint.
		const done = await fetch(callback, { headers: { cookie: n8n.cookie } });
		expect(done.status).toBe(200);
		const grants = () => ghl.requests.filter((r) => r.path === '/oauth/token').map((r) => (r.body as Record<string, string>).grant_type);
		expect(grants()).toEqual(['authorization_code']);

		// A day later: the access token has expired.
		ghl.oauth.expireAccessTokens();
		const hook = `e2e-oauth-${randomUUID().slice(0, 8)}`;
		const id = await n8n.importWorkflow({
			name: 'E2E: GHL over OAuth2',
			nodes: [
				{ id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: randomUUID(), parameters: { httpMethod: 'POST', path: hook, responseMode: 'lastNode', options: {} } },
				{ id: randomUUID(), name: 'GHL', type: `${PACKAGE}.ghl`, typeVersion: 1, position: [220, 0], parameters: { authentication: 'oAuth2', resource: 'contact', operation: 'getMany', limit: 2 }, credentials: { ghlOAuth2Api: credential } },
			],
			connections: { Webhook: { main: [[{ node: 'GHL', type: 'main', index: 0 }]] } },
		});
		await n8n.api('POST', `/workflows/${id}/activate`);
		await n8n.waitForWebhook(hook);
		const response = await fetch(`${n8n.url}/webhook/${hook}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(response.status).toBe(200);
		const body = (await response.json()) as { id?: string };
		expect(ghl.store.contacts.has(String(body.id))).toBe(true);
		expect(grants()).toEqual(['authorization_code', 'refresh_token']);
		const searches = ghl.requests.filter((r) => r.path === '/contacts/search');
		expect(searches.map((r) => r.status)).toEqual([401, 200]);
		expect(searches[0].headers.authorization).not.toBe(searches[1].headers.authorization);
		await n8n.api('POST', `/workflows/${id}/deactivate`);
	});
});
