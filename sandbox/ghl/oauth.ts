/** Tokens the sandbox accepts: Private Integration tokens, OAuth access tokens (which expire), location tokens. */
import { randomBytes } from 'node:crypto';

import { route } from '../shared/http';
import type { GhlContext } from './context';

export interface TokenInfo {
	locationId: string;
	kind: 'pit' | 'oauth' | 'location' | 'agency';
	expiresAt?: number;
}

export interface OAuthSettings {
	clientId: string;
	clientSecret: string;
	accessTokenTtlSeconds: number;
	companyId: string;
	/**
	 * A switch for a failure GHL's docs do not describe: the location-token exchange answering 201 without
	 * an access_token (as a proxy or a changed API might). Off by default.
	 */
	locationTokenWithoutAccessToken?: boolean;
}

const secret = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;

export class TokenRegistry {
	readonly tokens = new Map<string, TokenInfo>();
	private readonly codes = new Map<string, { locationId: string; scope: string }>();
	private readonly refreshTokens = new Map<string, { locationId: string; scope: string }>();

	constructor(
		readonly settings: OAuthSettings,
		readonly locations: Set<string>,
	) {}

	lookup(token: string): TokenInfo | undefined {
		const info = this.tokens.get(token);
		if (!info) return undefined;
		if (info.expiresAt !== undefined && Date.now() >= info.expiresAt) return undefined;
		return info;
	}

	authorizeCode(locationId: string, scope = 'contacts.readonly contacts.write'): string {
		const code = secret('code');
		this.codes.set(code, { locationId, scope });
		return code;
	}

	expireAccessTokens(): void {
		for (const info of this.tokens.values()) if (info.kind === 'oauth' || info.kind === 'location') info.expiresAt = 0;
	}

	/** POST /oauth/token, answered outside the API's auth and rate limit as GHL's token endpoint is. */
	token(body: Record<string, unknown>): { status: number; body: Record<string, unknown> } {
		const s = this.settings;
		if (body.client_id !== s.clientId || body.client_secret !== s.clientSecret) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
		}
		let grant: { locationId: string; scope: string } | undefined;
		if (body.grant_type === 'authorization_code') {
			grant = this.codes.get(String(body.code));
			this.codes.delete(String(body.code));
		} else if (body.grant_type === 'refresh_token') {
			grant = this.refreshTokens.get(String(body.refresh_token));
			// Refresh tokens rotate: the one just used is spent.
			this.refreshTokens.delete(String(body.refresh_token));
		} else {
			return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'grant_type must be authorization_code or refresh_token' } };
		}
		if (!grant) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid authorization code or refresh token' } };
		const accessToken = secret('oauth-at');
		const refreshToken = secret('oauth-rt');
		this.tokens.set(accessToken, { locationId: grant.locationId, kind: 'oauth', expiresAt: Date.now() + s.accessTokenTtlSeconds * 1000 });
		this.refreshTokens.set(refreshToken, grant);
		return {
			status: 200,
			body: {
				access_token: accessToken,
				token_type: 'Bearer',
				expires_in: s.accessTokenTtlSeconds,
				refresh_token: refreshToken,
				scope: grant.scope,
				userType: 'Location',
				locationId: grant.locationId,
				companyId: s.companyId,
				userId: 'sandbox-user',
			},
		};
	}
}

/** POST /oauth/locationToken: an agency token buys a token for one of its locations. */
export const oauthRoutes = (registry: TokenRegistry) => [
	route<GhlContext>('POST', '/oauth/locationToken', (ctx) => {
		const auth = registry.lookup(String(ctx.req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
		const body = ctx.body ?? {};
		if (auth?.kind !== 'agency') return ctx.reply(401, { statusCode: 401, message: 'This route is only for agency tokens' });
		if (body.companyId !== registry.settings.companyId || !registry.locations.has(String(body.locationId))) {
			return ctx.reply(400, { statusCode: 400, message: 'Location not found for this company' });
		}
		const token = secret('location-at');
		registry.tokens.set(token, { locationId: String(body.locationId), kind: 'location', expiresAt: Date.now() + registry.settings.accessTokenTtlSeconds * 1000 });
		if (registry.settings.locationTokenWithoutAccessToken) {
			registry.tokens.delete(token);
			return ctx.reply(201, { token_type: 'Bearer', locationId: body.locationId, userType: 'Location' });
		}
		ctx.reply(201, {
			access_token: token,
			token_type: 'Bearer',
			expires_in: registry.settings.accessTokenTtlSeconds,
			scope: 'contacts.readonly contacts.write',
			locationId: body.locationId,
			userType: 'Location',
		});
	}),
];
