/**
 * Sync Contact against both sandboxes: a first run copies GHL into Rankr, a second writes nothing, edits on
 * either side converge in one run, and the GHL Deletions option decides what happens to records GHL lost.
 */
import { addTask } from '../../sandbox/rankr';
import type { SyncSandboxes } from './setup';
import { byId, rankrWrites, runRankr, startSandboxes, syncAll } from './setup';

let sb: SyncSandboxes;
beforeEach(async () => {
	sb = await startSandboxes({ seed: { contacts: 4, tasksPerContact: 2, notesPerContact: 2 } });
});
afterEach(async () => {
	expect(sb.rankr.contractViolations).toEqual([]);
	await Promise.all([sb.ghl.close(), sb.rankr.close()]);
});

const ghlContacts = () => sb.ghl.store.contactsOf(sb.ghl.locationId);
const ref = (id: string) => `ghl:${sb.ghl.locationId}:${id}`;
const rankrContact = (ghlId: string) => sb.rankr.store.contactBy('externalRef', ref(ghlId));
const rankrTasks = (contactId: string) => [...sb.rankr.store.tasks.values()].filter((t) => t.contactId === contactId);
const rankrNotes = (contactId: string) => [...sb.rankr.store.notes.values()].filter((n) => n.contactId === contactId);
const zero = { created: 0, updated: 0, deleted: 0, unchanged: 2 };

describe('GHL Sync: Sync Contact', () => {
	it('copies each contact with its fields, tags, tasks and notes on the first run', async () => {
		const { items, error } = await syncAll(sb);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		for (const [index, ghl] of ghlContacts().entries()) {
			const out = items[index].json as Record<string, any>;
			const rankr = rankrContact(ghl.id)!;
			expect(out).toEqual({
				ghlContactId: ghl.id,
				rankrContactId: rankr.id,
				changes: {
					contact: 'created',
					tasks: { created: 2, updated: 0, deleted: 0, unchanged: 0 },
					notes: { created: 2, updated: 0, deleted: 0, unchanged: 0 },
					tags: { added: [...ghl.tags].sort(), removed: [] },
				},
				changed: true,
			});
			expect(items[index].pairedItem).toEqual({ item: index });
			expect(rankr).toMatchObject({ firstName: ghl.firstName, lastName: ghl.lastName, email: ghl.email, phone: ghl.phone, companyName: ghl.companyName, source: 'sandbox seed', dnd: false });
			expect([...rankr.tags].sort()).toEqual([...ghl.tags].sort());
			const ghlTask = [...sb.ghl.store.tasks.values()].find((t) => t.contactId === ghl.id)!;
			expect(rankrTasks(rankr.id).find((t) => t.externalRef === `ghl:${sb.ghl.locationId}:task:${ghlTask.id}`)).toMatchObject({
				title: ghlTask.title,
				description: 'Call back',
				dueAt: new Date(String(ghlTask.dueDate)).toISOString(),
				completed: false,
			});
			expect(rankrNotes(rankr.id).map((n) => n.body).sort()).toEqual([`Note 1 about ${ghl.firstName}`, `Note 2 about ${ghl.firstName}`]);
		}
	});

	it('reports zero changes and sends only GETs on a second run', async () => {
		await syncAll(sb);
		const before = sb.rankr.requests.length;
		const { items } = await syncAll(sb);
		expect(rankrWrites(sb, before)).toEqual([]);
		expect(sb.rankr.requests.length).toBeGreaterThan(before);
		for (const item of items) {
			expect(item.json).toMatchObject({ changed: false, changes: { contact: 'unchanged', tasks: zero, notes: zero, tags: { added: [], removed: [] } } });
		}
	});

	it('converges in one run after edits on both sides, leaving Rankr-only tasks alone', async () => {
		await syncAll(sb);
		const [edited, other] = ghlContacts();
		const [doneTask] = [...sb.ghl.store.tasks.values()].filter((t) => t.contactId === edited.id);
		const [goneNote] = [...sb.ghl.store.notes.values()].filter((n) => n.contactId === edited.id);
		// GHL: a field changed, a task completed, a note deleted, a tag added.
		sb.ghl.store.updateContact(edited.id, { city: 'Lyon', tags: [...edited.tags, 'VIP Client'] });
		sb.ghl.store.updateTask(doneTask.id, { completed: true });
		sb.ghl.store.notes.delete(goneNote.id);
		// Rankr: a synced field edited, a task of Rankr's own added.
		const rankrOther = rankrContact(other.id)!;
		sb.rankr.store.updateContact(rankrOther, { companyName: 'Edited In Rankr' });
		const own = addTask(sb.rankr.store, rankrOther.id, { title: 'Rankr-only call' });

		const before = sb.rankr.requests.length;
		const { items } = await syncAll(sb, { deletions: 'delete' }, [edited.id, other.id]);
		expect(items[0].json).toMatchObject({
			changed: true,
			changes: { contact: 'updated', tasks: { updated: 1, unchanged: 1 }, notes: { deleted: 1, unchanged: 1 }, tags: { added: ['vip client'], removed: [] } },
		});
		expect(items[1].json).toMatchObject({ changed: true, changes: { contact: 'updated', tasks: zero, notes: zero } });
		const editedId = rankrContact(edited.id)!.id;
		const writes = rankrWrites(sb, before);
		expect(writes.filter((w) => w === 'POST /v1/contacts/upsert')).toHaveLength(2);
		expect(writes.filter((w) => w !== 'POST /v1/contacts/upsert').sort()).toEqual([
			expect.stringMatching(new RegExp(`^DELETE /v1/contacts/${editedId}/notes/nte_\\w+$`)),
			`POST /v1/contacts/${editedId}/tags`,
			expect.stringMatching(new RegExp(`^POST /v1/contacts/${editedId}/tasks/tsk_\\w+/complete$`)),
		]);
		const rankrEdited = rankrContact(edited.id)!;
		expect(rankrEdited.city).toBe('Lyon');
		expect(rankrEdited.tags).toContain('vip client');
		expect(rankrTasks(rankrEdited.id).find((t) => t.externalRef?.endsWith(doneTask.id))).toMatchObject({ completed: true, completedAt: expect.any(String) });
		expect(rankrNotes(rankrEdited.id)).toHaveLength(1);
		expect(rankrContact(other.id)!.companyName).toBe(other.companyName);
		expect(sb.rankr.store.tasks.get(own.id)).toBeDefined();

		const again = sb.rankr.requests.length;
		const second = await syncAll(sb);
		expect(rankrWrites(sb, again)).toEqual([]);
		expect(second.items.every((i) => i.json.changed === false)).toBe(true);
	});

	describe('GHL Deletions', () => {
		it('delete: removes Rankr tasks and notes GHL lost, never Rankr-only ones', async () => {
			await syncAll(sb);
			const [ghl] = ghlContacts();
			const rankr = rankrContact(ghl.id)!;
			const own = addTask(sb.rankr.store, rankr.id, { title: 'Mine', externalRef: 'crm:other:1' });
			const [task] = [...sb.ghl.store.tasks.values()].filter((t) => t.contactId === ghl.id);
			sb.ghl.store.tasks.delete(task.id);
			const { items } = await runRankr(sb, { operation: 'syncContact', contactId: byId(ghl.id), deletions: 'delete' });
			expect(items[0].json).toMatchObject({ changes: { tasks: { deleted: 1, unchanged: 1 } } });
			expect(rankrTasks(rankr.id)).toHaveLength(2);
			expect(sb.rankr.store.tasks.get(own.id)).toBeDefined();
			expect(rankrTasks(rankr.id).some((t) => t.externalRef?.endsWith(task.id))).toBe(false);
		});

		it('keep: leaves them in Rankr', async () => {
			await syncAll(sb);
			const [ghl] = ghlContacts();
			const rankr = rankrContact(ghl.id)!;
			const [task] = [...sb.ghl.store.tasks.values()].filter((t) => t.contactId === ghl.id);
			const [note] = [...sb.ghl.store.notes.values()].filter((n) => n.contactId === ghl.id);
			sb.ghl.store.tasks.delete(task.id);
			sb.ghl.store.notes.delete(note.id);
			const before = sb.rankr.requests.length;
			const { items } = await runRankr(sb, { operation: 'syncContact', contactId: byId(ghl.id), deletions: 'keep' });
			expect(items[0].json).toMatchObject({ changed: false, changes: { tasks: { deleted: 0, unchanged: 1 }, notes: { deleted: 0, unchanged: 1 } } });
			expect(rankrWrites(sb, before)).toEqual([]);
			expect(rankrTasks(rankr.id)).toHaveLength(2);
			expect(rankrNotes(rankr.id)).toHaveLength(2);
		});

		it('a contact deleted in GHL is deleted in Rankr (Hard Delete) or kept (Keep)', async () => {
			await syncAll(sb);
			const [gone, kept] = ghlContacts();
			const goneRankrId = rankrContact(gone.id)!.id;
			const keptRankrId = rankrContact(kept.id)!.id;
			sb.ghl.store.deleteContact(gone.id);
			sb.ghl.store.deleteContact(kept.id);

			const keep = await runRankr(sb, { operation: 'syncContact', contactId: byId(kept.id), deletions: 'keep' });
			expect(keep.items[0].json).toMatchObject({ ghlContactId: kept.id, rankrContactId: keptRankrId, changed: false, changes: { contact: 'unchanged' } });
			expect(sb.rankr.store.contacts.has(keptRankrId)).toBe(true);

			const del = await runRankr(sb, { operation: 'syncContact', contactId: byId(gone.id), deletions: 'delete' });
			expect(del.items[0].json).toMatchObject({ ghlContactId: gone.id, rankrContactId: goneRankrId, changed: true, changes: { contact: 'deleted' } });
			expect(sb.rankr.store.contacts.has(goneRankrId)).toBe(false);
			expect(rankrTasks(goneRankrId)).toHaveLength(0);

			const again = await runRankr(sb, { operation: 'syncContact', contactId: byId(gone.id), deletions: 'delete' });
			expect(again.items[0].json).toMatchObject({ rankrContactId: null, changed: false, changes: { contact: 'unchanged' } });
		});
	});

	it('a phone GHL has that Rankr would refuse leaves Rankr\'s phone as it was and is reported under skipped', async () => {
		await syncAll(sb);
		const [ghl] = ghlContacts();
		const rankr = rankrContact(ghl.id)!;
		const phoneBefore = rankr.phone;
		expect(phoneBefore).toBeTruthy();
		sb.ghl.store.updateContact(ghl.id, { phone: 'call me after 5' });
		const { items } = await runRankr(sb, { operation: 'syncContact', contactId: byId(ghl.id) });
		expect(items[0].json).toMatchObject({ skipped: [{ field: 'phone', ghl: 'call me after 5' }] });
		expect(rankrContact(ghl.id)!.phone).toBe(phoneBefore);
	});

	it("takes the contact from the input item by default ($json.contactId or $json.id)", async () => {
		const [a, b] = ghlContacts();
		const { items, error } = await runRankr(sb, { operation: 'syncContact' }, [{ contactId: a.id }, { id: b.id, type: 'contact' }]);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.ghlContactId)).toEqual([a.id, b.id]);
		expect(rankrContact(b.id)).toBeDefined();
	});

	it('two runs for one contact at once (say TaskCreate and NoteCreate together) end with one copy of each record, and no error', async () => {
		const [ghl] = ghlContacts();
		await runRankr(sb, { operation: 'syncContact' }, [{ contactId: ghl.id }]);
		sb.ghl.store.addTask(ghl.id, { title: 'New task', body: 'Both runs see it', dueDate: '2026-12-01T10:00:00.000Z' });
		sb.ghl.store.addNote(ghl.id, { body: 'New note' });
		// Two executions of one workflow, racing: each reads Rankr before the other writes, so both create
		// the new task and note; Rankr refuses the second copy (409, externalRef taken).
		const runs = await Promise.all([0, 1].map(() => runRankr(sb, { operation: 'syncContact' }, [{ contactId: ghl.id }])));
		expect(sb.rankr.requests.filter((r) => r.status === 409).length).toBeGreaterThan(0);
		expect(runs.map((r) => r.error?.message)).toEqual([undefined, undefined]);
		const rankr = rankrContact(ghl.id)!;
		expect(rankrTasks(rankr.id)).toHaveLength(3);
		expect(rankrNotes(rankr.id)).toHaveLength(3);
		const again = await runRankr(sb, { operation: 'syncContact' }, [{ contactId: ghl.id }]);
		expect(again.items[0].json.changed).toBe(false);
	});

	describe('bad input is refused before any request', () => {
		// Values given through expressions, as data from earlier nodes arrives (n8n checks literal values itself).
		it.each([
			['an empty contact', { contactId: { __rl: true, mode: 'id', value: '={{ $json.missing }}' } }, /^GHL Contact: is required but empty \[item 0\]/],
			['a contact ID with a slash', { contactId: { __rl: true, mode: 'id', value: '={{ "a/b" }}' } }, /^GHL Contact: "a\/b" is not a valid ID \[item 0\]/],
			['an unknown deletions option', { contactId: byId('abc'), deletions: '={{ "purge" }}' }, /^GHL Deletions: "purge" is not one of archive, keep, delete \[item 0\]/],
		])('%s', async (_name, parameters, message) => {
			const { error } = await runRankr(sb, { operation: 'syncContact', ...parameters });
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(message);
			expect(sb.ghl.requests).toHaveLength(0);
			expect(sb.rankr.requests).toHaveLength(0);
		});

		it('names the failing item in a batch; with Continue On Fail the others still sync', async () => {
			const [a, b] = ghlContacts();
			const items = [{ contactId: a.id }, { contactId: 'x y' }, { contactId: b.id }];
			const failed = await runRankr(sb, { operation: 'syncContact' }, items);
			expect(failed.error?.message).toMatch(/^GHL Contact: "x y" is not a valid ID \[item 1\]/);
			const tolerant = await runRankr(sb, { operation: 'syncContact' }, items, true);
			expect(tolerant.items.map((i) => Boolean(i.json.error))).toEqual([false, true, false]);
			expect(tolerant.items[1].pairedItem).toEqual({ item: 1 });
		});
	});
});
