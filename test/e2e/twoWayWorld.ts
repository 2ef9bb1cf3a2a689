/**
 * The two-way soak's world (test/e2e/twoWay.soak.e2e.test.ts): the sandboxes, the users' requests, the pairs
 * of linked contacts and the edits made so far, and waiting for n8n to catch up.
 */
import fs from 'node:fs';

import type { GhlSandbox } from '../../sandbox/ghl';
import type { RankrSandbox } from '../../sandbox/rankr';
import { prng } from '../../sandbox/shared/http';

/** Set by the test's beforeAll. */
export const world = {} as { ghl: GhlSandbox; rankr: RankrSandbox };

const SEED = Number(process.env.SOAK_SEED ?? 1703);
/** Progress lines while it runs (jest shows console output only at the end). */
export const PROGRESS = process.env.SOAK_PROGRESS;
/**
 * One edit at most every PACE_MS, and none while more than BACKLOG webhook deliveries wait for n8n: a slow
 * machine gets fewer edits per second instead of a queue that outlasts the test.
 */
const PACE_MS = Number(process.env.SOAK_PACE_MS ?? 100);
const BACKLOG = Number(process.env.SOAK_BACKLOG ?? 12);
const FAULTS = { rate429: 0.02, rate500: 0.005, rate503: 0.005, rateReset: 0.005, retryAfterSeconds: 0 };
export const SOFT_TAG = 'deleted-in-rankr';
export const USER = { 'user-agent': 'soak-user' };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const random = prng(SEED);
export const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
export const word = () => Math.floor(random() * 36 ** 5).toString(36);

/** A user's request: retried on the sandboxes' injected faults (they refuse before doing anything). */
export async function call(base: string, auth: Record<string, string>, method: string, path: string, body?: unknown): Promise<any> {
	for (let attempt = 0; ; attempt++) {
		try {
			const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json', ...auth, ...USER }, body: body === undefined ? undefined : JSON.stringify(body) });
			const text = await response.text();
			if (response.status === 429 || response.status >= 500) throw new Error(`${response.status}`);
			if (!response.ok) throw Object.assign(new Error(`${method} ${path} → ${response.status} ${text.slice(0, 200)}`), { final: true });
			return text ? JSON.parse(text) : undefined;
		} catch (error) {
			if ((error as { final?: boolean }).final || attempt > 20) throw error;
			await sleep(20);
		}
	}
}
export const ghlApi = (method: string, path: string, body?: unknown) => call(world.ghl.url, { authorization: `Bearer ${world.ghl.token}`, version: '2021-07-28' }, method, path, body);
export const rankrApi = (method: string, path: string, body?: unknown) => call(world.rankr.url, { authorization: `Bearer ${world.rankr.apiKey}` }, method, path, body);
export const clio = (action: string, body: Record<string, unknown>) => rankrApi('POST', `/_sandbox/clio/${action}`, body);

/** One contact as both sides know it; `clioId` when Clio made it. */
export interface Pair {
	ghlId: string;
	rankrId: string;
	clioId?: string;
	gone?: 'ghlDeleted' | 'rankrDeleted' | 'merged';
	mergedInto?: Pair;
}
export const pairs: Pair[] = [];
/** Test edits: when, which pair, on which side. */
export const edits: Array<{ at: number; pair: Pair; side: 'ghl' | 'rankr'; kind: string }> = [];

export const live = () => pairs.filter((p) => !p.gone);
export const ghlTasks = (id: string) => [...world.ghl.store.tasks.values()].filter((t) => t.contactId === id);
export const ghlNotes = (id: string) => [...world.ghl.store.notes.values()].filter((n) => n.contactId === id);
export const rankrTasks = (id: string) => [...world.rankr.store.tasks.values()].filter((t) => t.contactId === id);
export const rankrNotes = (id: string) => [...world.rankr.store.notes.values()].filter((n) => n.contactId === id);
export const ghlLinkOf = (record: { links: Array<{ system: string; id: string }>; externalRef: string | null }) =>
	record.links.find((l) => l.system === 'ghl')?.id ?? record.externalRef?.split(':').pop();

export function progress(what: string): void {
	if (!PROGRESS) return;
	const writes = (log: Array<{ method: string; path: string; status: number; headers: Record<string, string>; changed?: boolean }>) => {
		const sync = log.filter(isSyncWrite);
		const echo = sync.filter((r) => !r.changed);
		return `${log.length} requests, ${sync.length} sync writes, ${echo.length} unchanged ${echo.slice(-2).map((r) => `[${r.method} ${(r as { path?: string }).path} ${(r as { rawBody?: string }).rawBody?.slice(0, 300)}]`).join(' ')}`;
	};
	fs.appendFileSync(PROGRESS, `${new Date().toISOString()} ${what}; GHL ${writes(world.ghl.requests)}; Rankr ${writes(world.rankr.requests)}; edits ${edits.length}\n`);
}

export const pendingDeliveries = () => world.ghl.outstandingDeliveries() + world.rankr.deliveries.filter((d) => d.status === undefined && d.error === undefined).length;

export async function paced(): Promise<void> {
	await sleep(PACE_MS);
	for (let i = 1; pendingDeliveries() > BACKLOG; i++) {
		if (i % 200 === 0) progress(`held back: ${pendingDeliveries()} deliveries pending`);
		await sleep(50);
	}
}

export async function waitForQuiet(quietMs = 5000, timeoutMs = 240_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = [world.ghl.requests.length, world.rankr.requests.length].join();
	let since = Date.now();
	for (;;) {
		await sleep(500);
		const now = [world.ghl.requests.length, world.rankr.requests.length].join();
		const pending = pendingDeliveries();
		if (PROGRESS && Date.now() % 10_000 < 500) progress(`waiting: ${pending} deliveries pending`);
		if (now !== last || pending > 0) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) return;
		if (Date.now() > deadline) throw new Error(`not quiet after ${timeoutMs} ms (${pending} deliveries pending)`);
	}
}

/** A write from n8n's credentials: not a GET, not the search GHL answers by POST, not the trigger's subscription. */
export const isSyncWrite = (r: { method: string; path: string; status: number; headers: Record<string, string> }) =>
	r.method !== 'GET' && r.path !== '/contacts/search' && !r.path.startsWith('/v1/webhooks') && r.status >= 200 && r.status < 300 && r.headers['user-agent'] !== 'soak-user';
