/** Small HTTP pieces both sandboxes use: body reading, JSON answers, a request log, free ports. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface RecordedRequest {
	seq: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
	/** Date.now() when the request arrived. */
	receivedAt: number;
	status: number;
	locationId?: string;
	/** Whether the rate limiter counted it (served requests are counted, refused ones are not). */
	countedByLimiter: boolean;
	fault?: '429' | '500' | '502' | '503' | 'reset' | 'slow';
	/**
	 * With change recording on (a sandbox switch): whether this write changed the sandbox's records at all
	 * (timestamps of the write itself aside), and whether it changed user data rather than only the sync's
	 * bookkeeping (Rankr: links, externalRef, externalTags). Unset for reads and refused requests.
	 */
	changed?: boolean;
	dataChanged?: boolean;
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) break;
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/** Parses JSON or form bodies; undefined for an empty body, the symbol for an unparseable one. */
export const BAD_BODY = Symbol('bad body');
export function parseBody(raw: string, contentType: string | undefined): unknown {
	if (!raw) return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	try {
		return JSON.parse(raw);
	} catch {
		return BAD_BODY;
	}
}

export function queryOf(url: URL): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const all = url.searchParams.getAll(key);
		out[key] = all.length > 1 ? all : all[0];
	}
	return out;
}

export function flatHeaders(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(req.headers)) out[k] = Array.isArray(v) ? v.join(', ') : String(v ?? '');
	return out;
}

/**
 * Reads a request whole and records it as the sandbox logs it (status still 0). A body that does not parse
 * is kept raw, so a test can see what was sent, and `parsed` is then BAD_BODY. `contentType` overrides the
 * request's own header.
 */
export async function recordRequest(req: IncomingMessage, seq: number, contentType = req.headers['content-type']): Promise<{ url: URL; record: RecordedRequest; parsed: unknown }> {
	const receivedAt = Date.now();
	const url = new URL(req.url ?? '/', 'http://sandbox');
	const rawBody = await readBody(req);
	const parsed = parseBody(rawBody, contentType);
	const record: RecordedRequest = {
		seq,
		method: req.method ?? 'GET',
		path: url.pathname,
		query: queryOf(url),
		headers: flatHeaders(req),
		body: parsed === BAD_BODY ? rawBody : parsed,
		rawBody,
		receivedAt,
		status: 0,
		countedByLimiter: false,
	};
	return { url, record, parsed };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	const text = body === undefined ? '' : JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
	res.end(text);
}

/** A route table: METHOD + path pattern with {params}. */
export interface Route<C> {
	method: string;
	pattern: string;
	regex: RegExp;
	keys: string[];
	handle: (ctx: C, params: Record<string, string>) => Promise<void> | void;
}

export function route<C>(method: string, pattern: string, handle: Route<C>['handle']): Route<C> {
	const keys: string[] = [];
	const source = pattern
		.replace(/\/$/, '')
		.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
		.replace(/\{(\w+)\}/g, (_m, key: string) => {
			keys.push(key);
			return '([^/]+)';
		});
	return { method, pattern, regex: new RegExp(`^${source}/?$`), keys, handle };
}

export function matchRoute<C>(routes: Route<C>[], method: string, path: string) {
	let pathMatched = false;
	for (const r of routes) {
		const m = r.regex.exec(path);
		if (!m) continue;
		pathMatched = true;
		if (r.method !== method) continue;
		const params: Record<string, string> = {};
		r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
		return { route: r, params };
	}
	return pathMatched ? 'method' : undefined;
}

/** A deterministic PRNG (mulberry32), so seeded data and fault sequences repeat. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Listens on 127.0.0.1:`port` (0: one the system picks). A port already taken rejects with its EADDRINUSE
 * error, so a caller can try another, instead of an unhandled 'error' event ending the process.
 */
export async function listenOnLoopback(server: Server, port: number): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
}
