/**
 * A test double of Rankr on 127.0.0.1 implementing docs/rankr-openapi.yaml: all 36 operations, Bearer API
 * key, every request checked against the contract (an invalid one is answered 400 and recorded in
 * `contractViolations`), cursor pages, RateLimit-* headers and 429s, Idempotency-Key replay, fault
 * injection, the rule engine, and signed webhook deliveries.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { FaultOptions } from '../shared/faults';
import { FaultInjector } from '../shared/faults';
import { listenOnLoopback } from '../shared/http';
import { OpenApiValidator } from '../shared/openapi';
import { SlidingWindowLimiter } from '../shared/rateLimit';
import type { WebhookDeliveryRecord } from './delivery';
import { signRankrPayload, WebhookSender } from './delivery';
import type { IdempotentAnswer, RankrRecordedRequest } from './server';
import { handler } from './server';
import { RankrStore } from './store';

export type { FaultOptions, RankrRecordedRequest as RecordedRequest, WebhookDeliveryRecord };
export type * from './types';
export { RankrStore, signRankrPayload };
/** Seeding helpers that go through the API's own code (uniqueness checks, webhook events). */
export { addNote } from './notes';
export { addRule } from './rules';
export { changeScore } from './scores';
export { addTask, updateTask } from './tasks';
export { addWebhook } from './webhooks';
export { runEvent } from './events';
export { clioChange, CLIO_ACTIONS } from './clio';

export const RANKR_CONTRACT_PATH = path.join(__dirname, '..', '..', 'docs', 'rankr-openapi.yaml');
export const DEFAULT_RANKR_API_KEY = 'rk_sandbox_key';

export interface RankrSandboxOptions {
	port?: number;
	apiKey?: string;
	/** Default 600 requests per 60 s per key, as the contract says; `false` turns the limiter off (and its headers). */
	rateLimit?: false | { max: number; intervalMs: number };
	faults?: FaultOptions;
	/** Also check every answer against the contract, recording mismatches in `contractViolations`. */
	validateResponses?: boolean;
	/** Sample contacts to start with (`seed:<n>` externalRefs). */
	seedContacts?: number;
	/** Waits before each retry of a webhook delivery not answered 2xx (default none: one attempt). */
	webhookRetryDelaysMs?: number[];
	/** Marks each write in the request log with whether it changed any record (RecordedRequest.changed, dataChanged). */
	recordChanges?: boolean;
}

/**
 * The records' state, whole and without the sync's bookkeeping (links, externalRef, externalTags), each
 * without the timestamps a write bumps, so a write that changed nothing compares equal.
 */
export function storeFingerprints(store: RankrStore, contactId?: string): { all: string; data: string } {
	const mine = (r: { contactId: string }) => contactId === undefined || r.contactId === contactId;
	const contacts = contactId === undefined ? [...store.contacts.values()] : [store.contacts.get(contactId)];
	const records = [...contacts, ...[...store.tasks.values()].filter(mine), ...[...store.notes.values()].filter(mine)].filter(Boolean) as unknown as Array<Record<string, unknown>>;
	const all = records.map((r) => {
		const { updatedAt: _u, links, ...rest } = r;
		return { ...rest, links: ((links as Array<Record<string, unknown>>) ?? []).map(({ syncedAt: _s, ...l }) => l) };
	});
	const data = records.map((r) => {
		const { updatedAt: _u, links: _l, externalRef: _r, externalTags: _t, ...rest } = r;
		return rest;
	});
	return { all: JSON.stringify(all), data: JSON.stringify(data) };
}

export interface RankrSandbox {
	url: string;
	port: number;
	apiKey: string;
	store: RankrStore;
	requests: RankrRecordedRequest[];
	/** One line per request the contract does not allow (and, with validateResponses, per bad answer). */
	contractViolations: string[];
	deliveries: WebhookDeliveryRecord[];
	/** Awaits every webhook delivery queued so far. */
	flushWebhooks(): Promise<void>;
	/** Sends a recorded delivery again (same Rankr-Delivery ID, new signature), as Rankr's retries would. */
	redeliver(deliveryId: string): Promise<void>;
	setFaults(f: FaultOptions | undefined): void;
	setRateLimit(r: RankrSandboxOptions['rateLimit']): void;
	/** Empties the store, request log, violations, deliveries and idempotency memory; keeps options. */
	reset(): void;
	close(): Promise<void>;
}

function limitSettings(r: RankrSandboxOptions['rateLimit']) {
	if (r === false) return false as const;
	return { max: r?.max ?? 600, intervalMs: r?.intervalMs ?? 60_000, dailyMax: Number.POSITIVE_INFINITY };
}

export async function startRankrSandbox(opts: RankrSandboxOptions = {}): Promise<RankrSandbox> {
	const apiKey = opts.apiKey ?? DEFAULT_RANKR_API_KEY;
	const store = new RankrStore();
	const sender = new WebhookSender(store, undefined, opts.webhookRetryDelaysMs ?? []);
	const idempotency = new Map<string, IdempotentAnswer>();
	const pipeline = {
		apiKey,
		store,
		validator: OpenApiValidator.fromFile(RANKR_CONTRACT_PATH),
		limiter: new SlidingWindowLimiter(limitSettings(opts.rateLimit)),
		faults: new FaultInjector(opts.faults),
		validateResponses: opts.validateResponses ?? false,
		requests: [] as RankrRecordedRequest[],
		contractViolations: [] as string[],
		fingerprint: opts.recordChanges ? (contactId?: string) => storeFingerprints(store, contactId) : undefined,
	};
	if (opts.seedContacts) store.seedContacts(opts.seedContacts);
	const handle = handler(pipeline, idempotency);
	const server = http.createServer((req, res) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) res.writeHead(500).end();
		});
	});
	server.keepAliveTimeout = 30_000;
	await listenOnLoopback(server, opts.port ?? 0);
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		apiKey,
		store,
		requests: pipeline.requests,
		contractViolations: pipeline.contractViolations,
		deliveries: sender.deliveries,
		flushWebhooks: () => sender.flush(),
		redeliver: (id) => sender.redeliver(id),
		setFaults: (f) => pipeline.faults.set(f),
		setRateLimit: (r) => {
			pipeline.limiter = new SlidingWindowLimiter(limitSettings(r));
		},
		reset: () => {
			store.reset();
			idempotency.clear();
			pipeline.requests.length = 0;
			pipeline.contractViolations.length = 0;
			sender.deliveries.length = 0;
		},
		close: async () => {
			await sender.flush();
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			});
		},
	};
}
