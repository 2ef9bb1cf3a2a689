/**
 * The two-way soak (issue #17): template 7 published in a real n8n, both triggers live, both sandboxes
 * delivering webhooks for every change (the sync's own writes included, as GHL and Rankr do) and injecting
 * faults. 200 contacts, then 1,000 random edits from a seeded PRNG on both sides in random order; at the end,
 * parity both ways, no duplicates, no hard deletes the user did not ask for, and no echo writes.
 *
 * Who wrote what is read from the sandboxes' request logs: the test's own requests (the "users": a GHL user,
 * a Rankr user, Clio's connector) carry `user-agent: soak-user`; every other write came from n8n's credentials.
 * Both sandboxes run with change recording, so each logged write says whether it changed anything.
 *
 * n8n runs one production execution at a time, as template 7's note asks (SOAK_CONCURRENCY=-1 lifts that).
 *
 * Counting (per side, GHL and Rankr), from the end of the 200 contacts' creation:
 *   sync writes      every request from n8n that the sandbox answered 2xx, but GETs, GHL's contact search
 *                    (a read sent as POST) and the Rankr Trigger's own subscription;
 *   echo writes      sync writes that changed nothing on that side (re-stated what it already held: the same
 *                    field value, a tag it had, a task state it had, a link it already held, ignoring the
 *                    timestamps every write bumps). Must be 0;
 *   crossing writes  sync writes that changed user data (fields, tags, tasks, notes, DND, archive);
 *   bookkeeping      sync writes to Rankr that changed only the sync's own records (links with their
 *                    snapshot, externalRef, externalTags);
 * and every crossing write is a change that had to cross: it is about a pair the test edited on the other
 * side before the write (or created there). So sync writes = crossing + bookkeeping, echo = 0, and no write
 * is unprompted. A reconcile pass at the end (one ContactUpdate / contact.updated event per contact, as
 * GHL and Rankr would send for any later change) repairs what a fault made a run drop: a GHL POST refused
 * with a 5xx or a reset is not retried (it is not idempotent), so that run fails and its change waits for
 * the next event. Its writes are counted like the others, and reported apart ("repaired").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { contactFields } from '../../nodes/shared/sync/mapping';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { eventOf, sendEvent } from '../../sandbox/ghl/webhooks';
import { startRankrSandbox } from '../../sandbox/rankr';
import type { RankrSandbox } from '../../sandbox/rankr';
import { prng } from '../../sandbox/shared/http';
import { ensureN8nInstalled, freePort, installPackage, N8n } from './harness/n8n';
import { prepareTemplate, readTemplate } from './harness/templates';

const SEED = Number(process.env.SOAK_SEED ?? 1703);
const GHL_MADE = Number(process.env.SOAK_GHL_CONTACTS ?? 120);
const CLIO_MADE = Number(process.env.SOAK_CLIO_CONTACTS ?? 80);
/** Progress lines while it runs (jest shows console output only at the end). */
const PROGRESS = process.env.SOAK_PROGRESS;
const EDITS = Number(process.env.SOAK_EDITS ?? 1000);
/**
 * One edit at most every PACE_MS, and none while more than BACKLOG webhook deliveries wait for n8n: a slow
 * machine gets fewer edits per second instead of a queue that outlasts the test.
 */
const PACE_MS = Number(process.env.SOAK_PACE_MS ?? 100);
const BACKLOG = Number(process.env.SOAK_BACKLOG ?? 12);
const FAULTS = { rate429: 0.02, rate500: 0.005, rate503: 0.005, rateReset: 0.005, retryAfterSeconds: 0 };
const SOFT_TAG = 'deleted-in-rankr';
const USER = { 'user-agent': 'soak-user' };

let n8n: N8n;
let ghl: GhlSandbox;
let rankr: RankrSandbox;
let workflowId: string;
const started = Date.now();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const random = prng(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const word = () => Math.floor(random() * 36 ** 5).toString(36);

/** A user's request: retried on the sandboxes' injected faults (they refuse before doing anything). */
async function call(base: string, auth: Record<string, string>, method: string, path: string, body?: unknown): Promise<any> {
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
const ghlApi = (method: string, path: string, body?: unknown) => call(ghl.url, { authorization: `Bearer ${ghl.token}`, version: '2021-07-28' }, method, path, body);
const rankrApi = (method: string, path: string, body?: unknown) => call(rankr.url, { authorization: `Bearer ${rankr.apiKey}` }, method, path, body);
const clio = (action: string, body: Record<string, unknown>) => rankrApi('POST', `/_sandbox/clio/${action}`, body);

/** One contact as both sides know it; `clioId` when Clio made it. */
interface Pair {
	ghlId: string;
	rankrId: string;
	clioId?: string;
	gone?: 'ghlDeleted' | 'rankrDeleted' | 'merged';
	mergedInto?: Pair;
}
const pairs: Pair[] = [];
/** Test edits: when, which pair, on which side. */
const edits: Array<{ at: number; pair: Pair; side: 'ghl' | 'rankr'; kind: string }> = [];

const live = () => pairs.filter((p) => !p.gone);
const ghlTasks = (id: string) => [...ghl.store.tasks.values()].filter((t) => t.contactId === id);
const ghlNotes = (id: string) => [...ghl.store.notes.values()].filter((n) => n.contactId === id);
const rankrTasks = (id: string) => [...rankr.store.tasks.values()].filter((t) => t.contactId === id);
const rankrNotes = (id: string) => [...rankr.store.notes.values()].filter((n) => n.contactId === id);
const ghlLinkOf = (record: { links: Array<{ system: string; id: string }>; externalRef: string | null }) =>
	record.links.find((l) => l.system === 'ghl')?.id ?? record.externalRef?.split(':').pop();

function progress(what: string): void {
	if (!PROGRESS) return;
	const writes = (log: Array<{ method: string; path: string; status: number; headers: Record<string, string>; changed?: boolean }>) => {
		const sync = log.filter(isSyncWrite);
		const echo = sync.filter((r) => !r.changed);
		return `${log.length} requests, ${sync.length} sync writes, ${echo.length} unchanged ${echo.slice(-2).map((r) => `[${r.method} ${(r as { path?: string }).path} ${(r as { rawBody?: string }).rawBody?.slice(0, 300)}]`).join(' ')}`;
	};
	fs.appendFileSync(PROGRESS, `${new Date().toISOString()} ${what}; GHL ${writes(ghl.requests)}; Rankr ${writes(rankr.requests)}; edits ${edits.length}\n`);
}

const pendingDeliveries = () => ghl.outstandingDeliveries() + rankr.deliveries.filter((d) => d.status === undefined && d.error === undefined).length;

async function paced(): Promise<void> {
	await sleep(PACE_MS);
	for (let i = 1; pendingDeliveries() > BACKLOG; i++) {
		if (i % 200 === 0) progress(`held back: ${pendingDeliveries()} deliveries pending`);
		await sleep(50);
	}
}

async function waitForQuiet(quietMs = 5000, timeoutMs = 240_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = [ghl.requests.length, rankr.requests.length].join();
	let since = Date.now();
	for (;;) {
		await sleep(500);
		const now = [ghl.requests.length, rankr.requests.length].join();
		const pending = pendingDeliveries();
		if (PROGRESS && Date.now() % 10_000 < 500) progress(`waiting: ${pending} deliveries pending`);
		if (now !== last || pending > 0) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) return;
		if (Date.now() > deadline) throw new Error(`not quiet after ${timeoutMs} ms (${pending} deliveries pending)`);
	}
}

beforeAll(async () => {
	// As template 7's note says: one production execution at a time (SOAK_CONCURRENCY=-1 lifts n8n's limit).
	ensureN8nInstalled();
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-soak-'));
	installPackage(base, process.env.SOAK_TARBALL); // a tarball packed beforehand, or built and packed now
	n8n = new N8n(await freePort(), base, path.join(base, 'n8n.log'));
	await n8n.start({ N8N_CONCURRENCY_PRODUCTION_LIMIT: process.env.SOAK_CONCURRENCY ?? '1' });
	await n8n.setUp();
	const template = readTemplate('7-ghl-rankr-two-way-sync.json');
	const hookOf = (type: string) => `${n8n.url}/webhook/${(template.nodes.find((n) => n.type === type) as unknown as { webhookId: string }).webhookId}/webhook`;
	ghl = await startGhlSandbox({
		seed: { contacts: 0 },
		rateLimit: { max: 1_000_000, intervalMs: 10_000, dailyMax: 100_000_000 },
		recordChanges: true,
		deliverWebhooks: { url: hookOf('n8n-nodes-ghl-rankr.ghlTrigger'), retryDelayMs: 2000 },
	});
	rankr = await startRankrSandbox({ rateLimit: { max: 1_000_000, intervalMs: 60_000 }, recordChanges: true, webhookRetryDelaysMs: [1000, 2000, 4000, 8000] });
	const workflow = prepareTemplate(template, {
		ghlCredential: await n8n.createCredential('GHL sandbox', 'ghlApi', { authType: 'location', token: ghl.token, locationId: ghl.locationId, baseUrl: ghl.url }),
		rankrCredential: await n8n.createCredential('Rankr sandbox', 'rankrApi', { apiKey: rankr.apiKey, baseUrl: rankr.url }),
		ghlPublicKeys: { ed25519: ghl.webhooks.ed25519PublicKeyPem, rsa: ghl.webhooks.rsaPublicKeyPem },
	});
	// Successful runs are not stored (thousands of them); failed ones are, and are counted.
	workflow.settings = { executionOrder: 'v1', saveDataSuccessExecution: 'none', saveDataErrorExecution: 'all', saveManualExecutions: false };
	workflowId = await n8n.importWorkflow(workflow as unknown as Record<string, unknown>);
	await n8n.api('POST', `/workflows/${workflowId}/activate`);
	ghlHook = hookOf('n8n-nodes-ghl-rankr.ghlTrigger');
	await n8n.waitForWebhook(ghlHook.split('/webhook/')[1]);
}, 600_000);

afterAll(async () => {
	await n8n?.stop();
	await ghl?.close();
	await rankr?.close();
});

/** 120 contacts made in GHL, 80 by Clio in Rankr; each crosses through its trigger. */
async function makeContacts(): Promise<void> {
	for (let i = 0; i < GHL_MADE + CLIO_MADE; i++) {
		const fields = { firstName: `F${i}`, lastName: `L${word()}`, email: `soak${i}@example.test`, phone: `+1415666${String(i).padStart(4, '0')}`, companyName: `Co ${word()}` };
		if (i < GHL_MADE) await ghlApi('POST', '/contacts/', { ...fields, locationId: ghl.locationId, tags: [`g-${i % 5}`] });
		else await clio('contact', { ...fields, clioId: `clio${i}`, tags: [`r-${i % 5}`] });
		await paced();
	}
	await waitForQuiet();
	for (const contact of rankr.store.contacts.values()) {
		const ghlId = ghlLinkOf(contact);
		if (!ghlId) throw new Error(`Rankr contact ${contact.id} never reached GHL`);
		pairs.push({ ghlId, rankrId: contact.id, clioId: contact.links.find((l) => l.system === 'clio')?.id });
	}
}

type Edit = (pair: Pair) => Promise<string | undefined>;

const ghlEdits: Array<[number, Edit]> = [
	// Not companyName: GHL's contact update does not take it (it is set when the contact is made).
	[30, async (p) => (await ghlApi('PUT', `/contacts/${p.ghlId}`, { [pick(['firstName', 'lastName', 'city', 'state'])]: `G ${word()}` }), 'field')],
	[12, async (p) => (await ghlApi('POST', `/contacts/${p.ghlId}/tags`, { tags: [`g-${Math.floor(random() * 8)}`] }), 'tag+')],
	[8, async (p) => {
		const tags = ghl.store.contacts.get(p.ghlId)?.tags.filter((t) => t !== SOFT_TAG) ?? [];
		if (!tags.length) return undefined;
		await ghlApi('DELETE', `/contacts/${p.ghlId}/tags`, { tags: [pick(tags)] });
		return 'tag-';
	}],
	[10, async (p) => (await ghlApi('POST', `/contacts/${p.ghlId}/tasks`, { title: `GT ${word()}`, dueDate: new Date(Date.now() + 86_400_000 * (1 + Math.floor(random() * 9))).toISOString(), completed: false }), 'task+')],
	[6, async (p) => {
		const open = ghlTasks(p.ghlId).filter((t) => !t.completed);
		if (!open.length) return undefined;
		await ghlApi('PUT', `/contacts/${p.ghlId}/tasks/${pick(open).id}/completed`, { completed: true });
		return 'task done';
	}],
	[8, async (p) => (await ghlApi('POST', `/contacts/${p.ghlId}/notes`, { body: `GN ${word()}` }), 'note+')],
	[5, async (p) => {
		const notes = ghlNotes(p.ghlId);
		if (!notes.length) return undefined;
		await ghlApi('PUT', `/contacts/${p.ghlId}/notes/${pick(notes).id}`, { body: `GN edited ${word()}` });
		return 'note edit';
	}],
	[1, async (p) => {
		await ghlApi('DELETE', `/contacts/${p.ghlId}`);
		p.gone = 'ghlDeleted';
		return 'delete';
	}],
];

const STATUSES = ['pending', 'in_progress', 'in_review', 'complete'];
const rankrEdits: Array<[number, Edit]> = [
	[30, async (p) => {
		const field = pick(['firstName', 'lastName', 'city', 'state']);
		if (p.clioId) await clio('contact', { clioId: p.clioId, [field]: `R ${word()}` });
		else await rankrApi('PATCH', `/v1/contacts/${p.rankrId}`, { [field]: `R ${word()}` });
		return 'field';
	}],
	[12, async (p) => (await rankrApi('POST', `/v1/contacts/${p.rankrId}/tags`, { tags: [`r-${Math.floor(random() * 8)}`] }), 'tag+')],
	[6, async (p) => {
		// A Rankr user removes tags Rankr added (r-*); those GHL supplied are GHL's to remove.
		const own = rankr.store.contacts.get(p.rankrId)?.tags.filter((t) => t.startsWith('r-')) ?? [];
		if (!own.length) return undefined;
		await rankrApi('DELETE', `/v1/contacts/${p.rankrId}/tags/${encodeURIComponent(pick(own))}`);
		return 'tag-';
	}],
	[10, async (p) => {
		const due = new Date(Date.now() + 86_400_000 * (1 + Math.floor(random() * 9))).toISOString();
		if (p.clioId) await clio('task', { contactClioId: p.clioId, clioTaskId: `ct${word()}`, title: `CT ${word()}`, status: 'pending', dueAt: due });
		else await rankrApi('POST', `/v1/contacts/${p.rankrId}/tasks`, { title: `RT ${word()}`, status: 'pending', dueAt: due });
		return 'task+';
	}],
	[10, async (p) => {
		const tasks = rankrTasks(p.rankrId);
		if (!tasks.length) return undefined;
		const task = pick(tasks);
		const change = random() < 0.6 ? { status: pick(STATUSES) } : { dueAt: new Date(Date.now() + 86_400_000 * (1 + Math.floor(random() * 20))).toISOString() };
		const clioTask = task.links.find((l) => l.system === 'clio');
		if (p.clioId && clioTask) await clio('task', { contactClioId: p.clioId, clioTaskId: clioTask.id, ...change });
		else await rankrApi('PATCH', `/v1/contacts/${p.rankrId}/tasks/${task.id}`, change);
		return 'task change';
	}],
	[8, async (p) => {
		if (p.clioId) await clio('note', { contactClioId: p.clioId, clioNoteId: `cn${word()}`, body: `CN ${word()}` });
		else await rankrApi('POST', `/v1/contacts/${p.rankrId}/notes`, { body: `RN ${word()}` });
		return 'note+';
	}],
	[5, async (p) => {
		const notes = rankrNotes(p.rankrId);
		if (!notes.length) return undefined;
		const note = pick(notes);
		const clioNote = note.links.find((l) => l.system === 'clio');
		if (p.clioId && clioNote) await clio('note', { contactClioId: p.clioId, clioNoteId: clioNote.id, body: `CN edited ${word()}` });
		else await rankrApi('PATCH', `/v1/contacts/${p.rankrId}/notes/${note.id}`, { body: `RN edited ${word()}` });
		return 'note edit';
	}],
	[1, async (p) => {
		if (!p.clioId) return undefined;
		await clio('delete', { clioId: p.clioId });
		p.gone = 'rankrDeleted';
		return 'delete';
	}],
	[1, async (p) => {
		const other = live().filter((o) => o !== p && o.clioId);
		if (!p.clioId || !other.length) return undefined;
		const merged = pick(other);
		await clio('merge', { survivorClioId: p.clioId, mergedClioId: merged.clioId });
		merged.gone = 'merged';
		merged.mergedInto = p;
		return 'merge';
	}],
];

function weighted(list: Array<[number, Edit]>): Edit {
	const total = list.reduce((s, [w]) => s + w, 0);
	let roll = random() * total;
	for (const [w, edit] of list) if ((roll -= w) < 0) return edit;
	return list[list.length - 1][1];
}

async function runEdits(): Promise<void> {
	let made = 0;
	while (made < EDITS) {
		const pair = pick(live());
		const side = random() < 0.5 ? 'ghl' : 'rankr';
		const at = Date.now();
		const kind = await weighted(side === 'ghl' ? ghlEdits : rankrEdits)(pair);
		if (!kind) continue;
		edits.push({ at, pair, side, kind });
		made++;
		if (made % 50 === 0) progress(`edit ${made}`);
		await paced();
	}
}

/** GHL and Rankr would send an event for any later change; here one per contact, so a run a fault cut short is repeated. */
async function reconcile(): Promise<void> {
	ghl.setFaults(undefined);
	rankr.setFaults(undefined);
	for (const p of pairs.filter((x) => x.gone !== 'merged' && x.gone !== 'rankrDeleted')) {
		const contact = ghl.store.contacts.get(p.ghlId);
		if (contact) await sendEvent(ghlHook, eventOf('ContactUpdate', ghl.locationId, contact));
		const r = rankr.store.contacts.get(p.rankrId);
		if (r) rankr.store.emit('contact.updated', { contact: r });
		await sleep(20);
	}
	await waitForQuiet();
}
let ghlHook = '';

interface Tally {
	sync: number;
	echo: Array<string>;
	crossing: number;
	bookkeeping: number;
	unprompted: string[];
}

/** A write from n8n's credentials: not a GET, not the search GHL answers by POST, not the trigger's subscription. */
const isSyncWrite = (r: { method: string; path: string; status: number; headers: Record<string, string> }) =>
	r.method !== 'GET' && r.path !== '/contacts/search' && !r.path.startsWith('/v1/webhooks') && r.status >= 200 && r.status < 300 && r.headers['user-agent'] !== 'soak-user';

function tally(side: 'ghl' | 'rankr', fromSeq: number): Tally {
	const log = (side === 'ghl' ? ghl.requests : rankr.requests).filter((r) => r.seq > fromSeq);
	const writes = log.filter(isSyncWrite);
	const out: Tally = { sync: writes.length, echo: [], crossing: 0, bookkeeping: 0, unprompted: [] };
	for (const w of writes) {
		if (!w.changed) {
			out.echo.push(`${w.method} ${w.path} ${w.rawBody.slice(0, 200)}`);
			continue;
		}
		if (!w.dataChanged) {
			out.bookkeeping++;
			continue;
		}
		out.crossing++;
		const id = side === 'ghl' ? /^\/contacts\/([^/]+)/.exec(w.path)?.[1] : /^\/v1\/contacts\/(ctc_[^/]+)/.exec(w.path)?.[1];
		const pair = pairs.find((p) => (side === 'ghl' ? p.ghlId : p.rankrId) === id || (side === 'rankr' && w.path === '/v1/contacts/upsert' && (w.body as { externalRef?: string }).externalRef?.endsWith(`:${p.ghlId}`)));
		if (!pair) continue; // a contact created by the sync while the 200 were made
		const other = side === 'ghl' ? 'rankr' : 'ghl';
		const prompted = edits.some((e) => e.side === other && e.at <= w.receivedAt && (e.pair === pair || e.pair.mergedInto === pair || pair.mergedInto === e.pair));
		if (!prompted) out.unprompted.push(`${w.method} ${w.path} ${w.rawBody.slice(0, 200)}`);
	}
	return out;
}

const sortedSet = (list: string[]) => [...new Set(list)].sort();

it('two-way soak: 200 contacts, 1,000 random edits on both sides under faults: parity, no duplicates, no hard deletes, no echo', async () => {
	const setUpDone = Date.now();
	await makeContacts();
	expect(pairs).toHaveLength(GHL_MADE + CLIO_MADE);
	const [ghlFrom, rankrFrom] = [ghl.requests.length ? ghl.requests[ghl.requests.length - 1].seq : 0, rankr.requests.length ? rankr.requests[rankr.requests.length - 1].seq : 0];
	ghl.setFaults(FAULTS);
	rankr.setFaults(FAULTS);
	const editsFrom = Date.now();
	await runEdits();
	await waitForQuiet();
	const settled = Date.now();
	const [ghlAtReconcile, rankrAtReconcile] = [ghl.requests[ghl.requests.length - 1].seq, rankr.requests[rankr.requests.length - 1].seq];
	await reconcile();
	const repaired = tally('ghl', ghlAtReconcile).crossing + tally('rankr', rankrAtReconcile).crossing;
	const failed = (await n8n.api('GET', `/executions?workflowId=${workflowId}&status=error&limit=250`)).data.length;
	const g = tally('ghl', ghlFrom);
	const r = tally('rankr', rankrFrom);
	const count = (side: string) => edits.filter((e) => e.side === side).length;
	console.log(
		`soak: set-up ${Math.round((setUpDone - started) / 1000)} s, contacts ${Math.round((editsFrom - setUpDone) / 1000)} s, edits ${Math.round((settled - editsFrom) / 1000)} s, reconcile ${Math.round((Date.now() - settled) / 1000)} s; ` +
			`edits GHL ${count('ghl')} / Rankr ${count('rankr')}; failed runs ${failed}, changes the reconcile pass repaired ${repaired}; ` +
			`GHL got ${g.sync} sync writes (${g.crossing} crossing, ${g.echo.length} echo); Rankr got ${r.sync} (${r.crossing} crossing, ${r.bookkeeping} bookkeeping, ${r.echo.length} echo)`,
	);

	// 0 echo writes, and every crossing write was prompted by an edit on the other side.
	expect({ ghl: g.echo.slice(0, 5), rankr: r.echo.slice(0, 5) }).toEqual({ ghl: [], rankr: [] });
	expect({ ghl: g.unprompted.slice(0, 5), rankr: r.unprompted.slice(0, 5) }).toEqual({ ghl: [], rankr: [] });
	expect(g.sync).toBe(g.crossing);
	expect(r.sync).toBe(r.crossing + r.bookkeeping);

	// No hard deletes by the sync: GHL contacts only soft-deleted, Rankr contacts never deleted.
	const syncDeletes = [...ghl.requests, ...rankr.requests].filter((q) => q.method === 'DELETE' && /^\/(v1\/)?contacts\/[^/]+$/.test(q.path) && q.headers['user-agent'] !== 'soak-user');
	expect(syncDeletes.map((q) => q.path)).toEqual([]);
	for (const p of pairs) {
		if (p.gone !== 'ghlDeleted') expect({ pair: p.ghlId, inGhl: ghl.store.contacts.has(p.ghlId) }).toEqual({ pair: p.ghlId, inGhl: true });
		if (!p.gone || p.gone === 'ghlDeleted') expect({ pair: p.rankrId, inRankr: rankr.store.contacts.has(p.rankrId) }).toEqual({ pair: p.rankrId, inRankr: true });
	}

	// Deletes and merges arrived softly.
	for (const p of pairs.filter((x) => x.gone)) {
		if (p.gone === 'ghlDeleted') expect(rankr.store.contacts.get(p.rankrId)?.archivedAt).toEqual(expect.any(String));
		else expect(ghl.store.contacts.get(p.ghlId)).toMatchObject({ tags: expect.arrayContaining([SOFT_TAG]), dnd: true });
	}

	// No duplicates: one GHL contact per email and per Rankr contact, one Rankr contact per GHL contact.
	const emails = ghl.store.contactsOf(ghl.locationId).map((c) => String(c.email));
	expect(emails.length - new Set(emails).size).toBe(0);
	expect(ghl.store.contactsOf(ghl.locationId).length).toBe(pairs.filter((p) => p.gone !== 'ghlDeleted').length);
	const linkedGhl = [...rankr.store.contacts.values()].map((c) => ghlLinkOf(c));
	expect(linkedGhl.length - new Set(linkedGhl).size).toBe(0);

	// Parity, both ways, for every pair both sides still hold.
	const problems: string[] = [];
	for (const p of pairs.filter((x) => !x.gone)) {
		const gc = ghl.store.contacts.get(p.ghlId)!;
		const rc = rankr.store.contacts.get(p.rankrId)!;
		const mapped = contactFields(gc as unknown as IDataObject);
		for (const f of ['firstName', 'lastName', 'email', 'phone', 'companyName', 'city', 'state']) {
			if ((mapped[f] ?? null) !== ((rc as unknown as Record<string, unknown>)[f] ?? null)) problems.push(`${p.rankrId} ${f}: GHL ${String(mapped[f])} / Rankr ${String((rc as unknown as Record<string, unknown>)[f])}`);
		}
		const gTags = sortedSet(gc.tags.filter((t) => t !== SOFT_TAG));
		if (gTags.join() !== sortedSet(rc.tags).join()) problems.push(`${p.rankrId} tags: GHL ${gTags.join()} / Rankr ${sortedSet(rc.tags).join()}`);
		for (const [kind, gl, rl] of [['task', ghlTasks(p.ghlId), rankrTasks(p.rankrId)], ['note', ghlNotes(p.ghlId), rankrNotes(p.rankrId)]] as const) {
			const linked = (rl as Array<{ links: Array<{ system: string; id: string }>; externalRef: string | null }>).map((x) => ghlLinkOf(x));
			const gIds = (gl as Array<{ id: string }>).map((x) => x.id);
			if (sortedSet(linked.map(String)).join() !== sortedSet(gIds).join() || linked.length !== gIds.length) problems.push(`${p.rankrId} ${kind}s: GHL ${gIds.length} / Rankr ${rl.length} linked ${linked.filter(Boolean).length}`);
		}
		for (const t of rankrTasks(p.rankrId)) {
			const gt = ghl.store.tasks.get(String(ghlLinkOf(t)));
			if (gt && (gt.title !== t.title || gt.completed !== (t.status === 'complete'))) problems.push(`${t.id}: GHL ${gt.title}/${gt.completed} Rankr ${t.title}/${t.status}`);
		}
		for (const n of rankrNotes(p.rankrId)) {
			const gn = ghl.store.notes.get(String(ghlLinkOf(n)));
			if (gn && gn.body !== n.body) problems.push(`${n.id}: GHL ${gn.body} / Rankr ${n.body}`);
		}
	}
	expect(problems.slice(0, 10)).toEqual([]);
});
