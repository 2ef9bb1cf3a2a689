/**
 * The GHL API credential with an agency token, through n8n-core and the GHL node against the sandbox: the
 * location token is exchanged once, kept, exchanged again only when GHL refuses it (expired), and an
 * exchange answer without an access_token is a clear error, not an empty token stored and re-exchanged.
 */
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { TestCredentialsHelper } from '../harness/credentials';
import { runNode } from '../harness/runNode';
import { byId, GHL } from './setup';

const AGENCY_TOKEN = 'agency-sandbox-token';
let sb: GhlSandbox;
beforeEach(async () => {
	resetRateWindows();
	sb = await startGhlSandbox({ seed: { contacts: 1 }, rateLimit: false });
});
afterEach(async () => sb.close());

const agencyCredential = () =>
	new TestCredentialsHelper({ ghlApi: { authType: 'agency', token: AGENCY_TOKEN, companyId: 'sandbox-company', locationId: sb.locationId, baseUrl: sb.url, sessionToken: '' } });
const getContact = (helper: TestCredentialsHelper) =>
	runNode({
		type: GHL,
		parameters: { authentication: 'privateIntegration', resource: 'contact', operation: 'get', contactId: byId(sb.store.contactsOf(sb.locationId)[0].id) },
		credentialsHelper: helper,
	});
const calls = () => sb.requests.map((r) => `${r.method} ${r.path.replace(/\/contacts\/\w+/, '/contacts/{id}')} ${r.status}`);

describe('GHL API credential with an agency token', () => {
	it('exchanges once, keeps the location token, and exchanges again only after it expired', async () => {
		const helper = agencyCredential();
		expect((await getContact(helper)).error).toBeUndefined();
		const first = String(helper.store.get('ghlApi')?.sessionToken);
		expect((await getContact(helper)).error).toBeUndefined();
		expect(calls()).toEqual(['POST /oauth/locationToken 201', 'GET /contacts/{id} 200', 'GET /contacts/{id} 200']);

		sb.clearRequests();
		sb.oauth.expireAccessTokens();
		const afterExpiry = await getContact(helper);
		expect(afterExpiry.error).toBeUndefined();
		expect(calls()).toEqual(['GET /contacts/{id} 401', 'POST /oauth/locationToken 201', 'GET /contacts/{id} 200']);
		const second = String(helper.store.get('ghlApi')?.sessionToken);
		expect(second).not.toBe(first);
		expect(sb.requests[2].headers.authorization).toBe(`Bearer ${second}`);
	});

	it('an exchange answer without access_token fails clearly, once, and stores no empty token', async () => {
		sb.oauth.setLocationTokenWithoutAccessToken(true);
		const helper = agencyCredential();
		const result = await getContact(helper);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(`GHL's answer to the agency-token exchange for location "${sb.locationId}" had no access_token.`);
		expect(result.error?.description).toMatch(/Check the Company ID and Location ID/);
		expect(result.error?.message).toContain(`location "${sb.locationId}"`);
		expect(JSON.stringify([result.error?.message, result.error?.description])).not.toContain(AGENCY_TOKEN);
		// No contact request went out with an empty token, and the exchange was not repeated.
		expect(calls()).toEqual(['POST /oauth/locationToken 201']);
		expect(helper.store.get('ghlApi')?.sessionToken).toBe('');

		// Once GHL answers properly again, the next run exchanges and works.
		sb.oauth.setLocationTokenWithoutAccessToken(false);
		sb.clearRequests();
		expect((await getContact(helper)).error).toBeUndefined();
		expect(calls()).toEqual(['POST /oauth/locationToken 201', 'GET /contacts/{id} 200']);
	});
});
