/** The GHL API credential's Test button, run as n8n runs it, against the sandbox. */
import { GhlApi } from '../../credentials/GhlApi.credentials';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { testCredential } from '../harness/credentialTest';

let sb: GhlSandbox;
beforeEach(async () => {
	resetRateWindows();
	sb = await startGhlSandbox({ seed: { contacts: 1 }, rateLimit: false, extraLocations: [{ locationId: 'otherLocation123', token: 'pit-other-location' }] });
});
afterEach(async () => sb.close());

const pit = (token: string, locationId = sb.locationId) => ({ authType: 'location', token, locationId, baseUrl: `${sb.url}/` });

describe('GHL API credential → Test', () => {
	it('reads the location (GET /locations/{locationId}, the View Locations scope) with the token and Version header', async () => {
		const result = await testCredential(new GhlApi(), pit(sb.token));
		expect(result.error).toBeUndefined();
		expect(sb.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET /locations/${sb.locationId} 200`]);
		expect(sb.requests[0].headers).toMatchObject({ authorization: `Bearer ${sb.token}`, version: '2021-07-28' });
	});

	it('a wrong token fails the test as an authorization failure, without the token in the message', async () => {
		const result = await testCredential(new GhlApi(), pit('pit-wrong-token'));
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toMatch(/Authorization failed|credentials/i);
		expect(JSON.stringify({ m: result.error?.message, d: result.error?.description })).not.toContain('pit-wrong-token');
	});

	it("a token of another location fails the test (GHL's 403)", async () => {
		const result = await testCredential(new GhlApi(), pit('pit-other-location'));
		expect(result.error?.httpCode).toBe('403');
		expect(sb.requests.map((r) => r.path)).toEqual([`/locations/${sb.locationId}`]);
	});

	it('an agency token is exchanged for a location token first, then the location is read with it', async () => {
		const result = await testCredential(new GhlApi(), { authType: 'agency', token: 'agency-sandbox-token', companyId: 'sandbox-company', locationId: sb.locationId, baseUrl: sb.url });
		expect(result.error).toBeUndefined();
		expect(sb.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['POST /oauth/locationToken 201', `GET /locations/${sb.locationId} 200`]);
		expect(sb.requests[1].headers.authorization).not.toBe('Bearer agency-sandbox-token');
	});
});
