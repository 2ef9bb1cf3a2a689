import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LOCATION_TOKEN_MISSING } from '../../credentials/GhlApi.credentials';
import { bodyInSpecTypes } from './ghlSpecTypes';
import type { PlannedRequest } from './operation';
import { stopIfPreflight } from './operation';
import { rateWindowFor } from './transport/pacer';
import { apiRequest, resolveTarget } from './transport/request';
import type { ApiProfile, ApiRequest, ApiResponse, RateLimitInfo, RequestContext } from './transport/types';

export const GHL_DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';
/** The API version every v2 endpoint of the Contacts API is documented under. */
export const GHL_API_VERSION = '2021-07-28';

function numberHeader(headers: Record<string, unknown>, name: string): number | undefined {
	const value = headers[name];
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(Array.isArray(value) ? value[0] : value);
	return Number.isFinite(n) ? n : undefined;
}

export function trimBaseUrl(url: unknown, fallback: string): string {
	const text = typeof url === 'string' && url.trim() ? url.trim() : fallback;
	return text.replace(/\/+$/, '');
}

/** GHL's error bodies: `{statusCode, message}` with message a string or a list; OAuth's `{error_description}`. */
export function ghlErrorMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return typeof body === 'string' && body ? body.slice(0, 500) : undefined;
	const b = body as { message?: unknown; error?: unknown; error_description?: unknown; msg?: unknown };
	if (Array.isArray(b.message)) return b.message.map(String).join('; ');
	if (typeof b.message === 'string' && b.message) return b.message;
	if (typeof b.error_description === 'string') return b.error_description;
	if (typeof b.msg === 'string') return b.msg;
	if (typeof b.error === 'string') return b.error;
	return undefined;
}

function ghlLocationId(type: string, credentials: ICredentialDataDecryptedObject): string {
	if (type === 'ghlOAuth2Api') {
		const token = (credentials.oauthTokenData ?? {}) as IDataObject;
		return String(token.locationId ?? credentials.locationId ?? '');
	}
	return String(credentials.locationId ?? '');
}

/**
 * An OAuth2 credential that was saved but never connected has no token: n8n would fail the request with
 * "Unable to sign without access token", which reads like a network fault. Say what is wrong and what to do.
 */
function assertOAuth2Connected(ctx: RequestContext, type: string, credentials: ICredentialDataDecryptedObject): void {
	if (type !== 'ghlOAuth2Api') return;
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	if (typeof token.access_token === 'string' && token.access_token) return;
	const name = ctx.getNode().credentials?.[type]?.name;
	const which = name ? `The GHL OAuth2 credential "${name}"` : 'The GHL OAuth2 credential';
	// The picker shows only the message, so it carries the fix; the description adds the alternative.
	throw new NodeOperationError(ctx.getNode(), `${which} is not connected: open it and click "Connect my account"`, {
		description:
			'n8n has no GHL token for this credential until you connect it and choose the location. Or set Authentication to "Private Integration Token" and pick a GHL API credential.',
	});
}

export const ghlProfile: ApiProfile = {
	service: 'GHL',
	credentialType(ctx: RequestContext) {
		return ctx.getNode().parameters.authentication === 'oAuth2' ? 'ghlOAuth2Api' : 'ghlApi';
	},
	resolveTarget(ctx, type, credentials) {
		assertOAuth2Connected(ctx, type, credentials);
		const baseUrl = trimBaseUrl(credentials.baseUrl, GHL_DEFAULT_BASE_URL);
		const locationId = ghlLocationId(type, credentials);
		const token = (credentials.oauthTokenData ?? {}) as IDataObject;
		const credentialId = ctx.getNode().credentials?.[type]?.id ?? type;
		return {
			baseUrl,
			pacingKey: `ghl|${baseUrl}|${credentialId}|${locationId}`,
			headers: { Version: GHL_API_VERSION, Accept: 'application/json' },
			secrets: [
				credentials.token,
				credentials.agencyToken,
				credentials.sessionToken,
				credentials.clientSecret,
				token.access_token,
				token.refresh_token,
			].filter((s): s is string => typeof s === 'string' && s.length > 0),
			account: { locationId },
		};
	},
	readRateLimit(headers): RateLimitInfo {
		return {
			max: numberHeader(headers, 'x-ratelimit-max'),
			remaining: numberHeader(headers, 'x-ratelimit-remaining'),
			intervalMs: numberHeader(headers, 'x-ratelimit-interval-milliseconds'),
			dailyMax: numberHeader(headers, 'x-ratelimit-limit-daily'),
			dailyRemaining: numberHeader(headers, 'x-ratelimit-daily-remaining'),
		};
	},
	errorMessage: ghlErrorMessage,
	defaultLimit: { max: 100, intervalMs: 10_000 },
};

/**
 * n8n's HTTP helper drops a body that is an empty object, but GHL's spec requires one on some calls
 * (Campaign → Add Contact, Workflow → Remove Contact): an empty body is sent as the JSON text "{}".
 */
function withEmptyBodyKept(request: ApiRequest): ApiRequest {
	const body = request.body;
	if (request.method === 'GET' || !body || Array.isArray(body) || Object.keys(body).length > 0) return request;
	return { ...request, body: '{}' as unknown as IDataObject, headers: { 'Content-Type': 'application/json', ...request.headers } };
}

/** A GHL API call through the shared transport; resolves to the response body. */
export async function ghlRequest<T = IDataObject>(ctx: RequestContext, request: ApiRequest): Promise<T> {
	stopIfPreflight(ctx, request);
	try {
		const typed = { ...request, body: bodyInSpecTypes(request.method, request.path, request.body) };
		const response: ApiResponse<T> = await apiRequest<T>(ctx, ghlProfile, withEmptyBodyKept(typed));
		return response.body;
	} catch (error) {
		throw credentialProblem(ctx, error, request.itemIndex) ?? error;
	}
}

/**
 * The agency-token exchange failing inside n8n's credential code reaches the transport as an error with no
 * HTTP status, which it words as "Could not reach GHL": say instead that the credential needs a look.
 */
function credentialProblem(ctx: RequestContext, error: unknown, itemIndex?: number): NodeOperationError | undefined {
	const message = error instanceof Error ? error.message : '';
	const at = message.indexOf(LOCATION_TOKEN_MISSING);
	if (at < 0) return undefined;
	const [what, ...fix] = message.slice(at).replace(/\)$/, '').split('. ');
	return new NodeOperationError(ctx.getNode(), `${what}.`, { itemIndex, description: fix.join('. ') });
}

/** The location the credential is bound to (Private Integration: its field; OAuth2: the token's). */
export async function ghlLocation(ctx: RequestContext): Promise<string> {
	const { target } = await resolveTarget(ctx, ghlProfile);
	return target.account.locationId;
}

/** What GHL's X-RateLimit-Daily-Remaining last said for this credential's location (undefined before any answer). */
export async function ghlDailyRemaining(ctx: RequestContext): Promise<number | undefined> {
	const { target } = await resolveTarget(ctx, ghlProfile);
	return rateWindowFor(target.pacingKey, ghlProfile.defaultLimit).daily.lastRemaining;
}

/** Path segments under /contacts/ that are endpoints, not contact IDs. */
const CONTACT_ENDPOINTS = new Set(['', 'search', 'upsert', 'bulk', 'business']);

/**
 * The GHL records one request touches, so the router keeps items on one record in order: the contact or
 * location tag in its path, contacts named in a bulk body, and the email or phone a create or upsert
 * matches on (two creates of one person must not overtake each other).
 */
export function ghlRecordKeys(request: PlannedRequest): string[] {
	const keys: string[] = [];
	const contact = /^\/contacts\/([^/?]*)/.exec(request.path)?.[1];
	if (contact !== undefined && !CONTACT_ENDPOINTS.has(contact)) keys.push(`contact:${contact}`);
	const tag = /^\/locations\/[^/]+\/tags\/([^/?]+)/.exec(request.path)?.[1];
	if (tag) keys.push(`tag:${tag}`);
	const body = (request.body ?? {}) as IDataObject;
	for (const list of [body.ids, body.contacts]) {
		if (Array.isArray(list)) for (const id of list) keys.push(`contact:${String(id)}`);
	}
	if (typeof body.email === 'string' && body.email) keys.push(`email:${body.email.toLowerCase()}`);
	if (body.phone !== undefined && body.phone !== '') keys.push(`phone:${String(body.phone).replace(/[^0-9+]/g, '')}`);
	if (/^\/locations\/[^/]+\/tags$/.test(request.path) && typeof body.name === 'string') keys.push(`tagName:${body.name.toLowerCase()}`);
	return keys;
}
