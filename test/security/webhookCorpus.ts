/**
 * Deliveries a webhook trigger must refuse, as data: each entry builds one HTTP request from a context
 * (how to make and sign an event) and says what the trigger must answer. test/e2e/security.e2e.test.ts
 * sends them to a real n8n. A Rankr Trigger corpus is another array of the same type with its own context.
 */

/** One HTTP request, as bytes on the wire where it matters. */
export interface Delivery {
	method?: string;
	/** An array sends the header several times. */
	headers: Record<string, string | string[]>;
	body: string | Buffer;
	/** Appended to the webhook URL, e.g. `?sig=...`. */
	query?: string;
	/** Sends this exact request text over a socket instead (for requests an HTTP client refuses to make). */
	rawRequest?: (host: string, path: string) => string;
}

export type Expectation =
	/** A valid delivery: 200 and exactly one execution. */
	| { kind: 'run' }
	/** A redelivery of a delivery already run: 200 (so the sender stops retrying) and no execution. */
	| { kind: 'duplicate' }
	/** Refused with one of these statuses, and no execution. */
	| { kind: 'refuse'; status: number[] };

export interface CorpusEntry<Context> {
	name: string;
	expect: Expectation;
	build(ctx: Context): Delivery;
}

/** What GHL Trigger entries need: fresh events, GHL's two signature schemes, and the first valid delivery. */
export interface GhlCorpusContext {
	/** A new event (new webhookId, current timestamp) for the workflow's location, as raw JSON. */
	event(overrides?: Record<string, unknown>): string;
	sign(rawBody: string): { 'x-ghl-signature': string; 'x-wh-signature': string };
	/** The first valid delivery; duplicates resend it. */
	original: Delivery;
	/** The webhookId inside `original`. */
	originalWebhookId: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const signed = (ctx: GhlCorpusContext, raw: string, headers: Record<string, string> = JSON_TYPE): Delivery => ({ headers: { ...headers, ...ctx.sign(raw) }, body: raw });
const refuse = (...status: number[]): Expectation => ({ kind: 'refuse', status });
const HOUR_MS = 60 * 60 * 1000;
/** Just over the trigger's 1 MiB limit (MAX_BODY_BYTES), still a JSON object. */
const hugeEvent = (ctx: GhlCorpusContext) => ctx.event({ padding: 'x'.repeat(1024 * 1024) });

/** The GHL Trigger (marketplace source, sandbox keys): 3 valid deliveries, 2 duplicates, the rest refused. */
export const GHL_TRIGGER_CORPUS: Array<CorpusEntry<GhlCorpusContext>> = [
	{ name: 'valid delivery signed with both schemes', expect: { kind: 'run' }, build: (ctx) => ctx.original },
	{ name: 'valid delivery with only the legacy RSA signature', expect: { kind: 'run' }, build: (ctx) => {
		const raw = ctx.event();
		return { headers: { ...JSON_TYPE, 'x-wh-signature': ctx.sign(raw)['x-wh-signature'] }, body: raw };
	} },
	{ name: 'valid delivery sent as text/plain (the signature, not the content type, decides)', expect: { kind: 'run' }, build: (ctx) => signed(ctx, ctx.event(), { 'content-type': 'text/plain' }) },
	{ name: 'duplicate: the first delivery resent byte for byte', expect: { kind: 'duplicate' }, build: (ctx) => ctx.original },
	{ name: 'duplicate: same webhookId, new timestamp and signature (a retry)', expect: { kind: 'duplicate' }, build: (ctx) => signed(ctx, ctx.event({ webhookId: ctx.originalWebhookId })) },
	{ name: 'no signature header', expect: refuse(401), build: (ctx) => ({ headers: JSON_TYPE, body: ctx.event() }) },
	{ name: 'forged Ed25519 signature (64 bytes of 7s)', expect: refuse(401), build: (ctx) => ({ headers: { ...JSON_TYPE, 'x-ghl-signature': Buffer.alloc(64, 7).toString('base64') }, body: ctx.event() }) },
	{ name: 'signature over a different body', expect: refuse(401), build: (ctx) => ({ headers: { ...JSON_TYPE, ...ctx.sign(ctx.event()) }, body: ctx.event() }) },
	// As JSON, n8n's own parser refuses it first (422); any body that parses reaches the signature check (401).
	{ name: 'body truncated after signing', expect: refuse(401, 422), build: (ctx) => {
		const raw = ctx.event();
		return { headers: { ...JSON_TYPE, ...ctx.sign(raw) }, body: raw.slice(0, raw.length - 20) };
	} },
	{ name: 'signature truncated to half', expect: refuse(401), build: (ctx) => {
		const raw = ctx.event();
		return { headers: { ...JSON_TYPE, 'x-ghl-signature': ctx.sign(raw)['x-ghl-signature'].slice(0, 44) }, body: raw };
	} },
	{ name: 'signature header of base64 junk', expect: refuse(401), build: (ctx) => ({ headers: { ...JSON_TYPE, 'x-ghl-signature': '%%%not-base64%%%', 'x-wh-signature': '!!' }, body: ctx.event() }) },
	{ name: 'wrong algorithm: RSA signature in the Ed25519 header', expect: refuse(401), build: (ctx) => {
		const raw = ctx.event();
		return { headers: { ...JSON_TYPE, 'x-ghl-signature': ctx.sign(raw)['x-wh-signature'] }, body: raw };
	} },
	{ name: 'wrong algorithm: Ed25519 signature in the RSA header', expect: refuse(401), build: (ctx) => {
		const raw = ctx.event();
		return { headers: { ...JSON_TYPE, 'x-wh-signature': ctx.sign(raw)['x-ghl-signature'] }, body: raw };
	} },
	{ name: 'signature in the query string instead of a header', expect: refuse(401), build: (ctx) => {
		const raw = ctx.event();
		return { headers: JSON_TYPE, body: raw, query: `?x-ghl-signature=${encodeURIComponent(ctx.sign(raw)['x-ghl-signature'])}` };
	} },
	{ name: 'header injection: a forged and a valid signature header together', expect: refuse(401), build: (ctx) => {
		const raw = ctx.event();
		return { headers: { ...JSON_TYPE, 'x-ghl-signature': [Buffer.alloc(64, 1).toString('base64'), ctx.sign(raw)['x-ghl-signature']] }, body: raw };
	} },
	{ name: 'header injection: request smuggling (Content-Length with Transfer-Encoding)', expect: refuse(400), build: (ctx) => {
		const raw = ctx.event();
		const signature = ctx.sign(raw)['x-ghl-signature'];
		return {
			headers: {},
			body: raw,
			rawRequest: (host, path) => [
				`POST ${path} HTTP/1.1`, `Host: ${host}`, 'Content-Type: application/json', `x-ghl-signature: ${signature}`,
				`Content-Length: ${Buffer.byteLength(raw)}`, 'Transfer-Encoding: chunked', 'Connection: close', '', raw,
			].join('\r\n'),
		};
	} },
	{ name: 'replayed: correctly signed, timestamp an hour old', expect: refuse(401), build: (ctx) => signed(ctx, ctx.event({ timestamp: new Date(Date.now() - HOUR_MS).toISOString() })) },
	{ name: 'correctly signed, timestamp unreadable', expect: refuse(401), build: (ctx) => signed(ctx, ctx.event({ timestamp: 'yesterday' })) },
	{ name: 'correctly signed, event for another location', expect: refuse(401), build: (ctx) => signed(ctx, ctx.event({ locationId: 'someOtherLocation' })) },
	{ name: 'huge body (over 1 MiB), correctly signed', expect: refuse(413), build: (ctx) => signed(ctx, hugeEvent(ctx)) },
	{ name: 'non-JSON body declared as JSON, correctly signed', expect: refuse(400, 422), build: (ctx) => signed(ctx, '{"type": "ContactCreate", oops') },
	{ name: 'JSON array body, correctly signed', expect: refuse(400), build: (ctx) => signed(ctx, `[${ctx.event()}]`) },
	{ name: 'wrong content type: form body, correctly signed', expect: refuse(400), build: (ctx) => signed(ctx, 'type=ContactCreate&id=1', { 'content-type': 'application/x-www-form-urlencoded' }) },
	{ name: 'wrong content type: text/plain without signature', expect: refuse(401), build: (ctx) => ({ headers: { 'content-type': 'text/plain' }, body: ctx.event() }) },
	{ name: 'empty body without signature', expect: refuse(401), build: () => ({ headers: JSON_TYPE, body: '' }) },
	{ name: 'empty body, correctly signed', expect: refuse(400), build: (ctx) => signed(ctx, '') },
	{ name: 'GET instead of POST', expect: refuse(404, 405), build: () => ({ method: 'GET', headers: {}, body: '' }) },
];
