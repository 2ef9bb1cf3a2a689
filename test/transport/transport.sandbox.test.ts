import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { retrySettings } from '../../nodes/shared/transport/retry';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { busiestWindow } from '../../sandbox/shared/rateLimit';
import { GHL_PROBE } from '../harness/probeNode';
import { runNode } from '../harness/runNode';

const saved = { ...retrySettings };

describe('transport against the GHL sandbox', () => {
	let sb: GhlSandbox;
	const credentials = () => ({
		ghlApi: { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url },
	});
	const probe = (items: number, path: string, extra: Record<string, unknown> = {}) =>
		runNode({
			type: GHL_PROBE,
			parameters: { authentication: 'privateIntegration', method: 'GET', path, ...extra },
			credentials: credentials(),
			items: Array.from({ length: items }, (_, i) => ({ i })),
			continueOnFail: false,
		});

	beforeAll(async () => {
		sb = await startGhlSandbox({ seed: { contacts: 5 } });
		Object.assign(retrySettings, { baseDelayMs: 20, maxDelayMs: 200, timeoutMs: 2000 });
	});
	afterAll(async () => {
		Object.assign(retrySettings, saved);
		await sb.close();
	});
	beforeEach(() => {
		resetRateWindows();
		sb.clearRequests();
		sb.setFaults(undefined);
		sb.setRateLimit(false);
	});

	it('sends 300 concurrent requests inside the rate limit: no 429 anywhere, no window over the limit', async () => {
		const max = 20;
		const intervalMs = 200;
		sb.setRateLimit({ max, intervalMs });
		const contactId = sb.store.contactsOf(sb.locationId)[0].id;
		const result = await probe(300, `/contacts/${contactId}`);

		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(300);
		expect(result.items.every((item) => (item.json.contact as { id: string }).id === contactId)).toBe(true);
		const served = sb.requests.filter((r) => r.countedByLimiter);
		expect(sb.requests.filter((r) => r.status === 429)).toHaveLength(0);
		expect(served).toHaveLength(300);
		// Every request the client sent counts here, refused or not: the sandbox itself never serves more.
		expect(busiestWindow(sb.requests.map((r) => r.receivedAt), intervalMs)).toBeLessThanOrEqual(max);
		// 300 requests at 20 per window need at least 15 windows: 14 full intervals between first and last.
		const span = served[served.length - 1].receivedAt - served[0].receivedAt;
		expect(span).toBeGreaterThanOrEqual((300 / max - 1) * intervalMs);
	});

	it('shares one window between concurrent executions on the same credential and location', async () => {
		sb.setRateLimit({ max: 10, intervalMs: 200 });
		const results = await Promise.all([probe(40, `/locations/${sb.locationId}/tags`), probe(40, `/locations/${sb.locationId}/tags`), probe(40, `/locations/${sb.locationId}/tags`)]);
		for (const r of results) expect(r.items).toHaveLength(40);
		expect(sb.requests.filter((r) => r.status === 429)).toHaveLength(0);
		const served = sb.requests.filter((r) => r.countedByLimiter);
		expect(served).toHaveLength(120);
		expect(busiestWindow(sb.requests.map((r) => r.receivedAt), 200)).toBeLessThanOrEqual(10);
	});

	it('learns a limit it was not told from the headers and still never trips it', async () => {
		sb.setRateLimit({ max: 7, intervalMs: 150 });
		const result = await probe(60, `/locations/${sb.locationId}/tags`);
		expect(result.error).toBeUndefined();
		// The defaults (100 per 10 s) are above the real limit here: the first answer's headers teach it.
		expect(result.items).toHaveLength(60);
		expect(sb.requests.filter((r) => r.status === 429)).toHaveLength(0);
		const served = sb.requests.filter((r) => r.countedByLimiter);
		expect(busiestWindow(sb.requests.map((r) => r.receivedAt), 150)).toBeLessThanOrEqual(7);
	});

	// The sandbox's Retry-After switch both ways: GHL documents only X-RateLimit-*, so the 429s must be
	// waited out with and without the header.
	it.each([
		['429 with Retry-After (sandbox switch on)', { rate429: 0.5, retryAfterSeconds: 0 }, true],
		['429 without Retry-After (as GHL documents)', { rate429: 0.5 }, false],
		['500', { rate500: 0.4 }, false],
		['502', { rate502: 0.4 }, false],
		['503', { rate503: 0.4 }, false],
		['connection reset', { rateReset: 0.4 }, false],
	])('retries %s faults to success on idempotent requests', async (name, faults, retryAfter) => {
		sb.setRetryAfter(retryAfter);
		// A short window: a 429 without Retry-After is waited out for up to one window interval.
		sb.setRateLimit({ max: 100, intervalMs: 500 });
		sb.setFaults({ ...faults, random: 11 });
		try {
			const result = await probe(20, `/locations/${sb.locationId}/tags`);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(20);
			expect(sb.requests.some((r) => r.fault)).toBe(true);
			expect(sb.requests.filter((r) => r.status === 200)).toHaveLength(20);
			if (name.startsWith('429')) expect(sb.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
		} finally {
			sb.setRetryAfter(false);
			sb.setRateLimit(undefined);
		}
	});

	it('does not resend a create after a 5xx (it may have been applied), but does after a 429', async () => {
		const before = sb.store.contacts.size;
		sb.setFaults({ rate502: 1 });
		const failed = await probe(1, '/contacts/', {
			method: 'POST',
			body: JSON.stringify({ locationId: sb.locationId, email: 'once@example.test' }),
		});
		expect(failed.error?.message).toContain('GHL answered 502');
		expect(sb.requests).toHaveLength(1);

		sb.clearRequests();
		sb.setFaults({ rate429: 1, retryAfterSeconds: 0 });
		setTimeout(() => sb.setFaults(undefined), 150);
		const created = await probe(1, '/contacts/', {
			method: 'POST',
			body: JSON.stringify({ locationId: sb.locationId, email: 'after429@example.test' }),
		});
		expect(created.error).toBeUndefined();
		expect(sb.store.contacts.size).toBe(before + 1);
		expect(sb.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
	});

	it("surfaces a non-retriable 4xx at once, with GHL's message and no token", async () => {
		const result = await probe(1, '/contacts/doesNotExist');
		expect(sb.requests).toHaveLength(1);
		expect(result.error?.message).toBe('GHL answered 400: Contact not found');
		expect(result.error?.description).toContain('GET /contacts/doesNotExist');
		const everything = JSON.stringify({ message: result.error?.message, description: result.error?.description, context: result.error?.context, run: result.run.data.resultData });
		expect(everything).not.toContain(sb.token);
	});

	it('names the field GHL refused in a 422 and keeps the token out of every error', async () => {
		const result = await probe(1, '/contacts/', { method: 'POST', body: JSON.stringify({ locationId: sb.locationId, email: 'not-an-email' }) });
		expect(result.error?.message).toBe('GHL answered 422: email must be an email');
		expect(JSON.stringify(result.run)).not.toContain(sb.token);
	});

	it('gives up after the retry budget with a clear error and no token', async () => {
		sb.setFaults({ rate503: 1 });
		const result = await probe(1, `/locations/${sb.locationId}/tags`);
		expect(result.error?.message).toBe('GHL answered 503: Service Unavailable');
		expect(result.error?.description).toContain(`after ${retrySettings.maxRetries + 1} attempts`);
		expect(sb.requests).toHaveLength(retrySettings.maxRetries + 1);
		expect(JSON.stringify(result.run)).not.toContain(sb.token);
	});

	it('refuses a token of another location with a 403 that says so', async () => {
		const result = await runNode({
			type: GHL_PROBE,
			parameters: { authentication: 'privateIntegration', method: 'GET', path: '/users/?locationId=otherLocation' },
			credentials: credentials(),
		});
		expect(result.error?.message).toBe('GHL answered 403: The token does not have access to this location');
	});
});
