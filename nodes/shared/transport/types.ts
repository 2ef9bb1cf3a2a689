import type {
	IAllExecuteFunctions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

/** Any n8n context that may send authenticated requests (execute, loadOptions, poll, hooks, webhooks). */
export type RequestContext = Pick<IAllExecuteFunctions, 'getNode' | 'getCredentials' | 'helpers'> & {
	getExecutionCancelSignal?: () => AbortSignal | undefined;
};

/** What the rate-limit headers of one response say. Any field may be missing. */
export interface RateLimitInfo {
	max?: number;
	remaining?: number;
	intervalMs?: number;
	dailyMax?: number;
	dailyRemaining?: number;
	retryAfterMs?: number;
}

/** Where and as whom a request goes, resolved once per credential. */
export interface ResolvedTarget {
	baseUrl: string;
	/** Requests sharing this key share one rate-limit window (e.g. one app on one GHL location). */
	pacingKey: string;
	headers: Record<string, string>;
	/** Values that must never appear in an error message (tokens, keys). */
	secrets: string[];
	/** Account facts operations need, read from the credential (e.g. GHL's locationId). */
	account: Record<string, string>;
}

/** One API the transport speaks (GHL, Rankr): everything service-specific lives here. */
export interface ApiProfile {
	service: string;
	credentialType(ctx: RequestContext): string;
	resolveTarget(
		ctx: RequestContext,
		credentialType: string,
		credentials: ICredentialDataDecryptedObject,
	): ResolvedTarget;
	readRateLimit(headers: Record<string, unknown>): RateLimitInfo;
	/** The human message inside an error body, or undefined if the body has none. */
	errorMessage(body: unknown): string | undefined;
	defaultLimit: { max: number; intervalMs: number };
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, already encoded (build it with `apiPath`). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	/** True when sending it twice does no harm (reads, searches, upserts); GET/PUT/DELETE are assumed so. */
	idempotent?: boolean;
	/** The input item this request serves, for error messages. */
	itemIndex?: number;
}

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
}
