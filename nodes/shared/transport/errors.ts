import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What one failed attempt looked like, reduced to what is safe to show. */
export interface FailedAttempt {
	status?: number;
	code?: string;
	message: string;
	body?: unknown;
	headers: Record<string, unknown>;
}

/** Pulls status, headers and body out of whatever n8n's HTTP helpers threw, never the request config. */
export function readFailure(error: unknown): FailedAttempt {
	const outer = error as { cause?: unknown; message?: string };
	const inner = (outer?.cause ?? outer) as {
		response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
		code?: string;
		message?: string;
		httpCode?: string;
	};
	const response = inner?.response;
	const status = response?.status ?? (outer as { httpCode?: string }).httpCode;
	return {
		status: status === undefined || status === null ? undefined : Number(status) || undefined,
		code: inner?.code ?? (outer as { code?: string }).code,
		message: String(inner?.message ?? outer?.message ?? error),
		body: response?.data,
		headers: normaliseHeaders(response?.headers),
	};
}

export function normaliseHeaders(headers: unknown): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	if (!headers || typeof headers !== 'object') return out;
	const source =
		typeof (headers as { toJSON?: () => unknown }).toJSON === 'function'
			? ((headers as { toJSON: () => Record<string, unknown> }).toJSON() as Record<string, unknown>)
			: (headers as Record<string, unknown>);
	for (const [name, value] of Object.entries(source)) out[name.toLowerCase()] = value;
	return out;
}

/** Replaces every known secret (and its Bearer form) with a marker. */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
	}
	return out.replace(/Bearer\s+[A-Za-z0-9._~+/=-]{8,}/g, 'Bearer [redacted]');
}

const HINTS: Record<number, string> = {
	400: 'The service refused the request as sent; the message above says which value.',
	401: 'The credential was refused: check the token (or reconnect the OAuth2 credential).',
	403: 'The credential has no access to this resource: check the location ID and the scopes granted.',
	404: 'Nothing was found at that ID: check the ID (it may have been deleted).',
	409: 'The request conflicts with the current state of the record.',
	422: 'A field was missing or invalid; the message above names it.',
	429: 'Still rate-limited after waiting and retrying; try again later or lower the number of parallel workflows.',
};

/** The error a user sees: the service's own words, its status, no request headers, no secrets. */
export function toNodeApiError(
	node: INode,
	service: string,
	failure: FailedAttempt,
	serviceMessage: string | undefined,
	secrets: string[],
	context: { method: string; path: string; attempts: number; itemIndex?: number },
): NodeApiError {
	const status = failure.status;
	const what = serviceMessage ?? (status ? `HTTP ${status}` : failure.code ?? failure.message);
	const message = redact(
		status
			? `${service} answered ${status}: ${what}`
			: `Could not reach ${service} (${failure.code ?? failure.message})`,
		secrets,
	);
	const tries = context.attempts > 1 ? ` after ${context.attempts} attempts` : '';
	const description = redact(
		`${context.method} ${context.path}${tries}. ${(status && HINTS[status]) || (status ? '' : 'Check the base URL in the credential and the network.')}`.trim(),
		secrets,
	);
	const safeBody: JsonObject = {
		statusCode: status ?? null,
		message: redact(what, secrets),
	};
	return new NodeApiError(node, safeBody, {
		message,
		description,
		httpCode: status ? String(status) : undefined,
		itemIndex: context.itemIndex,
	});
}

/** Errors our transport raises are already n8n errors; anything else is wrapped so n8n shows it properly. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error);
}
