/**
 * Sync Location finds Rankr records through their GHL link: a Clio contact (externalRef `clio:…`) with a
 * task and a note that Sync to GHL put into GHL is updated by the batch upserts when GHL changes it, never
 * copied a second time, and the round trip ends with nothing for Sync to GHL to write back.
 */
import type { IDataObject } from 'n8n-workflow';

import { clioChange } from '../../sandbox/rankr';
import type { LocationSummary } from '../../nodes/shared/sync/syncLocation';
import type { SyncSandboxes } from './setup';
import { rankrWrites, runLocation, runRankr, startSandboxes } from './setup';

let sb: SyncSandboxes;
let staticData: IDataObject;
beforeEach(async () => {
	sb = await startSandboxes({ seed: { contacts: 0 } });
	staticData = {};
});
afterEach(async () => {
	expect(sb.rankr.contractViolations).toEqual([]);
	await Promise.all([sb.ghl.close(), sb.rankr.close()]);
});

const clio = (action: string, body: Record<string, unknown>) => clioChange(sb.rankr.store, action, body) as Record<string, any>;
const ghlWrites = (from = 0) => sb.ghl.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
const ghlTasks = (contactId: string) => [...sb.ghl.store.tasks.values()].filter((t) => t.contactId === contactId);

async function toGhl(rankrContactId: string) {
	const result = await runRankr(sb, { operation: 'syncToGhl', rankrContactId });
	if (result.error) throw result.error;
	return result.items[0].json as Record<string, any>;
}

/** The GHL sandbox hands out strictly rising times, up to a little ahead of the clock: wait so the run's window holds the edits. */
async function syncLocation(): Promise<LocationSummary> {
	const latest = Math.max(...sb.ghl.store.contactsOf(sb.ghl.locationId).map((c) => Date.parse(c.dateUpdated)));
	while (Date.now() <= latest) await new Promise((resolve) => setTimeout(resolve, 5));
	const { items, error } = await runLocation(sb, staticData);
	expect(error).toBeUndefined();
	return items[0].json as unknown as LocationSummary;
}

describe('GHL Sync → Sync Location finds the Rankr records by their GHL link', () => {
	it('Clio contact with a task and a note → Sync to GHL → GHL edits → Sync Location updates the same records; then Sync to GHL writes nothing', async () => {
		const rankr = clio('contact', { clioId: 'c1', externalRef: 'clio:c1', email: 'ann@law.example', firstName: 'Ann', lastName: 'Lee' });
		const rankrTask = clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion', status: 'pending', dueAt: '2030-02-01T09:00:00.000Z' });
		const rankrNote = clio('note', { contactClioId: 'c1', clioNoteId: 'n1', body: 'Retainer signed' });
		const rankrId = String(rankr.id);
		const { ghlContactId } = await toGhl(rankrId);
		expect(sb.rankr.store.contacts.get(rankrId)?.links).toContainEqual(expect.objectContaining({ system: 'ghl', id: ghlContactId, account: sb.ghl.locationId }));

		sb.ghl.store.updateContact(ghlContactId, { city: 'Bergen' });
		const [task] = ghlTasks(ghlContactId);
		sb.ghl.store.updateTask(task.id, { title: 'File the motion' });

		const summary = await syncLocation();
		expect(summary).toMatchObject({ read: 1, created: 0, updated: 1, failed: 0 });
		expect(summary.tasks).toMatchObject({ created: 0, updated: 1, failed: 0 });
		expect(summary.notes).toMatchObject({ created: 0, failed: 0 });
		expect(summary.changedContacts).toEqual([{ ghlContactId, rankrContactId: rankrId, status: 'updated' }]);
		// One Rankr contact, task and note, the Clio ones, with GHL's edits and Clio's externalRef kept.
		expect(sb.rankr.store.contacts.size).toBe(1);
		expect(sb.rankr.store.tasks.size).toBe(1);
		expect(sb.rankr.store.notes.size).toBe(1);
		expect(sb.rankr.store.contacts.get(rankrId)).toMatchObject({ city: 'Bergen', externalRef: 'clio:c1' });
		expect(sb.rankr.store.tasks.get(String(rankrTask.id))).toMatchObject({ title: 'File the motion' });
		expect(sb.rankr.store.notes.get(String(rankrNote.id))).toMatchObject({ body: 'Retainer signed' });

		// No echo: Sync to GHL finds nothing to write to GHL, and another Sync Location run writes nothing new.
		const g = sb.ghl.requests.length;
		expect((await toGhl(rankrId)).changed).toBe(false);
		expect(ghlWrites(g)).toEqual([]);
		const r = sb.rankr.requests.length;
		sb.ghl.store.updateContact(ghlContactId, { state: 'Vestland' });
		const again = await syncLocation();
		expect(again).toMatchObject({ read: 1, created: 0, updated: 1 });
		expect(again.tasks).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
		expect(rankrWrites(sb, r).every((w) => w.endsWith('/batch-upsert'))).toBe(true);
		expect(sb.rankr.store.contacts.size).toBe(1);
		expect(sb.rankr.store.tasks.size).toBe(1);
		expect(sb.rankr.store.notes.size).toBe(1);
	});
});
