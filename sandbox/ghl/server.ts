/** The GHL sandbox's HTTP pipeline: record → auth → Version → rate limit → faults → route → GHL-shaped answer. */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { FaultInjector, limitAndFaults } from '../shared/faults';
import type { RecordedRequest, Route } from '../shared/http';
import { BAD_BODY, matchRoute, recordRequest, sendJson } from '../shared/http';
import type { SlidingWindowLimiter } from '../shared/rateLimit';
import { contactRoutes } from './contacts';
import type { GhlContext } from './context';
import type { GhlWebhookSender } from './delivery';
import { GhlError } from './context';
import { locationRoutes } from './location';
import { membershipRoutes } from './memberships';
import type { TokenRegistry } from './oauth';
import { oauthRoutes } from './oauth';
import { searchRoutes } from './search';
import { specBodyErrors } from './specBodies';
import type { GhlStore } from './store';
import { tagRoutes } from './tags';
import { taskRoutes } from './tasks';

export interface Pipeline {
	store: GhlStore;
	tokens: TokenRegistry;
	limiter: SlidingWindowLimiter;
	/** Whether 429s carry Retry-After (GHL documents only X-RateLimit-*; see GhlSandboxOptions.retryAfter). */
	retryAfter: boolean;
	faults: FaultInjector;
	requests: RecordedRequest[];
	/** Test hook: holds a request back before its route (ms, or until the promise settles), as a slow network would. */
	latency?: (request: RecordedRequest) => number | Promise<void>;
	/** Sends the events of every successful write (the `webhooks` switch). */
	webhooks?: GhlWebhookSender;
	/** With change recording on: the records' state, compared around each write (RecordedRequest.changed). */
	fingerprint?: (contactId?: string) => string;
}

const STATUS_NAMES = { 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' } as const;

export function buildRoutes(tokens: TokenRegistry): Route<GhlContext>[] {
	// Fixed paths before parameterised ones that could swallow them (/contacts/search before /contacts/{id}).
	return [...searchRoutes, ...oauthRoutes(tokens), ...tagRoutes, ...membershipRoutes, ...taskRoutes, ...contactRoutes, ...locationRoutes];
}

function rateHeaders(p: Pipeline, r: ReturnType<SlidingWindowLimiter['take']>): Record<string, string> {
	const s = p.limiter.settings;
	if (!s) return {};
	return {
		'X-RateLimit-Max': String(s.max),
		'X-RateLimit-Remaining': String(r.remaining),
		'X-RateLimit-Interval-Milliseconds': String(s.intervalMs),
		'X-RateLimit-Limit-Daily': String(s.dailyMax),
		'X-RateLimit-Daily-Remaining': String(r.dailyRemaining),
	};
}

export function handler(p: Pipeline, routes: Route<GhlContext>[]) {
	let seq = 0;
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const { url, record, parsed } = await recordRequest(req, ++seq);
		const { receivedAt } = record;
		p.requests.push(record);
		let extraHeaders: Record<string, string> = {};
		const answer = (status: number, body: unknown) => {
			record.status = status;
			if (!res.headersSent) sendJson(res, status, body, extraHeaders);
		};
		const fail = (status: number, message: string | string[], error?: string) =>
			answer(status, { statusCode: status, message, ...(error ? { error } : {}) });

		// The Marketplace's "choose a location" screen: the sandbox has one location, so the user's choice is
		// made at once and the browser is sent back to the app with a code, as GHL does after a click.
		if (url.pathname === '/v2/oauth/chooselocation' && record.method === 'GET') {
			const redirect = url.searchParams.get('redirect_uri');
			if (!redirect || url.searchParams.get('client_id') !== p.tokens.settings.clientId) {
				return fail(400, 'redirect_uri and the app\'s client_id are required');
			}
			const back = new URL(redirect);
			back.searchParams.set('code', p.tokens.authorizeCode([...p.tokens.locations][0], url.searchParams.get('scope') ?? undefined));
			const state = url.searchParams.get('state');
			if (state !== null) back.searchParams.set('state', state);
			record.status = 302;
			res.writeHead(302, { location: back.toString() });
			res.end();
			return;
		}
		if (url.pathname === '/oauth/token' && record.method === 'POST') {
			const out = p.tokens.token((parsed === BAD_BODY ? {} : parsed ?? {}) as Record<string, unknown>);
			return answer(out.status, out.body);
		}
		const bearer = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
		const token = bearer ? p.tokens.lookup(bearer) : undefined;
		if (!token) return fail(401, 'Invalid JWT', 'Unauthorized');
		record.locationId = token.locationId;
		if (!req.headers.version) return fail(401, 'version header was not found', 'Unauthorized');

		const limit = p.limiter.take(token.locationId, receivedAt);
		extraHeaders = rateHeaders(p, limit);
		const refusal = await limitAndFaults(req, record, limit, p.faults);
		if (refusal === 'reset') return;
		if (refusal) {
			if (refusal.retryAfter && p.retryAfter) extraHeaders['Retry-After'] = refusal.retryAfter;
			const name = STATUS_NAMES[refusal.status];
			return fail(refusal.status, refusal.cause === 'daily_limit' ? 'Daily API limit exceeded for this location' : refusal.status === 429 ? 'Too many requests' : name, name);
		}
		if (parsed === BAD_BODY) return fail(400, 'Unexpected token in JSON body', 'Bad Request');
		const delay = p.latency?.(record) ?? 0;
		if (typeof delay !== 'number') await delay;
		else if (delay > 0) await new Promise((r) => setTimeout(r, delay));

		const found = matchRoute(routes, record.method, url.pathname);
		if (found === undefined) return fail(404, `Cannot ${record.method} ${url.pathname}`, 'Not Found');
		if (found === 'method') return fail(404, `Cannot ${record.method} ${url.pathname}`, 'Not Found');
		const specErrors = specBodyErrors(record.method, url.pathname, record.rawBody, parsed);
		if (specErrors.length) return fail(422, specErrors, 'Unprocessable Entity');
		let replied: unknown;
		const ctx: GhlContext = {
			req,
			res,
			method: record.method,
			path: url.pathname,
			query: record.query,
			body: parsed as Record<string, unknown> | undefined,
			location: token.locationId,
			store: p.store,
			reply: (status, body) => {
				replied = body;
				answer(status, body);
			},
		};
		const write = record.method !== 'GET';
		const subject = write ? p.webhooks?.subject(record.method, found.route.pattern, found.params) : undefined;
		// Scoped to the contact the path names (a create compares the whole store).
		const before = write ? p.fingerprint?.(found.params.contactId) : undefined;
		try {
			await found.route.handle(ctx, found.params);
		} catch (error) {
			if (error instanceof GhlError) return fail(error.status, error.messages, error.error);
			fail(500, 'Internal server error', 'Internal Server Error');
			throw error;
		}
		if (before !== undefined && p.fingerprint) record.changed = record.dataChanged = p.fingerprint(found.params.contactId) !== before;
		if (subject) p.webhooks?.written(record, subject, replied, token.locationId);
	};
}
