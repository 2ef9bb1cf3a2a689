/**
 * Sync Location: what changed in a GHL location since the last run reaches Rankr, in batches, with the
 * cursor in the workflow's static data. Each case ends with Parity Check (tags, tasks, notes) agreeing.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LocationSummary } from '../../nodes/shared/sync/syncLocation';

import type { SyncSandboxes } from './setup';
import { parity, rankrWrites, runLocation, startSandboxes } from './setup';

// Each case syncs 250 contacts and runs Parity Check with children (about 1,000 reads): room on a loaded machine.
jest.setTimeout(180_000);

const CONTACTS = 250;
let sb: SyncSandboxes;
let staticData: IDataObject;

beforeEach(async () => {
	sb = await startSandboxes({ seed: { contacts: CONTACTS, tasksPerContact: 2, notesPerContact: 1 } });
	staticData = {};
});
afterEach(async () => {
	expect(sb.rankr.contractViolations).toEqual([]);
	await Promise.all([sb.ghl.close(), sb.rankr.close()]);
});

const ghlContacts = () => sb.ghl.store.contactsOf(sb.ghl.locationId);
const ref = (id: string) => `ghl:${sb.ghl.locationId}:${id}`;
const rankrContact = (ghlId: string) => sb.rankr.store.contactBy('externalRef', ref(ghlId));
const ghlRequests = (from = 0) => sb.ghl.requests.slice(from);

/**
 * The GHL sandbox's clock runs up to a few hundred ms ahead after seeding (it hands out strictly rising
 * times); a change dated after a run's start belongs to the next run's window. Tests wait for the clock to
 * catch up so that each run sees the changes made before it.
 */
async function clockCaughtUp() {
	const latest = Math.max(...ghlContacts().map((c) => Date.parse(c.dateUpdated)));
	while (Date.now() <= latest) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Where the last run's window ended, from the cursor in the workflow's static data. */
function cursorSince(): number {
	const nodeData = staticData['node:Node Under Test'] as { ghlRankrSyncLocation: Record<string, { since: string }> };
	return Date.parse(nodeData.ghlRankrSyncLocation[sb.ghl.locationId].since);
}

async function syncRun(parameters: Record<string, unknown> = {}) {
	await clockCaughtUp();
	const { items, error } = await runLocation(sb, staticData, parameters);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	return items[0].json as unknown as LocationSummary;
}

describe('GHL Sync → Sync Location', () => {
	it('first run copies every contact with tasks and notes, about one GHL request a contact and a few Rankr batches', async () => {
		const summary = await syncRun();
		expect(summary).toMatchObject({ read: CONTACTS, created: CONTACTS, updated: 0, failed: 0, complete: true, stoppedByBudget: false });
		expect(summary.tasks).toMatchObject({ created: CONTACTS * 2, failed: 0 });
		expect(summary.notes).toMatchObject({ created: CONTACTS, failed: 0 });
		// Counted by the sandboxes, not by the node: 250 notes reads + 3 search pages + 3 × 5 task pages (+ deletion scan).
		expect(ghlRequests().length).toBe(summary.requests.ghl);
		expect(sb.rankr.requests.length).toBe(summary.requests.rankr);
		expect(summary.requests.ghl / CONTACTS).toBeLessThanOrEqual(1.1);
		expect(summary.requests.rankr / CONTACTS).toBeLessThanOrEqual(0.2);
		expect(ghlRequests().filter((r) => r.method === 'GET' && /\/tasks$/.test(r.path))).toEqual([]);
		expect(sb.rankr.store.contacts.size).toBe(CONTACTS);
		expect(await parity(sb)).toMatchObject({ inParity: true, ghlCount: CONTACTS, rankrCount: CONTACTS });
	});

	it('an incremental run reads and writes only the contacts that changed, and a run after it writes nothing', async () => {
		await syncRun();
		const [a, b] = ghlContacts();
		sb.ghl.store.updateContact(a.id, { city: 'Lyon', tags: [...a.tags, 'Moved'] });
		sb.ghl.store.updateContact(b.id, { firstName: 'Bea' });
		sb.ghl.store.addTask(b.id, { title: 'New task', body: '', dueDate: '2031-01-01T00:00:00.000Z' });
		const mark = sb.rankr.requests.length;
		const ghlMark = sb.ghl.requests.length;
		const summary = await syncRun();
		expect(summary).toMatchObject({ read: 2, updated: 2, created: 0, unchanged: 0 });
		expect(summary.tasks).toMatchObject({ created: 1, unchanged: 4 });
		expect(rankrContact(a.id)).toMatchObject({ city: 'Lyon' });
		expect(rankrContact(a.id)?.tags).toContain('moved');
		expect(rankrContact(b.id)).toMatchObject({ firstName: 'Bea' });
		// 1 search page, 1 task search, 2 notes reads.
		expect(ghlRequests(ghlMark)).toHaveLength(4);
		expect(rankrWrites(sb, mark)).toEqual(['POST /v1/contacts/batch-upsert', 'POST /v1/tasks/batch-upsert', 'POST /v1/notes/batch-upsert']);

		const quiet = sb.rankr.requests.length;
		const again = await syncRun();
		expect(again).toMatchObject({ read: 0, created: 0, updated: 0 });
		expect(rankrWrites(sb, quiet)).toEqual([]);
		expect(await parity(sb)).toMatchObject({ inParity: true });
	});

	it('a change GHL’s search shows late (dated before the last run ended) is caught inside the overlap', async () => {
		await syncRun();
		const until = cursorSince();
		const [late] = ghlContacts();
		// Changed 2 minutes before the last run ended, but indexed only now: its dateUpdated lies behind the cursor.
		sb.ghl.store.updateContact(late.id, { lastName: 'Lateindexed' });
		late.dateUpdated = new Date(until - 2 * 60_000).toISOString();
		const summary = await syncRun({ options: { overlapMinutes: 10 } });
		expect(summary).toMatchObject({ read: 1, updated: 1 });
		expect(rankrContact(late.id)).toMatchObject({ lastName: 'Lateindexed' });
		expect(await parity(sb)).toMatchObject({ inParity: true });
	});

	it('without an overlap the same late change is missed (what the overlap is for)', async () => {
		await syncRun({ options: { overlapMinutes: 0 } });
		const until = cursorSince();
		const [late] = ghlContacts();
		sb.ghl.store.updateContact(late.id, { lastName: 'Lateindexed' });
		late.dateUpdated = new Date(until - 2 * 60_000).toISOString();
		const summary = await syncRun({ options: { overlapMinutes: 0 } });
		expect(summary).toMatchObject({ read: 0 });
		expect((await parity(sb)).inParity).toBe(false);
	});

	it('a contact deleted in GHL is archived in Rankr (kept with its tasks and notes), not deleted', async () => {
		await syncRun();
		const [gone] = ghlContacts();
		const rankr = rankrContact(gone.id)!;
		sb.ghl.store.deleteContact(gone.id);
		const summary = await syncRun({ options: { deletionScan: 'everyRun' } });
		expect(summary).toMatchObject({ archived: 1, deleted: 0 });
		expect(sb.rankr.store.contacts.get(rankr.id)?.archivedAt).not.toBeNull();
		expect([...sb.rankr.store.tasks.values()].filter((t) => t.contactId === rankr.id)).toHaveLength(2);
		expect(sb.rankr.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
		expect(await parity(sb)).toMatchObject({ inParity: true });
	});

	it('a run out of budget stops between contacts with where to resume, and the next runs finish without doubling anything', async () => {
		const first = await syncRun({ options: { maxRequests: 120 } });
		expect(first).toMatchObject({ complete: false, stoppedByBudget: true });
		expect(first.requests.ghl).toBeLessThanOrEqual(120);
		expect(first.cursor.resumeAfter).toEqual(expect.any(Array));
		expect(first.read).toBeGreaterThan(50);
		expect(first.read).toBeLessThan(CONTACTS);
		// Every contact counted as read is whole in Rankr: its tasks and notes too.
		expect([...sb.rankr.store.tasks.values()]).toHaveLength(first.read * 2);
		expect([...sb.rankr.store.notes.values()]).toHaveLength(first.read);
		let read = first.read;
		for (let run = 0; run < 5 && read < CONTACTS; run++) read += (await syncRun({ options: { maxRequests: 120 } })).read;
		expect(read).toBe(CONTACTS);
		const last = await syncRun({ options: { maxRequests: 120 } });
		expect(last).toMatchObject({ read: 0, complete: true });
		expect(sb.rankr.store.contacts.size).toBe(CONTACTS);
		expect(sb.rankr.store.tasks.size).toBe(CONTACTS * 2);
		expect(await parity(sb)).toMatchObject({ inParity: true });
	});

	it('reads many contacts’ notes at once (more than 8 in flight) and still never sends more GHL requests than the budget', async () => {
		// Each notes read is held 100 ms in the sandbox: reads sent together are seen together, and the next page is planned while this one’s are still queued.
		let inFlight = 0;
		let most = 0;
		sb.ghl.setLatency((request) => {
			if (!/^\/contacts\/[^/]+\/notes$/.test(request.path)) return 0;
			most = Math.max(most, ++inFlight);
			return new Promise<void>((resolve) => setTimeout(resolve, 100)).finally(() => inFlight--);
		});
		const max = 150;
		const summary = await syncRun({ options: { maxRequests: max } });
		sb.ghl.setLatency(undefined);
		expect(most).toBeGreaterThan(8);
		expect(summary).toMatchObject({ complete: false, stoppedByBudget: true });
		// Counted by the sandbox: the reads already queued for the next page were paid for before any was sent.
		expect(ghlRequests().length).toBeLessThanOrEqual(max);
		expect(summary.requests.ghl).toBe(ghlRequests().length);
		expect(summary.read).toBeGreaterThan(100);
		// Every contact counted is whole in Rankr, and the first ones are listed as changed.
		expect([...sb.rankr.store.tasks.values()]).toHaveLength(summary.read * 2);
		expect([...sb.rankr.store.notes.values()]).toHaveLength(summary.read);
		expect(summary.changedContacts).toHaveLength(100);
		expect(summary.changedContacts[0]).toEqual({ ghlContactId: expect.any(String), rankrContactId: rankrContact(summary.changedContacts[0].ghlContactId)?.id, status: 'created' });
	});

	it('“From Now On” copies nothing on the first run, then only what changed after it', async () => {
		const first = await syncRun({ firstRun: 'fromNow' });
		expect(first).toMatchObject({ read: 0, created: 0 });
		expect(sb.rankr.requests).toHaveLength(0);
		const [a] = ghlContacts();
		sb.ghl.store.updateContact(a.id, { firstName: 'Now' });
		const second = await syncRun({ firstRun: 'fromNow' });
		expect(second).toMatchObject({ read: 1, created: 1 });
		expect(sb.rankr.store.contacts.size).toBe(1);
	});

	it('keeps Rankr’s own tags, removes a tag GHL removed, and skips and reports a value Rankr cannot take', async () => {
		await syncRun();
		const [a] = ghlContacts();
		const rankr = rankrContact(a.id)!;
		sb.rankr.store.updateContact(rankr, { tags: [...rankr.tags, 'rankr-own'] });
		sb.ghl.store.updateContact(a.id, { tags: ['fresh'], country: 'Atlantis' });
		const summary = await syncRun();
		expect(rankrContact(a.id)?.tags.sort()).toEqual(['fresh', 'rankr-own']);
		expect(summary).toMatchObject({ skipped: 1, skippedValues: [{ ghlContactId: a.id, field: 'country', ghl: 'Atlantis' }] });
	});

	it('refuses a negative Max Requests before any request, naming the field', async () => {
		const { error } = await runLocation(sb, staticData, { options: { maxRequests: -1 } });
		expect(error?.message).toMatch(/Max Requests/);
		expect(sb.ghl.requests).toHaveLength(0);
		expect(sb.rankr.requests).toHaveLength(0);
	});
});
