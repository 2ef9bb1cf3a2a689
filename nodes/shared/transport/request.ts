import type { IAllExecuteFunctions, ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { normaliseHeaders, readFailure, redact, toNodeApiError } from './errors';
import { DailyLimitError, rateWindowFor } from './pacer';
import type { Slot } from './pacer';
import { afterRateLimit, backoffMs, classifyFailure, mayRetry, parseRetryAfter, retrySettings } from './retry';
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

	let limitedCount = 0; // 429s of this request, retried apart from other failures
	for (let attempt = 0; ; attempt++) {
		let slot: Slot;
		try {
			slot = await window.acquire(signal);
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
			const headers = normaliseHeaders(response.headers);
			window.release(profile.readRateLimit(headers), true, slot);
			return { statusCode: response.statusCode, headers, body: response.body };
		} catch (error) {
			if (error instanceof NodeOperationError && !(error instanceof NodeApiError)) {
				// n8n's own refusal (e.g. the credential needs reconnecting): nothing to retry, passed on as is.
				window.release(undefined, false, slot);
				throw new NodeOperationError(ctx.getNode(), error, { itemIndex: request.itemIndex });
			}
			const failure = readFailure(error);
			const answered = failure.status !== undefined;
			const info = profile.readRateLimit(failure.headers);
			const kind = classifyFailure(failure.status, failure.code, failure.message);
			if (kind === 'rateLimited') window.limited(info, slot);
			else window.release(info, answered, slot);
			// A 429 for the daily quota: the next acquire says so, with the reset time.
			if (kind === 'rateLimited' && window.daily.exhausted) continue;
			const canRetry =
				kind === 'rateLimited'
					? limitedCount < retrySettings.maxRateLimitRetries
					: attempt - limitedCount < retrySettings.maxRetries && mayRetry(kind, failure.code, idempotent);
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
				limitedCount++;
				const retryAfter = parseRetryAfter(failure.headers['retry-after']) ?? info.retryAfterMs;
				const next = afterRateLimit(limitedCount, window.intervalMs, retryAfter, info.remaining);
				if (next.holdKeyMs !== undefined) window.holdFor(next.holdKeyMs);
				if (next.waitMs > 0) await sleep(next.waitMs, signal);
			} else {
				await sleep(backoffMs(attempt - limitedCount), signal);
			}
		}
	}
}
