import type { IDataObject } from 'n8n-workflow';

/** Shared set-up for GHL → Rankr sync tests: the GHL Rankr Sync node in the n8n-core harness, both sandboxes running. */
import { GhlRankrSync } from '../../nodes/GhlRankrSync/GhlRankrSync.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { retrySettings } from '../../nodes/shared/transport/retry';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox, GhlSandboxOptions } from '../../sandbox/ghl';
import { clioChange, startRankrSandbox } from '../../sandbox/rankr';
import type { RankrSandbox, RankrSandboxOptions } from '../../sandbox/rankr';
import { registerNodeType } from '../harness/nodeTypes';
import { runNode } from '../harness/runNode';
import type { RunNodeResult } from '../harness/runNode';

export const RANKR = registerNodeType('ghlRankrSync', new GhlRankrSync());

export interface SyncSandboxes {
	ghl: GhlSandbox;
	rankr: RankrSandbox;
}

/**
 * Generous limits (not `false`): the sandboxes then send rate-limit headers, from which the transport's
 * pacer learns it may go fast; without headers it assumes each API's default, far too slow for these tests.
 */
export const FAST_GHL_LIMIT = { max: 1_000_000, intervalMs: 10_000, dailyMax: 100_000_000 };
export const FAST_RANKR_LIMIT = { max: 1_000_000, intervalMs: 60_000 };

export async function startSandboxes(ghlOptions: GhlSandboxOptions, rankrOptions: RankrSandboxOptions = {}): Promise<SyncSandboxes> {
	resetRateWindows();
	const [ghl, rankr] = await Promise.all([
		startGhlSandbox({ rateLimit: FAST_GHL_LIMIT, ...ghlOptions }),
		startRankrSandbox({ rateLimit: FAST_RANKR_LIMIT, validateResponses: true, ...rankrOptions }),
	]);
	return { ghl, rankr };
}

export async function runRankr(
	sb: SyncSandboxes,
	parameters: Record<string, unknown>,
	items: Array<Record<string, unknown>> = [{}],
	continueOnFail = false,
	/** The workflow's static data, carried from run to run as n8n keeps it for a published workflow. */
	staticData?: IDataObject,
): Promise<RunNodeResult> {
	return await runNode({
		type: RANKR,
		parameters: { authentication: 'privateIntegration', ...parameters },
		credentials: {
			rankrApi: { apiKey: sb.rankr.apiKey, baseUrl: sb.rankr.url },
			ghlApi: { authType: 'location', token: sb.ghl.token, locationId: sb.ghl.locationId, baseUrl: sb.ghl.url },
		},
		items: items as IDataObject[],
		continueOnFail,
		...(staticData ? { staticData } : {}),
	});
}

/** Sync to GHL of one Rankr contact; its output item (throws the node's error). */
export async function syncToGhlOf(sb: SyncSandboxes, rankrContactId: string, extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
	const result = await runRankr(sb, { operation: 'syncToGhl', rankrContactId, ...extra });
	if (result.error) throw result.error;
	return result.items[0].json as Record<string, any>;
}

/** Sync Contact of one GHL contact; its output item (throws the node's error). */
export async function syncContactOf(sb: SyncSandboxes, ghlContactId: string): Promise<Record<string, any>> {
	const result = await runRankr(sb, { operation: 'syncContact', contactId: { __rl: true, mode: 'id', value: ghlContactId } });
	if (result.error) throw result.error;
	return result.items[0].json as Record<string, any>;
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Sync Contact for every GHL contact of the location, one input item each. */
export async function syncAll(sb: SyncSandboxes, parameters: Record<string, unknown> = {}, ids?: string[]): Promise<RunNodeResult> {
	const contactIds = ids ?? sb.ghl.store.contactsOf(sb.ghl.locationId).map((c) => c.id);
	return await runRankr(sb, { operation: 'syncContact', ...parameters }, contactIds.map((contactId) => ({ contactId })));
}

/** The Rankr requests made since `from` that were not GETs. */
export function rankrWrites(sb: SyncSandboxes, from = 0): string[] {
	return sb.rankr.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}

/**
 * Fresh sandboxes for each test of the file (optionally synced once), checked against the contract and
 * closed after it. The object is filled in before each test, so tests read `sb.ghl`, `sb.rankr` as usual.
 */
export function sandboxesForEachTest(ghlOptions: GhlSandboxOptions, opts: { syncFirst?: boolean } = {}): SyncSandboxes {
	const sb = {} as SyncSandboxes;
	beforeEach(async () => {
		Object.assign(sb, await startSandboxes(ghlOptions));
		if (opts.syncFirst) await syncAll(sb);
	});
	afterEach(async () => {
		expect(sb.rankr.contractViolations).toEqual([]);
		await Promise.all([sb.ghl.close(), sb.rankr.close()]);
	});
	return sb;
}

/** The location's GHL contacts, a GHL contact's externalRef, and the Rankr contact linked to it. */
export function linkedRecords(sb: SyncSandboxes) {
	const ref = (id: string) => `ghl:${sb.ghl.locationId}:${id}`;
	return {
		ghlContacts: () => sb.ghl.store.contactsOf(sb.ghl.locationId),
		ref,
		rankrContact: (ghlId: string) => sb.rankr.store.contactBy('externalRef', ref(ghlId))!,
	};
}

/** Sync Location with the workflow's static data carried from run to run (as n8n keeps it for a published workflow). */
export async function runLocation(sb: SyncSandboxes, staticData: IDataObject, parameters: Record<string, unknown> = {}): Promise<RunNodeResult> {
	return await runRankr(sb, { operation: 'syncLocation', ...parameters }, [{}], false, staticData);
}

/** Parity Check with tags, tasks and notes: the summary item. */
export async function parity(sb: SyncSandboxes): Promise<IDataObject> {
	const { items, error } = await runRankr(sb, { operation: 'parityCheck', compareChildren: true });
	expect(error).toBeUndefined();
	return items[0].json;
}

/** What the sync fault suites inject on both APIs: 5 % 429s (Retry-After: 0), 2 % 5xx, 1 % resets, 1 % timeouts. */
export const SYNC_FAULTS = { rate429: 0.05, rate500: 0.01, rate503: 0.01, rateReset: 0.01, rateSlow: 0.01, slowMs: 1000, retryAfterSeconds: 0 };

/** For the whole file: short timeouts and backoff, so a timed-out or refused request is retried within milliseconds. */
export function fastRetriesForFile(): void {
	const saved = { ...retrySettings };
	beforeAll(() => {
		Object.assign(retrySettings, { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 100, timeoutMs: 400 });
	});
	afterAll(() => {
		Object.assign(retrySettings, saved);
	});
}

/** Changes made as Rankr's Clio connector would (sandbox/rankr/clio.ts), on this test's Rankr sandbox. */
export function clioFor(sb: SyncSandboxes): (action: string, body: Record<string, unknown>) => Record<string, any> {
	return (action, body) => clioChange(sb.rankr.store, action, body) as Record<string, any>;
}
