import { createVerify, verify as edVerify } from 'node:crypto';

import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { busiestWindow } from '../../sandbox/shared/rateLimit';

const headers = (token: string) => ({ Authorization: `Bearer ${token}`, Version: '2021-07-28' });

describe('GHL sandbox behaviour', () => {
	let sb: GhlSandbox;
	beforeEach(async () => {
		sb = await startGhlSandbox({ seed: { contacts: 2, tasksPerContact: 1, notesPerContact: 1 } });
	});
	afterEach(async () => sb.close());

	const tags = () => fetch(`${sb.url}/locations/${sb.locationId}/tags`, { headers: headers(sb.token) });

	it("answers 429 with GHL's headers past the limit, counts no refused request, and recovers after the window", async () => {
		sb.setRateLimit({ max: 5, intervalMs: 300 });
		const statuses: number[] = [];
		let last: Response | undefined;
		for (let i = 0; i < 8; i++) {
			last = await tags();
			statuses.push(last.status);
		}
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
		expect(last?.headers.get('x-ratelimit-max')).toBe('5');
		expect(last?.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(last?.headers.get('x-ratelimit-interval-milliseconds')).toBe('300');
		expect(last?.headers.get('x-ratelimit-limit-daily')).toBe('200000');
		// GHL documents only the X-RateLimit-* headers: no Retry-After unless the switch asks for it.
		expect(last?.headers.get('retry-after')).toBeNull();
		sb.setRetryAfter(true);
		expect(Number((await tags()).headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(await last?.json()).toEqual({ statusCode: 429, message: 'Too many requests', error: 'Too Many Requests' });
		await new Promise((r) => setTimeout(r, 320));
		expect((await tags()).status).toBe(200);
		const counted = sb.requests.filter((r) => r.countedByLimiter).map((r) => r.receivedAt);
		expect(busiestWindow(counted, 300)).toBeLessThanOrEqual(5);
	});

	it('reports an exhausted daily quota', async () => {
		sb.setRateLimit({ max: 100, intervalMs: 1000, dailyMax: 2 });
		await tags();
		const second = await tags();
		expect(second.headers.get('x-ratelimit-daily-remaining')).toBe('0');
		const third = await tags();
		expect(third.status).toBe(429);
		expect(((await third.json()) as { message: string }).message).toMatch(/Daily/);
	});

	it('resets the daily quota at UTC midnight of its clock', async () => {
		let now = Date.UTC(2026, 11, 3, 23, 59, 59);
		const daySb = await startGhlSandbox({ rateLimit: { max: 100, intervalMs: 1000, dailyMax: 1 }, clock: () => now });
		try {
			const get = () => fetch(`${daySb.url}/locations/${daySb.locationId}/tags`, { headers: headers(daySb.token) });
			expect((await get()).status).toBe(200);
			expect((await get()).status).toBe(429);
			now += 2000;
			const after = await get();
			expect(after.status).toBe(200);
			expect(after.headers.get('x-ratelimit-daily-remaining')).toBe('0');
		} finally {
			await daySb.close();
		}
	});

	it.each([
		['rate429', 429, 'Too many requests', 'Too Many Requests', '3'],
		['rate500', 500, 'Internal Server Error', 'Internal Server Error', null],
		['rate502', 502, 'Bad Gateway', 'Bad Gateway', null],
		['rate503', 503, 'Service Unavailable', 'Service Unavailable', null],
	])('injects %s in GHL\'s error shape', async (fault, status, message, error, retryAfter) => {
		sb.setFaults({ [fault]: 1, retryAfterSeconds: 3 });
		sb.setRetryAfter(true);
		const response = await tags();
		expect(response.status).toBe(status);
		expect(response.headers.get('retry-after')).toBe(retryAfter);
		expect(await response.json()).toMatchObject({ statusCode: status, message, error });
		expect(sb.requests[0].fault).toBe(String(status));
	});

	it('injects a connection reset without answering', async () => {
		sb.setFaults({ rateReset: 1 });
		await expect(tags()).rejects.toThrow();
		expect(sb.requests[0].fault).toBe('reset');
	});

	it('injects slow answers', async () => {
		sb.setFaults({ rateSlow: 1, slowMs: 50 });
		expect((await tags()).status).toBe(200);
		expect(sb.requests[0].fault).toBe('slow');
	});

	it('runs the OAuth code and refresh grants, expires access tokens and rotates refresh tokens', async () => {
		const tokenCall = (body: Record<string, string>) =>
			fetch(`${sb.url}/oauth/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ client_id: sb.oauth.clientId, client_secret: sb.oauth.clientSecret, ...body }).toString(),
			});
		const first = (await (await tokenCall({ grant_type: 'authorization_code', code: sb.oauth.authorizeCode() })).json()) as Record<string, string>;
		expect(first.locationId).toBe(sb.locationId);
		expect((await tags().then(() => fetch(`${sb.url}/locations/${sb.locationId}/tags`, { headers: headers(first.access_token) }))).status).toBe(200);
		sb.oauth.expireAccessTokens();
		const expired = await fetch(`${sb.url}/locations/${sb.locationId}/tags`, { headers: headers(first.access_token) });
		expect(expired.status).toBe(401);
		const refreshed = (await (await tokenCall({ grant_type: 'refresh_token', refresh_token: first.refresh_token })).json()) as Record<string, string>;
		expect((await fetch(`${sb.url}/locations/${sb.locationId}/tags`, { headers: headers(refreshed.access_token) })).status).toBe(200);
		const reused = await tokenCall({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
		expect(reused.status).toBe(400);
		expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
		expect((await tokenCall({ grant_type: 'authorization_code', code: 'made-up' })).status).toBe(400);
		const badClient = await fetch(`${sb.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: 'x', client_secret: 'y', grant_type: 'refresh_token', refresh_token: 'z' }) });
		expect(badClient.status).toBe(401);
	});

	it('exchanges an agency token for a location token', async () => {
		const response = await fetch(`${sb.url}/oauth/locationToken`, {
			method: 'POST',
			headers: { ...headers('agency-sandbox-token'), 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ companyId: 'sandbox-company', locationId: sb.locationId }).toString(),
		});
		const token = (await response.json()) as { access_token: string };
		expect(response.status).toBe(201);
		expect((await fetch(`${sb.url}/locations/${sb.locationId}/tags`, { headers: headers(token.access_token) })).status).toBe(200);
	});

	it('signs webhook events with Ed25519 and RSA keys whose public halves it exposes', () => {
		const payload = sb.webhooks.build('ContactCreate');
		expect(payload).toMatchObject({ type: 'ContactCreate', locationId: sb.locationId });
		expect(typeof payload.webhookId).toBe('string');
		const raw = JSON.stringify(payload);
		const signatures = sb.webhooks.sign(raw);
		expect(edVerify(null, Buffer.from(raw), sb.webhooks.ed25519PublicKeyPem, Buffer.from(signatures['x-ghl-signature'], 'base64'))).toBe(true);
		expect(createVerify('sha256').update(raw).verify(sb.webhooks.rsaPublicKeyPem, signatures['x-wh-signature'], 'base64')).toBe(true);
		const altered = raw.replace('ContactCreate', 'ContactDelete');
		expect(edVerify(null, Buffer.from(altered), sb.webhooks.ed25519PublicKeyPem, Buffer.from(signatures['x-ghl-signature'], 'base64'))).toBe(false);
		expect(createVerify('sha256').update(altered).verify(sb.webhooks.rsaPublicKeyPem, signatures['x-wh-signature'], 'base64')).toBe(false);
	});

	it.each(['TaskComplete', 'NoteCreate', 'AppointmentUpdate'])('builds %s about records that exist', (type) => {
		const payload = sb.webhooks.build(type);
		expect(payload.type).toBe(type);
		if (type === 'TaskComplete') expect(sb.store.tasks.has(String(payload.id))).toBe(true);
		if (type === 'NoteCreate') expect(sb.store.notes.has(String(payload.id))).toBe(true);
		if (type === 'AppointmentUpdate') expect(payload.appointment).toBeDefined();
	});
});
