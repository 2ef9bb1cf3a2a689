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
		// GHL re-sends only after a 429, every 10 minutes, six times: its last retry of an event never run is taken.
		{ name: 'a signed event 65 minutes old (GHL\'s last retry of an event never run)', build: () => signed(event({ timestamp: new Date(Date.now() - 65 * 60_000).toISOString() })), status: 200, starts: 1 },
		{ name: 'a signed event two hours old (replay, past GHL\'s last retry)', build: () => signed(event({ timestamp: new Date(Date.now() - 7_200_000).toISOString() })), status: 401, starts: 0 },
		// Genuine, for another location of the same app: acknowledged (GHL would otherwise retry it) and not run.
		{ name: 'a signed event for another location', build: () => signed(event({ locationId: `${locationId}x` })), status: 200, starts: 0 },
		// n8n's own JSON parser refuses this one before the trigger sees it.
		{ name: 'a signed body that is not JSON, sent as JSON', build: () => signed('contact=created'), status: 422, starts: 0 },
		{ name: 'a signed body that is not JSON, sent as text', build: () => signed('contact=created', { 'content-type': 'text/plain' }), status: 400, starts: 0 },
		{ name: 'a signed JSON array', build: () => signed('[1,2,3]'), status: 400, starts: 0 },
		{ name: 'an empty body', build: () => ({ headers: JSON_TYPE, body: '' }), status: 401, starts: 0 },
		{ name: 'a body over 1 MB', build: () => signed(event({ padding: 'x'.repeat(1_100_000) })), status: 413, starts: 0 },
		{ name: 'a signed event the workflow did not select', build: () => signed(JSON.stringify(ghl.build('NoteCreate'))), status: 200, starts: 0 },
		// Statuses of the cases below seen in a real n8n 2.41 (e2esec branch, corpus run of 27 GHL deliveries).
		{ name: 'a valid event with only the legacy RSA signature', build: () => { const body = event(); return { headers: { ...JSON_TYPE, 'x-wh-signature': ghl.sign(body)['x-wh-signature'] }, body }; }, status: 200, starts: 1 },
		{ name: 'a valid event sent as text/plain (the signature decides, not the content type)', build: () => signed(event(), { 'content-type': 'text/plain' }), status: 200, starts: 1 },
		{ name: 'the first event\'s webhookId again, newly signed (GHL retry)', build: () => signed(event({ webhookId: (JSON.parse(valid) as { webhookId: string }).webhookId })), status: 200, starts: 0 },
		{ name: 'the RSA signature in the Ed25519 header', build: () => { const body = event(); return { headers: { ...JSON_TYPE, 'x-ghl-signature': ghl.sign(body)['x-wh-signature'] }, body }; }, status: 401, starts: 0 },
		{ name: 'the Ed25519 signature in the RSA header', build: () => { const body = event(); return { headers: { ...JSON_TYPE, 'x-wh-signature': ed(body) }, body }; }, status: 401, starts: 0 },
		// Two x-ghl-signature headers reach the trigger joined by ", ", as here.
		{ name: 'a forged and a valid signature in one header', build: () => { const body = event(); return { headers: { ...JSON_TYPE, 'x-ghl-signature': `${Buffer.alloc(64, 1).toString('base64')}, ${ed(body)}` }, body }; }, status: 401, starts: 0 },
		{ name: 'a signed event with an unreadable timestamp', build: () => signed(event({ timestamp: 'yesterday' })), status: 401, starts: 0 },
		// n8n's JSON parser refuses a truncated JSON body first; as text it would fail the signature check.
		{ name: 'a body truncated after signing, sent as JSON', build: () => { const body = event(); return { headers: { ...JSON_TYPE, ...ghl.sign(body) }, body: body.slice(0, -20) }; }, status: 422, starts: 0 },
		{ name: 'a signed form body', build: () => signed('type=ContactCreate&id=1', { 'content-type': 'application/x-www-form-urlencoded' }), status: 400, starts: 0 },
		{ name: 'an unsigned event sent as text/plain', build: () => ({ headers: { 'content-type': 'text/plain' }, body: event() }), status: 401, starts: 0 },
		{ name: 'an empty body, signed', build: () => signed(''), status: 400, starts: 0 },
		{ name: 'a second valid event', build: () => signed(event()), status: 200, starts: 1 },
	];
}

export function rankrCorpus(secret: () => string, contactId: string): CorpusCase[] {
	const now = () => Math.floor(Date.now() / 1000);
	const delivery = (id: string, type = 'contact.created') =>
		JSON.stringify({ id, type, createdAt: new Date().toISOString(), data: { contact: { id: contactId } } });
	// The headers say what the signed body says, as Rankr sends them; cases that make them disagree say so.
	const signed = (id: string, body = delivery(id), t = now(), key = secret(), event = 'contact.created'): CorpusRequest => ({
		headers: { ...JSON_TYPE, 'rankr-signature': signRankrPayload(key, body, t), 'rankr-event': event, 'rankr-delivery': id },
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
		{ name: 'a signed event the workflow did not select', build: () => signed('dlv_g', delivery('dlv_g', 'note.created'), undefined, undefined, 'note.created'), status: 200, starts: 0 },
		{ name: 'the first delivery replayed under a new Rankr-Delivery id', build: () => { const r = signed('dlv_valid1'); return { ...r, headers: { ...r.headers, 'rankr-delivery': 'dlv_fresh' } }; }, status: 400, starts: 0 },
		{ name: 'a Rankr-Event header that disagrees with the signed body', build: () => signed('dlv_h', delivery('dlv_h', 'note.created')), status: 400, starts: 0 },
		{ name: 'a signed JSON body that is not a Rankr event', build: () => signed('dlv_i', JSON.stringify({ hello: 'world' })), status: 400, starts: 0 },
		{ name: 'a second valid delivery', build: () => signed('dlv_valid2'), status: 200, starts: 1 },
	];
}
