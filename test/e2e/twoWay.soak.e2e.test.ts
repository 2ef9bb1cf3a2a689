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
import { ensureN8nInstalled, freePort, installPackage, N8n } from './harness/n8n';
import { prepareTemplate, readTemplate } from './harness/templates';
import { sortedSet, tally } from './twoWayChecks';
import { runEdits } from './twoWayEdits';
import { clio, edits, ghlApi, ghlLinkOf, ghlNotes, ghlTasks, paced, pairs, rankrNotes, rankrTasks, sleep, SOFT_TAG, waitForQuiet, word, world } from './twoWayWorld';

const GHL_MADE = Number(process.env.SOAK_GHL_CONTACTS ?? 120);
const CLIO_MADE = Number(process.env.SOAK_CLIO_CONTACTS ?? 80);
const EDITS = Number(process.env.SOAK_EDITS ?? 1000);
const FAULTS = { rate429: 0.02, rate500: 0.005, rate503: 0.005, rateReset: 0.005, retryAfterSeconds: 0 };

let n8n: N8n;
let ghl: GhlSandbox;
let rankr: RankrSandbox;
let workflowId: string;
const started = Date.now();

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
	world.ghl = ghl;
	rankr = await startRankrSandbox({ rateLimit: { max: 1_000_000, intervalMs: 60_000 }, recordChanges: true, webhookRetryDelaysMs: [1000, 2000, 4000, 8000] });
	world.rankr = rankr;
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

it('two-way soak: 200 contacts, 1,000 random edits on both sides under faults: parity, no duplicates, no hard deletes, no echo', async () => {
	const setUpDone = Date.now();
	await makeContacts();
	expect(pairs).toHaveLength(GHL_MADE + CLIO_MADE);
	const [ghlFrom, rankrFrom] = [ghl.requests.length ? ghl.requests[ghl.requests.length - 1].seq : 0, rankr.requests.length ? rankr.requests[rankr.requests.length - 1].seq : 0];
	ghl.setFaults(FAULTS);
	rankr.setFaults(FAULTS);
	const editsFrom = Date.now();
	await runEdits(EDITS);
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
	// Edits are held back while n8n catches up, so a slow machine takes longer rather than failing.
}, 45 * 60_000);
