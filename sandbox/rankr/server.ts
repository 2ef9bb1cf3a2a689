/**
 * The Rankr sandbox's HTTP pipeline: record → auth (401) → rate limit (429) → faults → contract check
 * (404/405/400, recorded in contractViolations) → Idempotency-Key replay/409 → route → (optionally) the
 * answer checked against the contract too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FaultInjector } from '../shared/faults';
import { limitAndFaults } from '../shared/faults';
import type { RecordedRequest, Route } from '../shared/http';
import { BAD_BODY, matchRoute, recordRequest, sendJson } from '../shared/http';
import type { OpenApiValidator, Operation } from '../shared/openapi';
import { describeErrors, summarize } from '../shared/openapi';
import type { SlidingWindowLimiter } from '../shared/rateLimit';
import { accountRoutes } from './account';
import { batchRoutes } from './batch';
import { clioChange } from './clio';
import { contactRoutes } from './contacts';
import type { RankrContext } from './context';
import { RankrError } from './context';
import { eventRoutes } from './events';
import { noteRoutes } from './notes';
import { ruleRoutes } from './rules';
import { scoreRoutes } from './scores';
import type { RankrStore } from './store';
import type { System } from './types';
import { tagRoutes } from './tags';
import { taskRoutes } from './tasks';
import { webhookRoutes } from './webhooks';

export interface RankrRecordedRequest extends RecordedRequest {
	operationId?: string;
	idempotentReplay?: boolean;
}

export interface Pipeline {
	apiKey: string;
	store: RankrStore;
	validator: OpenApiValidator;
	limiter: SlidingWindowLimiter;
	faults: FaultInjector;
	validateResponses: boolean;
	requests: RankrRecordedRequest[];
	contractViolations: string[];
	/** With change recording on: the records' state, compared around each write (RecordedRequest.changed). */
	fingerprint?: (contactId?: string) => { all: string; data: string };
}

/** Fixed paths before parameterised ones that could swallow them (/contacts/upsert before /contacts/{id}). */
export const rankrRoutes: Route<RankrContext>[] = [
	...accountRoutes,
	...batchRoutes,
	...contactRoutes,
	...taskRoutes,
	...noteRoutes,
	...tagRoutes,
	...scoreRoutes,
	...ruleRoutes,
	...eventRoutes,
	...webhookRoutes,
];

const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

export interface IdempotentAnswer {
	fingerprint: string;
	status: number;
	body: unknown;
	storedAt: number;
}

function rateHeaders(p: Pipeline, key: string, now: number, remaining: number): Record<string, string> {
	const s = p.limiter.settings;
	if (!s) return {};
	return {
		'RateLimit-Limit': String(s.max),
		'RateLimit-Remaining': String(remaining),
		'RateLimit-Reset': String(Math.ceil(p.limiter.msUntilOldestExpires(key, now) / 1000)),
	};
}

export function handler(p: Pipeline, idempotency: Map<string, IdempotentAnswer>) {
	let seq = 0;
	return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const { url, record: base, parsed } = await recordRequest(req, ++seq, 'application/json');
		const record: RankrRecordedRequest = base;
		const { receivedAt } = record;
		p.requests.push(record);
		let operation: Operation | undefined;
		let headers: Record<string, string> = {};
		const answer = (status: number, body?: unknown) => {
			record.status = status;
			// An injected 5xx is the sandbox misbehaving on purpose; only real answers are held to the contract.
			if (operation && p.validateResponses && !(record.fault && status >= 500)) {
				const problems = p.validator.validateResponse(operation, status, body, headers);
				if (problems.length) p.contractViolations.push(`response ${status} to ${record.method} ${record.path} (${operation.operationId}): ${describeErrors(problems)}`);
			}
			if (res.headersSent) return;
			if (status === 204) {
				res.writeHead(204, headers);
				res.end();
			} else sendJson(res, status, body, headers);
		};
		const fail = (error: RankrError) => answer(error.status, error.body);

		// Which operation, early: so even a 401 or 429 answer can be checked against the operation's responses.
		const matched = p.validator.match(record.method, url.pathname);
		operation = matched && 'operation' in matched ? matched.operation : undefined;
		record.operationId = operation?.operationId;

		const bearer = /^Bearer\s+(.+)$/i.exec(record.headers.authorization ?? '')?.[1]?.trim();
		if (bearer !== p.apiKey) return fail(new RankrError(401, 'unauthorized', bearer ? 'Unknown API key' : 'Send the API key as Authorization: Bearer <key>'));

		const limit = p.limiter.take(bearer, receivedAt);
		headers = rateHeaders(p, bearer, receivedAt, limit.remaining);
		const refusal = await limitAndFaults(req, record, limit, p.faults);
		if (refusal === 'reset') return;
		if (refusal) {
			if (refusal.retryAfter) headers['Retry-After'] = refusal.retryAfter;
			if (refusal.status !== 429) return fail(new RankrError(refusal.status, 'internal', `Injected fault ${refusal.status}`));
			return fail(new RankrError(429, 'rate_limited', refusal.cause === 'injected' ? 'Too many requests (injected fault)' : 'Too many requests; wait Retry-After seconds'));
		}

		if (parsed === BAD_BODY) {
			const error = RankrError.invalid([{ field: 'body', message: 'is not valid JSON' }]);
			p.contractViolations.push(`${record.method} ${record.path}: body: is not valid JSON`);
			return fail(error);
		}
		// The sandbox playing Clio's connector (clio.ts): outside the contract, so before its check.
		if (record.method === 'POST' && url.pathname.startsWith('/_sandbox/clio/')) {
			try {
				// The Clio connector's own writes are not the API's: change recording leaves them unmarked.
				return answer(200, JSON.parse(JSON.stringify(clioChange(p.store, url.pathname.slice('/_sandbox/clio/'.length), (parsed ?? {}) as Record<string, unknown>))));
			} catch (error) {
				if (error instanceof RankrError) return fail(error);
				throw error;
			}
		}
		const check = p.validator.validateRequest({ method: record.method, path: req.url ?? '/', headers: record.headers, body: parsed });
		if (check.outcome !== 'ok') {
			p.contractViolations.push(summarize(record, check));
			if (check.outcome === 'not_found') return fail(new RankrError(404, 'not_found', `No operation ${record.method} ${record.path}`, check.errors));
			if (check.outcome === 'method_not_allowed') {
				headers.Allow = check.allowedMethods?.join(', ') ?? '';
				return fail(new RankrError(405, 'not_found', `${record.method} is not allowed on ${record.path}`, check.errors));
			}
			return fail(RankrError.invalid(check.errors));
		}

		const key = record.method === 'POST' ? record.headers['idempotency-key'] : undefined;
		const fingerprint = `${record.method} ${record.path}\n${JSON.stringify(parsed ?? null)}`;
		if (key !== undefined) {
			const earlier = idempotency.get(key);
			if (earlier && receivedAt - earlier.storedAt < IDEMPOTENCY_TTL_MS) {
				if (earlier.fingerprint !== fingerprint) {
					return fail(new RankrError(409, 'idempotency_conflict', 'This Idempotency-Key was used with another request', [{ field: 'header.Idempotency-Key', message: 'was used with another body' }]));
				}
				record.idempotentReplay = true;
				headers['Idempotent-Replayed'] = 'true';
				return answer(earlier.status, earlier.body);
			}
		}

		const found = matchRoute(rankrRoutes, record.method, url.pathname);
		if (found === undefined || found === 'method') return fail(new RankrError(500, 'internal', `The sandbox does not implement ${record.operationId}`));
		let replied: { status: number; body: unknown } | undefined;
		const ctx: RankrContext = {
			method: record.method,
			path: record.path,
			query: check.query,
			body: parsed,
			store: p.store,
			reply: (status, body) => {
				replied = { status, body: body === undefined ? undefined : JSON.parse(JSON.stringify(body)) };
			},
		};
		// Scoped to the contact the write is about (the path's, or the one an upsert's externalRef names).
		const scope = check.pathParams.contactId ?? (record.path === '/v1/contacts/upsert' ? p.store.contactBy('externalRef', String((parsed as { externalRef?: unknown })?.externalRef ?? ''))?.id : undefined);
		const before = record.method !== 'GET' ? p.fingerprint?.(scope) : undefined;
		try {
			// The write's Rankr-Origin (already checked against the contract) goes with the events it fires.
			const origin = (record.headers['rankr-origin'] ?? 'rankr') as System;
			await p.store.as(origin, () => found.route.handle(ctx, check.pathParams));
			if (before && p.fingerprint) {
				const after = p.fingerprint(scope);
				record.changed = after.all !== before.all;
				record.dataChanged = after.data !== before.data;
			}
		} catch (error) {
			if (error instanceof RankrError) {
				// Rules the schemas cannot say (upsert's matchBy field, a cursor we never gave) are the contract's too.
				if (error.code === 'validation_failed') p.contractViolations.push(`${record.method} ${record.path} (${record.operationId}): ${describeErrors(error.details)}`);
				return fail(error);
			}
			fail(new RankrError(500, 'internal', 'Internal error'));
			throw error;
		}
		if (!replied) return fail(new RankrError(500, 'internal', 'No answer'));
		// Only successes are remembered: a refused request may be retried with the same key once fixed.
		if (key !== undefined && replied.status < 300) idempotency.set(key, { fingerprint, status: replied.status, body: replied.body, storedAt: receivedAt });
		answer(replied.status, replied.body);
	};
}
