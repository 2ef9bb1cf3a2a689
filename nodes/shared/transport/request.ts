import type { IAllExecuteFunctions, ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { normaliseHeaders, readFailure, redact, toNodeApiError } from './errors';
import { DailyLimitError, rateWindowFor } from './pacer';
import { backoffMs, classifyFailure, mayRetry, parseRetryAfter, retrySettings } from './retry';
import type { ApiProfile, ApiRequest, ApiResponse, RequestContext, ResolvedTarget } from './types';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * Decrypting credentials costs a lookup per call in n8n, so each context resolves its target once.
 * Keyed by the context object: it lives as long as one node run.
 */
const targets = new WeakMap<object, Map<string, Promise<ResolvedTarget>>>();

export async function resolveTarget(
	ctx: RequestContext,
	profile: ApiProfile,
): Promise<{ type: string; target: ResolvedTarget }> {
	const type = profile.credentialType(ctx);
	let byType = targets.get(ctx);
	if (!byType) {
		byType = new Map();
		targets.set(ctx, byType);
	}
	let pending = byType.get(type);
	if (!pending) {
		pending = (ctx.getCredentials(type) as Promise<ICredentialDataDecryptedObject>).then((credentials) =>
			profile.resolveTarget(ctx, type, credentials),
		);
		byType.set(type, pending);
		pending.catch(() => byType?.delete(type));
	}
	return { type, target: await pending };
}

/**
 * Sends one API request the way every node of this package does: paced to the account's rate limit,
 * retried where that is safe, failures turned into NodeApiErrors that carry the service's message and no
 * secret. Operations call this and know nothing of pacing or retries.
 */
export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	profile: ApiProfile,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const { type, target } = await resolveTarget(ctx, profile);
	const window = rateWindowFor(target.pacingKey, profile.defaultLimit);
	const signal = ctx.getExecutionCancelSignal?.();
	const idempotent =
		request.idempotent ?? (IDEMPOTENT_METHODS.has(request.method) || Boolean(request.headers?.['Idempotency-Key']));

	for (let attempt = 0; ; attempt++) {
		try {
			await window.acquire(signal);
		} catch (error) {
			const daily = error instanceof DailyLimitError;
			throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
				itemIndex: request.itemIndex,
				description: daily
					? `${profile.service} refuses further requests for this location until its daily quota resets.`
					: undefined,
			});
		}
		const options: IHttpRequestOptions = {
			method: request.method,
			url: target.baseUrl + request.path,
			qs: request.qs,
			body: request.body,
			headers: { ...target.headers, ...request.headers },
			json: true,
			returnFullResponse: true,
			timeout: retrySettings.timeoutMs,
		};
		let answered = false;
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx as IAllExecuteFunctions,
				type,
				options,
			)) as {
				statusCode: number;
				headers: Record<string, unknown>;
				body: T;
			};
			answered = true;
			const headers = normaliseHeaders(response.headers);
			window.release(profile.readRateLimit(headers), true);
			return { statusCode: response.statusCode, headers, body: response.body };
		} catch (error) {
			if (error instanceof NodeOperationError && !(error instanceof NodeApiError)) {
				// n8n's own refusal (e.g. the credential needs reconnecting): nothing to retry, passed on as is.
				window.release(undefined, false);
				throw new NodeOperationError(ctx.getNode(), error, { itemIndex: request.itemIndex });
			}
			const failure = readFailure(error);
			answered = failure.status !== undefined;
			const info = profile.readRateLimit(failure.headers);
			window.release(info, answered);
			const kind = classifyFailure(failure.status, failure.code, failure.message);
			const canRetry = attempt < retrySettings.maxRetries && mayRetry(kind, failure.code, idempotent);
			if (!canRetry) {
				throw toNodeApiError(
					ctx.getNode(),
					profile.service,
					failure,
					profile.errorMessage(failure.body),
					target.secrets,
					{ method: request.method, path: redact(request.path, target.secrets), attempts: attempt + 1, itemIndex: request.itemIndex },
				);
			}
			if (kind === 'rateLimited') {
				// Everyone on this key waits: the server told us the window is full.
				// Retry-After is honoured; a growing backoff on top keeps repeated 429s from burning the budget.
				const wait = parseRetryAfter(failure.headers['retry-after']) ?? info.retryAfterMs ?? window.intervalMs;
				window.holdFor(Math.max(wait, backoffMs(attempt), 1));
			} else {
				await sleep(backoffMs(attempt), signal);
			}
		}
	}
}
