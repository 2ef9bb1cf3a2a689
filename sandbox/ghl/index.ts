/**
 * A test double of GoHighLevel's Contacts API v2 on 127.0.0.1: the spec's 32 operations plus the location
 * endpoints the nodes read, GHL's auth, error shapes, rate limit headers and 429s, fault injection, OAuth,
 * and signed webhook events. Tests, benchmarks and the demo use it; users can point credentials at it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { FaultOptions } from '../shared/faults';
import { FaultInjector } from '../shared/faults';
import type { RecordedRequest } from '../shared/http';
import { listenOnLoopback } from '../shared/http';
import { SlidingWindowLimiter } from '../shared/rateLimit';
import type { GhlDeliveryRecord, GhlWebhookOptions } from './delivery';
import { GhlWebhookSender } from './delivery';
import { TokenRegistry } from './oauth';
import { buildRoutes, handler } from './server';
import type { Pipeline } from './server';
import type { SeedOptions } from './store';
import { GhlStore } from './store';
import { buildEvent, publicKeys, sendEvent, signBody } from './webhooks';

export type { FaultOptions, GhlDeliveryRecord, GhlWebhookOptions, RecordedRequest };
export { GhlStore };

export interface GhlSandboxOptions {
	port?: number;
	locationId?: string;
	token?: string;
	extraLocations?: { locationId: string; token: string }[];
	agencyToken?: string;
	seed?: SeedOptions;
	rateLimit?: { max?: number; intervalMs?: number; dailyMax?: number } | false;
	/**
	 * Send `Retry-After` on 429s. GHL's docs name only the X-RateLimit-* headers, so it is off by default
	 * (the headers GHL documents, nothing more); transport tests run both ways.
	 */
	retryAfter?: boolean;
	/** The clock whose UTC date is the daily quota's day (tests move it past midnight). */
	clock?: () => number;
	faults?: FaultOptions;
	/**
	 * Task answers carry dateAdded, dateUpdated and completedAt, which GHL's spec does not document. Off by
	 * default: tasks have the spec's shape (TaskSchema). Tests of what reads tasks run both ways.
	 */
	taskTimestamps?: boolean;
	/** The location's "Allow Duplicate Contact" setting (see GhlStore.allowDuplicateContacts); default true. */
	allowDuplicateContacts?: boolean;
	oauth?: { clientId?: string; clientSecret?: string; accessTokenTtlSeconds?: number; locationTokenWithoutAccessToken?: boolean };
	/**
	 * Sends the events of the sandbox's own changes to a URL, as a Marketplace app's webhooks would (see
	 * delivery.ts). Off by default: GHL's API docs do not say which API writes fire which webhook.
	 */
	deliverWebhooks?: GhlWebhookOptions;
	/** Marks each write in the request log with whether it changed any record (RecordedRequest.changed). */
	recordChanges?: boolean;
}

export interface GhlSandbox {
	url: string;
	port: number;
	locationId: string;
	token: string;
	store: GhlStore;
	requests: RecordedRequest[];
	clearRequests(): void;
	setFaults(f: FaultOptions | undefined): void;
	setRateLimit(r: GhlSandboxOptions['rateLimit']): void;
	/** Holds chosen requests back before they are handled (ms, or until a promise settles); undefined clears it. */
	setLatency(latency: ((request: RecordedRequest) => number | Promise<void>) | undefined): void;
	setRetryAfter(on: boolean): void;
	oauth: {
		authorizeCode(opts?: { locationId?: string; scope?: string }): string;
		expireAccessTokens(): void;
		/** The switch of SPEC-undocumented behaviour: location-token answers without access_token. */
		setLocationTokenWithoutAccessToken(on: boolean): void;
		clientId: string;
		clientSecret: string;
	};
	webhooks: {
		ed25519PublicKeyPem: string;
		rsaPublicKeyPem: string;
		build(type: string, overrides?: Record<string, unknown>): Record<string, unknown>;
		sign(rawBody: string): { 'x-ghl-signature': string; 'x-wh-signature': string };
		send: typeof sendEvent;
	};
	/** With deliverWebhooks: every event sent, and how many are not answered for good yet. */
	deliveries: GhlDeliveryRecord[];
	outstandingDeliveries(): number;
	close(): Promise<void>;
}

/** The records' state without the timestamps every write bumps, so a write that changed nothing compares equal. */
export function storeFingerprint(store: GhlStore, contactId?: string): string {
	const strip = (r: Record<string, unknown>) => {
		const { dateUpdated: _u, completedAt: _c, ...rest } = r;
		return rest;
	};
	const mine = (r: { contactId: string }) => contactId === undefined || r.contactId === contactId;
	const contacts = contactId === undefined ? [...store.contacts.values()] : [store.contacts.get(contactId)].filter(Boolean);
	return JSON.stringify([contacts.map((c) => strip(c as Record<string, unknown>)), [...store.tasks.values()].filter(mine).map(strip), [...store.notes.values()].filter(mine).map(strip)]);
}

export const DEFAULT_LOCATION_ID = 've9EPM428h8vShlRW1KT';
export const DEFAULT_TOKEN = 'pit-sandbox-token';

function limitSettings(r: GhlSandboxOptions['rateLimit']) {
	if (r === false) return false as const;
	return { max: r?.max ?? 100, intervalMs: r?.intervalMs ?? 10_000, dailyMax: r?.dailyMax ?? 200_000 };
}

export async function startGhlSandbox(opts: GhlSandboxOptions = {}): Promise<GhlSandbox> {
	const locationId = opts.locationId ?? DEFAULT_LOCATION_ID;
	const token = opts.token ?? DEFAULT_TOKEN;
	const store = new GhlStore();
	const locations = new Set([locationId, ...(opts.extraLocations ?? []).map((l) => l.locationId)]);
	const tokens = new TokenRegistry(
		{
			clientId: opts.oauth?.clientId ?? 'sandbox-client-id',
			clientSecret: opts.oauth?.clientSecret ?? 'sandbox-client-secret',
			accessTokenTtlSeconds: opts.oauth?.accessTokenTtlSeconds ?? 86_399,
			companyId: 'sandbox-company',
			locationTokenWithoutAccessToken: opts.oauth?.locationTokenWithoutAccessToken ?? false,
		},
		locations,
	);
	tokens.tokens.set(token, { locationId, kind: 'pit' });
	tokens.tokens.set(opts.agencyToken ?? 'agency-sandbox-token', { locationId, kind: 'agency' });
	store.taskTimestamps = opts.taskTimestamps ?? false;
	// GHL_SANDBOX_ALLOW_DUPLICATES=false runs a whole test suite with the switch the other way.
	store.allowDuplicateContacts = opts.allowDuplicateContacts ?? process.env.GHL_SANDBOX_ALLOW_DUPLICATES !== 'false';
	store.seed(locationId, opts.seed);
	for (const extra of opts.extraLocations ?? []) {
		tokens.tokens.set(extra.token, { locationId: extra.locationId, kind: 'pit' });
		store.seed(extra.locationId, { contacts: 3 });
	}
	const clock = opts.clock ?? Date.now;
	const today = () => new Date(clock()).toISOString().slice(0, 10);
	const pipeline: Pipeline = {
		store,
		tokens,
		limiter: new SlidingWindowLimiter(limitSettings(opts.rateLimit), today),
		retryAfter: opts.retryAfter ?? false,
		faults: new FaultInjector(opts.faults),
		requests: [] as RecordedRequest[],
		webhooks: opts.deliverWebhooks ? new GhlWebhookSender(store, opts.deliverWebhooks) : undefined,
		fingerprint: opts.recordChanges ? (contactId?: string) => storeFingerprint(store, contactId) : undefined,
	};
	const handle = handler(pipeline, buildRoutes(tokens));
	const server = http.createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) res.writeHead(500).end();
		});
	});
	server.keepAliveTimeout = 30_000;
	await listenOnLoopback(server, opts.port ?? 0);
	const port = (server.address() as AddressInfo).port;
	const url = `http://127.0.0.1:${port}`;
	const keys = publicKeys();
	return {
		url,
		port,
		locationId,
		token,
		store,
		get requests() {
			return pipeline.requests;
		},
		clearRequests: () => {
			pipeline.requests.length = 0;
		},
		setFaults: (f) => pipeline.faults.set(f),
		setLatency: (latency) => {
			pipeline.latency = latency;
		},
		setRateLimit: (r) => {
			pipeline.limiter = new SlidingWindowLimiter(limitSettings(r), today);
		},
		setRetryAfter: (on) => {
			pipeline.retryAfter = on;
		},
		oauth: {
			authorizeCode: (o) => tokens.authorizeCode(o?.locationId ?? locationId, o?.scope),
			expireAccessTokens: () => tokens.expireAccessTokens(),
			setLocationTokenWithoutAccessToken: (on) => {
				tokens.settings.locationTokenWithoutAccessToken = on;
			},
			clientId: tokens.settings.clientId,
			clientSecret: tokens.settings.clientSecret,
		},
		webhooks: {
			ed25519PublicKeyPem: keys.ed25519,
			rsaPublicKeyPem: keys.rsa,
			build: (type, overrides) => buildEvent(store, locationId, type, overrides),
			sign: signBody,
			send: sendEvent,
		},
		deliveries: pipeline.webhooks?.deliveries ?? [],
		outstandingDeliveries: () => pipeline.webhooks?.outstanding ?? 0,
		close: () =>
			new Promise<void>((resolve) => {
				pipeline.webhooks?.stop();
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
