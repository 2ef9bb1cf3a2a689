import { GhlTrigger } from '../../nodes/GhlTrigger/GhlTrigger.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { registerNodeType } from '../harness/nodeTypes';
import { triggerHarness } from '../harness/triggerContexts';

const TYPE = registerNodeType('ghlTrigger', new GhlTrigger());
let sb: GhlSandbox;

beforeEach(async () => {
	resetRateWindows();
	sb = await startGhlSandbox({ seed: { contacts: 2, tasksPerContact: 1, notesPerContact: 1 }, rateLimit: false });
});
afterEach(async () => sb.close());

const credentials = () => ({ ghlApi: { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url } });
const marketplace = (options: Record<string, unknown> = {}, events = ['ContactCreate', 'TaskComplete', 'NoteCreate', 'AppointmentCreate']) =>
	triggerHarness(TYPE, { authentication: 'privateIntegration', source: 'marketplace', events, options: { ed25519PublicKey: sb.webhooks.ed25519PublicKeyPem, rsaPublicKey: sb.webhooks.rsaPublicKeyPem, ...options } }, credentials());
const signed = (payload: Record<string, unknown>, which: 'x-ghl-signature' | 'x-wh-signature' | 'both' = 'both') => {
	const raw = JSON.stringify(payload);
	const sigs = sb.webhooks.sign(raw);
	const headers = which === 'both' ? sigs : { [which]: sigs[which] };
	return { raw, headers };
};
const started = (result: { workflowData?: unknown[] }) => (result.workflowData ? result.workflowData.length : 0);

describe('GHL Trigger: accepted events', () => {
	it('starts one execution for an Ed25519-signed event, with the record normalised', async () => {
		const t = marketplace();
		const payload = sb.webhooks.build('ContactCreate');
		const { raw, headers } = signed(payload, 'x-ghl-signature');
		const { result } = await t.deliver(raw, headers);
		expect(started(result)).toBe(1);
		const item = (result.workflowData as Array<Array<{ json: Record<string, unknown> }>>)[0][0].json;
		expect(item).toMatchObject({ event: 'ContactCreate', locationId: sb.locationId, contactId: payload.id, email: payload.email });
	});

	it('accepts the legacy RSA signature alone', async () => {
		const { raw, headers } = signed(sb.webhooks.build('TaskComplete'), 'x-wh-signature');
		const { result } = await marketplace().deliver(raw, headers);
		const item = (result.workflowData as Array<Array<{ json: Record<string, unknown> }>>)[0][0].json;
		expect(item).toMatchObject({ event: 'TaskComplete', completed: true });
		expect(item.taskId).toBeDefined();
	});

	it('accepts a payload wrapped in data', async () => {
		const inner = sb.webhooks.build('NoteCreate');
		const { raw, headers } = signed({ data: { ...inner, webhookId: undefined, timestamp: undefined }, webhookId: inner.webhookId, timestamp: inner.timestamp });
		const { result } = await marketplace().deliver(raw, headers);
		expect((result.workflowData as Array<Array<{ json: Record<string, unknown> }>>)[0][0].json).toMatchObject({ event: 'NoteCreate', noteId: inner.id });
	});

	it('answers 200 without an execution for events not selected', async () => {
		const { raw, headers } = signed(sb.webhooks.build('ContactDelete'));
		const { result, response } = await marketplace().deliver(raw, headers);
		expect(started(result)).toBe(0);
		expect(response.statusCode).toBe(200);
	});

	it('fetches the latest contact with its tasks and notes, and attaches the raw payload', async () => {
		const payload = sb.webhooks.build('ContactCreate');
		sb.store.updateContact(String(payload.id), { firstName: 'Changed Since' });
		const { raw, headers } = signed(payload);
		const { result } = await marketplace({ fetchLatest: true, includeRaw: true }).deliver(raw, headers);
		const item = (result.workflowData as Array<Array<{ json: Record<string, any> }>>)[0][0].json;
		expect(item.latest.firstName).toBe('Changed Since');
		expect(item.latest.tasks).toHaveLength(1);
		expect(item.latest.notes).toHaveLength(1);
		expect(item.raw).toEqual(payload);
	});

	it('runs a GHL Workflow action event with the right shared secret, and an unverified one', async () => {
		const secretTrigger = triggerHarness(TYPE, { authentication: 'privateIntegration', source: 'workflowAction', headerName: 'x-ghl-secret', secret: 's3cret-value-123', events: ['ContactCreate'], options: {} }, credentials());
		const raw = JSON.stringify(sb.webhooks.build('ContactCreate'));
		expect(started((await secretTrigger.deliver(raw, { 'x-ghl-secret': 's3cret-value-123' })).result)).toBe(1);
		const open = triggerHarness(TYPE, { authentication: 'privateIntegration', source: 'unverified', events: ['ContactCreate'], options: {} }, credentials());
		expect(started((await open.deliver(JSON.stringify(sb.webhooks.build('ContactCreate')))).result)).toBe(1);
	});
});

describe('GHL Trigger: refusals start no execution', () => {
	const cases: Array<[string, () => { raw: string | Buffer; headers: Record<string, string>; options?: Record<string, unknown> }, number]> = [
		['forged signature', () => ({ raw: JSON.stringify(sb.webhooks.build('ContactCreate')), headers: { 'x-ghl-signature': Buffer.alloc(64, 1).toString('base64') } }), 401],
		['altered body', () => { const s = signed(sb.webhooks.build('ContactCreate')); return { raw: s.raw.replace('ContactCreate', 'ContactUpdate'), headers: s.headers }; }, 401],
		['wrong key', () => ({ ...signed(sb.webhooks.build('ContactCreate'), 'x-wh-signature'), options: { rsaPublicKey: sb.webhooks.ed25519PublicKeyPem } }), 401],
		['missing signature header', () => ({ raw: JSON.stringify(sb.webhooks.build('ContactCreate')), headers: {} }), 401],
		['stale timestamp', () => signed(sb.webhooks.build('ContactCreate', { timestamp: new Date(Date.now() - 3_600_000).toISOString() })), 401],
		['another location', () => signed(sb.webhooks.build('ContactCreate', { locationId: 'someOtherLocation' })), 401],
		['non-JSON body', () => { const raw = 'type=ContactCreate&id=1'; return { raw, headers: sb.webhooks.sign(raw) }; }, 400],
		['oversized body', () => { const raw = JSON.stringify({ ...sb.webhooks.build('ContactCreate'), pad: 'x'.repeat(1_100_000) }); return { raw, headers: sb.webhooks.sign(raw) }; }, 413],
	];

	it.each(cases)('%s', async (_name, make, status) => {
		const { raw, headers, options } = make();
		const { result, response } = await marketplace(options ?? {}).deliver(raw, headers);
		expect(started(result)).toBe(0);
		expect(result.noWebhookResponse).toBe(true);
		expect(response.statusCode).toBe(status);
	});

	it('replayed webhookId: answered 200 so GHL stops retrying, but run once only', async () => {
		const t = marketplace();
		const { raw, headers } = signed(sb.webhooks.build('ContactCreate'));
		expect(started((await t.deliver(raw, headers)).result)).toBe(1);
		const again = await t.deliver(raw, headers);
		expect(started(again.result)).toBe(0);
		expect(again.response.statusCode).toBe(200);
	});

	it('wrong shared secret', async () => {
		const t = triggerHarness(TYPE, { authentication: 'privateIntegration', source: 'workflowAction', headerName: 'x-ghl-secret', secret: 'right-secret', events: ['ContactCreate'], options: {} }, credentials());
		const raw = JSON.stringify(sb.webhooks.build('ContactCreate'));
		for (const headers of [{ 'x-ghl-secret': 'wrong-secret' }, {}]) {
			const { result, response } = await t.deliver(raw, headers);
			expect(started(result)).toBe(0);
			expect(response.statusCode).toBe(401);
		}
	});
});

describe('GHL Trigger: lifecycle', () => {
	it('create proves access and records the subscription; checkExists and delete follow it', async () => {
		const t = marketplace();
		expect(await t.hook('checkExists')).toBe(false);
		expect(await t.hook('create')).toBe(true);
		expect(t.staticData().subscription).toMatchObject({ locationId: sb.locationId, events: expect.arrayContaining(['ContactCreate']) });
		expect(sb.requests.some((r) => r.path === '/contacts/')).toBe(true);
		expect(await t.hook('checkExists')).toBe(true);
		expect(await t.hook('delete')).toBe(true);
		expect(await t.hook('checkExists')).toBe(false);
	});

	it('create fails clearly when the credential cannot reach the location', async () => {
		const t = triggerHarness(TYPE, { authentication: 'privateIntegration', source: 'marketplace', events: ['ContactCreate'], options: {} }, { ghlApi: { authType: 'location', token: 'pit-wrong', locationId: sb.locationId, baseUrl: sb.url } });
		await expect(t.hook('create')).rejects.toThrow('GHL answered 401: Invalid JWT');
		expect(t.staticData().subscription).toBeUndefined();
	});
});
