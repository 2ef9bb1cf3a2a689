/**
 * Deliveries a webhook trigger must refuse (or acknowledge without running), as data: each builds the
 * raw request and says what the trigger must answer and whether a workflow may start. Used against the
 * triggers inside a real n8n (test/e2e/security.e2e.test.ts).
 */
import { signRankrPayload } from '../../sandbox/rankr';

export interface CorpusRequest {
	headers: Record<string, string>;
	body: string;
}

export interface CorpusCase {
	name: string;
	build(): CorpusRequest;
	status: number;
	/** Executions the case may start (valid deliveries start one). */
	starts: 0 | 1;
}

const JSON_TYPE = { 'content-type': 'application/json' };

export interface GhlSigner {
	build(type: string, overrides?: Record<string, unknown>): Record<string, unknown>;
	sign(rawBody: string): { 'x-ghl-signature': string; 'x-wh-signature': string };
}

export function ghlCorpus(ghl: GhlSigner, locationId: string): CorpusCase[] {
	const signed = (body: string, extra: Record<string, string> = {}): CorpusRequest => ({ headers: { ...JSON_TYPE, ...ghl.sign(body), ...extra }, body });
	const event = (overrides: Record<string, unknown> = {}) => JSON.stringify(ghl.build('ContactCreate', overrides));
	const valid = event();
	const ed = (body: string) => ghl.sign(body)['x-ghl-signature'];
	return [
		{ name: 'a valid signed event', build: () => signed(valid), status: 200, starts: 1 },
		{ name: 'the same delivery again (GHL retry)', build: () => signed(valid), status: 200, starts: 0 },
		{ name: 'no signature headers', build: () => ({ headers: JSON_TYPE, body: event() }), status: 401, starts: 0 },
		{ name: 'random bytes as signature', build: () => ({ headers: { ...JSON_TYPE, 'x-ghl-signature': Buffer.alloc(64, 9).toString('base64') }, body: event() }), status: 401, starts: 0 },
		{ name: 'a signature over another body', build: () => ({ headers: { ...JSON_TYPE, 'x-ghl-signature': ed(event()) }, body: event({ email: 'attacker@example.test' }) }), status: 401, starts: 0 },
		{ name: 'a truncated signature', build: () => { const body = event(); return { headers: { ...JSON_TYPE, 'x-ghl-signature': ed(body).slice(0, 40) }, body }; }, status: 401, starts: 0 },
		{ name: 'base64 junk in both headers', build: () => ({ headers: { ...JSON_TYPE, 'x-ghl-signature': '!!!not-base64!!!', 'x-wh-signature': '%%%' }, body: event() }), status: 401, starts: 0 },
		{ name: 'a body with a byte changed after signing', build: () => { const body = event(); return { headers: { ...JSON_TYPE, ...ghl.sign(body) }, body: body.replace('ContactCreate', 'ContactCreatf') }; }, status: 401, starts: 0 },
		{ name: 'a signed event an hour old (replay)', build: () => signed(event({ timestamp: new Date(Date.now() - 3_600_000).toISOString() })), status: 401, starts: 0 },
		{ name: 'a signed event for another location', build: () => signed(event({ locationId: `${locationId}x` })), status: 401, starts: 0 },
		// n8n's own JSON parser refuses this one before the trigger sees it.
		{ name: 'a signed body that is not JSON, sent as JSON', build: () => signed('contact=created'), status: 422, starts: 0 },
		{ name: 'a signed body that is not JSON, sent as text', build: () => signed('contact=created', { 'content-type': 'text/plain' }), status: 400, starts: 0 },
		{ name: 'a signed JSON array', build: () => signed('[1,2,3]'), status: 400, starts: 0 },
		{ name: 'an empty body', build: () => ({ headers: JSON_TYPE, body: '' }), status: 401, starts: 0 },
		{ name: 'a body over 1 MB', build: () => signed(event({ padding: 'x'.repeat(1_100_000) })), status: 413, starts: 0 },
		{ name: 'a signed event the workflow did not select', build: () => signed(JSON.stringify(ghl.build('NoteCreate'))), status: 200, starts: 0 },
		{ name: 'a second valid event', build: () => signed(event()), status: 200, starts: 1 },
	];
}

export function rankrCorpus(secret: () => string, contactId: string): CorpusCase[] {
	const now = () => Math.floor(Date.now() / 1000);
	const delivery = (id: string, type = 'contact.created') =>
		JSON.stringify({ id, type, createdAt: new Date().toISOString(), data: { contact: { id: contactId } } });
	const signed = (id: string, body = delivery(id), t = now(), key = secret()): CorpusRequest => ({
		headers: { ...JSON_TYPE, 'rankr-signature': signRankrPayload(key, body, t), 'rankr-event': 'contact.created', 'rankr-delivery': id },
		body,
	});
	return [
		{ name: 'a valid signed delivery', build: () => signed('dlv_valid1'), status: 200, starts: 1 },
		{ name: 'the same delivery again (Rankr retry)', build: () => signed('dlv_valid1'), status: 200, starts: 0 },
		{ name: 'no Rankr-Signature', build: () => ({ headers: { ...JSON_TYPE, 'rankr-delivery': 'dlv_a' }, body: delivery('dlv_a') }), status: 401, starts: 0 },
		{ name: 'signed with another secret', build: () => signed('dlv_b', undefined, undefined, 'whsec_someoneelsesecret000000'), status: 401, starts: 0 },
		{ name: 'signed 10 minutes ago (replay)', build: () => signed('dlv_c', undefined, now() - 600), status: 401, starts: 0 },
		{ name: 'signed 10 minutes ahead', build: () => signed('dlv_d', undefined, now() + 600), status: 401, starts: 0 },
		{ name: 'a body changed after signing', build: () => { const r = signed('dlv_e'); return { ...r, body: r.body.replace(contactId, 'ctc_other') }; }, status: 401, starts: 0 },
		{ name: 'a malformed signature header', build: () => ({ headers: { ...JSON_TYPE, 'rankr-signature': 't=now,v1=zz', 'rankr-delivery': 'dlv_f' }, body: delivery('dlv_f') }), status: 401, starts: 0 },
		{ name: 'a signed event the workflow did not select', build: () => signed('dlv_g', delivery('dlv_g', 'note.created')), status: 200, starts: 0 },
		{ name: 'a second valid delivery', build: () => signed('dlv_valid2'), status: 200, starts: 1 },
	];
}
