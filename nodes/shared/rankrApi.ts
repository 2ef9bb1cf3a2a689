import { randomUUID } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { trimBaseUrl } from './ghlApi';
import { apiRequest } from './transport/request';
import type { ApiProfile, ApiRequest, RateLimitInfo } from './transport/types';

function numberHeader(headers: Record<string, unknown>, name: string): number | undefined {
	const value = headers[name];
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** Rankr's error shape: `{error: {code, message, details: [{field, message}]}}`. */
export function rankrErrorMessage(body: unknown): string | undefined {
	const error = (body as { error?: { code?: string; message?: string; details?: Array<{ field?: string; message?: string }> } })
		?.error;
	if (!error || typeof error !== 'object') return undefined;
	const details = (error.details ?? []).map((d) => (d.field ? `${d.field}: ${d.message}` : String(d.message))).join('; ');
	return [error.message ?? error.code, details].filter(Boolean).join(' — ') || undefined;
}

export const rankrProfile: ApiProfile = {
	service: 'Rankr',
	credentialType: () => 'rankrApi',
	resolveTarget(ctx, type, credentials) {
		const baseUrl = trimBaseUrl(credentials.baseUrl, '');
		const credentialId = ctx.getNode().credentials?.[type]?.id ?? type;
		return {
			baseUrl,
			pacingKey: `rankr|${baseUrl}|${credentialId}`,
			headers: { Accept: 'application/json' },
			secrets: [credentials.apiKey].filter((s): s is string => typeof s === 'string' && s.length > 0),
			account: {},
		};
	},
	readRateLimit(headers): RateLimitInfo {
		const limit = numberHeader(headers, 'ratelimit-limit');
		const remaining = numberHeader(headers, 'ratelimit-remaining');
		const reset = numberHeader(headers, 'ratelimit-reset');
		return { max: limit, remaining, retryAfterMs: reset !== undefined ? reset * 1000 : undefined };
	},
	errorMessage: rankrErrorMessage,
	defaultLimit: { max: 600, intervalMs: 60_000 },
};

/**
 * A Rankr API call through the shared transport; resolves to the response body. Every POST carries an
 * Idempotency-Key (one per logical call, reused by the transport's retries), so Rankr applies it once even
 * when a reset or timeout makes us send it again, and the transport may therefore retry it.
 */
export async function rankrRequest<T = IDataObject>(ctx: Parameters<typeof apiRequest>[0], request: ApiRequest): Promise<T> {
	const headers =
		request.method === 'POST' && !request.headers?.['Idempotency-Key']
			? { ...request.headers, 'Idempotency-Key': randomUUID() }
			: request.headers;
	// Rankr's PATCH sets absolute values, so sending one twice does no harm: retry it like a PUT.
	const idempotent = request.idempotent ?? (request.method === 'PATCH' ? true : undefined);
	return (await apiRequest<T>(ctx, rankrProfile, { ...request, headers, idempotent })).body;
}
