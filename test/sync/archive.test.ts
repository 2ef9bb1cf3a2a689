/**
 * A contact deleted in GHL never costs Rankr its data by default: the Rankr contact is archived (kept with
 * its tasks, notes, tags and score history) and restored if GHL has it again. Hard Delete is a choice the
 * user makes by name, and tasks and notes made in Rankr survive every sync.
 */
import { addNote, addTask, changeScore } from '../../sandbox/rankr';
import { GhlRankrSync } from '../../nodes/GhlRankrSync/GhlRankrSync.node';
import { byId, rankrWrites, runRankr, syncAll, linkedRecords, sandboxesForEachTest } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 2, tasksPerContact: 2, notesPerContact: 2 } });
const { ghlContacts, ref, rankrContact } = linkedRecords(sb);
const tasksOf = (contactId: string) => [...sb.rankr.store.tasks.values()].filter((t) => t.contactId === contactId);
const notesOf = (contactId: string) => [...sb.rankr.store.notes.values()].filter((n) => n.contactId === contactId);
const sync = async (ghlId: string, parameters: Record<string, unknown> = {}) =>
	await runRankr(sb, { operation: 'syncContact', contactId: byId(ghlId), ...parameters });

/** A synced contact that Rankr has since given a task, a note and a score of its own. */
async function syncedWithRankrData() {
	await syncAll(sb);
	const [ghl] = ghlContacts();
	const rankr = rankrContact(ghl.id);
	const task = addTask(sb.rankr.store, rankr.id, { title: 'Made in Rankr' });
	const note = addNote(sb.rankr.store, rankr.id, { body: 'Written in Rankr' });
	changeScore(sb.rankr.store, rankr.id, 15, { source: 'api', reason: 'Webinar' });
	return { ghl, rankr, task, note };
}

describe('GHL Sync: a contact deleted in GHL', () => {
	it('is archived in Rankr by default, keeping its tasks, notes, tags and score history, and nothing is deleted', async () => {
		const { ghl, rankr, task, note } = await syncedWithRankrData();
		const tags = [...rankr.tags];
		sb.ghl.store.deleteContact(ghl.id);
		const before = sb.rankr.requests.length;

		const { items, error } = await sync(ghl.id);

		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ ghlContactId: ghl.id, rankrContactId: rankr.id, changed: true, changes: { contact: 'archived' } });
		expect(rankrWrites(sb, before)).toEqual([`PATCH /v1/contacts/${rankr.id}`]);
		const after = sb.rankr.store.contacts.get(rankr.id)!;
		expect(after.archivedAt).toEqual(expect.any(String));
		expect(after.tags).toEqual(tags);
		expect(after.score).toBe(15);
		expect(sb.rankr.store.scoreHistory.filter((c) => c.contactId === rankr.id)).toHaveLength(1);
		expect(tasksOf(rankr.id)).toHaveLength(3);
		expect(notesOf(rankr.id)).toHaveLength(3);
		expect(sb.rankr.store.tasks.get(task.id)).toBeDefined();
		expect(sb.rankr.store.notes.get(note.id)).toBeDefined();

		// Running again changes nothing: it is archived already.
		const again = sb.rankr.requests.length;
		const second = await sync(ghl.id);
		expect(second.items[0].json).toMatchObject({ changed: false, changes: { contact: 'unchanged' } });
		expect(rankrWrites(sb, again)).toEqual([]);
	});

	it('an archived contact is restored, with all it held, when GHL has it again', async () => {
		const { ghl, rankr } = await syncedWithRankrData();
		const saved = sb.ghl.store.contacts.get(ghl.id)!;
		sb.ghl.store.deleteContact(ghl.id);
		await sync(ghl.id);
		expect(sb.rankr.store.contacts.get(rankr.id)!.archivedAt).toEqual(expect.any(String));
		sb.ghl.store.contacts.set(ghl.id, saved);

		const { items } = await sync(ghl.id);

		expect(items[0].json).toMatchObject({ rankrContactId: rankr.id, changed: true, changes: { contact: 'restored' } });
		expect(sb.rankr.store.contacts.get(rankr.id)).toMatchObject({ archivedAt: null, score: 15 });
		expect(tasksOf(rankr.id)).toHaveLength(3);
	});

	it('Keep leaves the Rankr contact as it was, not archived', async () => {
		const { ghl, rankr } = await syncedWithRankrData();
		sb.ghl.store.deleteContact(ghl.id);
		const before = sb.rankr.requests.length;
		const { items } = await sync(ghl.id, { deletions: 'keep' });
		expect(items[0].json).toMatchObject({ changed: false, changes: { contact: 'unchanged' } });
		expect(rankrWrites(sb, before)).toEqual([]);
		expect(sb.rankr.store.contacts.get(rankr.id)!.archivedAt).toBeNull();
	});

	it('the GHL Deletions choices are Archive (the default), Keep and Hard Delete, which says what it takes with it', () => {
		const field = new GhlRankrSync().description.properties.find((p) => p.name === 'deletions')!;
		expect(field.default).toBe('archive');
		const options = field.options as Array<{ name: string; value: string; description: string }>;
		expect(options.map((o) => o.value)).toEqual(['archive', 'keep', 'delete']);
		const hardDelete = options.find((o) => o.value === 'delete')!;
		expect(hardDelete.name).toBe('Hard Delete in Rankr');
		for (const what of ['tasks and notes made in Rankr', 'tags', 'score history']) expect(hardDelete.description).toContain(what);
	});
});

describe('GHL Sync: tasks, notes and score history made in Rankr', () => {
	it('survive a sync whose GHL side lacks them, with every GHL Deletions choice, and survive archiving', async () => {
		const { ghl, rankr, task, note } = await syncedWithRankrData();
		for (const deletions of ['archive', 'keep', 'delete']) {
			const { items } = await sync(ghl.id, { deletions });
			expect(items[0].json).toMatchObject({ changes: { tasks: { deleted: 0 }, notes: { deleted: 0 } } });
			expect(sb.rankr.store.tasks.get(task.id)).toBeDefined();
			expect(sb.rankr.store.notes.get(note.id)).toBeDefined();
		}
		sb.ghl.store.deleteContact(ghl.id);
		await sync(ghl.id);
		expect(sb.rankr.store.contacts.get(rankr.id)!.archivedAt).toEqual(expect.any(String));
		expect(sb.rankr.store.tasks.get(task.id)).toMatchObject({ title: 'Made in Rankr' });
		expect(sb.rankr.store.notes.get(note.id)).toMatchObject({ body: 'Written in Rankr' });
		expect(sb.rankr.store.scoreHistory.filter((c) => c.contactId === rankr.id).map((c) => c.reason)).toEqual(['Webinar']);
	});
});
