/**
 * Sync to GHL against both sandboxes, with the Rankr sandbox playing Clio's connector: a Rankr contact is
 * found (link, duplicate lookup) or created in GHL, tasks follow their status, merges and deletions reach
 * GHL without losing anything, and a round trip (Sync to GHL, Sync Contact, Sync to GHL) writes nothing more.
 */
import { clioFor, rankrWrites, runRankr, sandboxesForEachTest, syncContactOf, syncToGhlOf } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 0 } });

const clio = clioFor(sb);
const ghlWrites = (from = 0) => sb.ghl.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
const ghlContacts = () => sb.ghl.store.contactsOf(sb.ghl.locationId);
const ghlTasks = (contactId: string) => [...sb.ghl.store.tasks.values()].filter((t) => t.contactId === contactId);

const toGhl = (rankrContactId: string, extra: Record<string, unknown> = {}) => syncToGhlOf(sb, rankrContactId, extra);
const toRankr = (ghlContactId: string) => syncContactOf(sb, ghlContactId);

function clioClient() {
	const contact = clio('contact', { clioId: 'c1', email: 'Ann@Law.example', firstName: 'Ann', lastName: 'Lee', tags: ['client'] });
	clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion', status: 'in_review', dueAt: '2030-02-01T09:00:00.000Z' });
	clio('note', { contactClioId: 'c1', clioNoteId: 'n1', body: 'Retainer signed' });
	return contact;
}

describe('GHL Sync: Sync to GHL', () => {
	it('creates the GHL contact with its task, note and tags, links it back, and a second run writes nothing', async () => {
		const rankr = clioClient();
		const out = await toGhl(rankr.id);
		const [ghl] = ghlContacts();
		expect(out).toMatchObject({ rankrContactId: rankr.id, ghlContactId: ghl.id, changed: true, changes: { contact: 'created', tags: { added: ['client'] } } });
		expect(out.changes.tasks).toMatchObject({ created: 1 });
		expect(out.changes.notes).toMatchObject({ created: 1 });
		expect(ghl).toMatchObject({ email: 'ann@law.example', firstName: 'Ann', lastName: 'Lee', tags: ['client'] });
		expect(ghlTasks(ghl.id)).toEqual([expect.objectContaining({ title: 'File motion', completed: false, dueDate: '2030-02-01T09:00:00.000Z' })]);
		const stored = sb.rankr.store.contacts.get(rankr.id)!;
		expect(stored.externalRef).toBe(`ghl:${sb.ghl.locationId}:${ghl.id}`);
		expect(stored.links).toEqual([{ system: 'clio', id: 'c1' }, expect.objectContaining({ system: 'ghl', id: ghl.id, account: sb.ghl.locationId })]);
		const [g, r] = [sb.ghl.requests.length, sb.rankr.requests.length];
		expect((await toGhl(rankr.id)).changed).toBe(false);
		expect(ghlWrites(g)).toEqual([]);
		expect(rankrWrites(sb, r)).toEqual([]);
	});

	it('round trip: Sync Contact after Sync to GHL writes nothing, and Sync to GHL after it neither', async () => {
		const rankr = clioClient();
		const { ghlContactId } = await toGhl(rankr.id);
		const [g, r] = [sb.ghl.requests.length, sb.rankr.requests.length];
		const back = await toRankr(ghlContactId);
		expect(back.changed).toBe(false);
		expect(rankrWrites(sb, r)).toEqual([]);
		expect((await toGhl(rankr.id)).changed).toBe(false);
		expect(ghlWrites(g)).toEqual([]);
		expect(rankrWrites(sb, r)).toEqual([]);
	});

	it('round trip with a Rankr task that has no due date (GHL needs one): neither direction writes it back', async () => {
		const rankr = clioClient();
		clio('task', { contactClioId: 'c1', clioTaskId: 't3', title: 'No date yet' });
		const { ghlContactId } = await toGhl(rankr.id);
		expect(ghlTasks(ghlContactId).find((t) => t.title === 'No date yet')?.dueDate).toEqual(expect.any(String));
		const r = sb.rankr.requests.length;
		expect((await toRankr(ghlContactId)).changed).toBe(false);
		expect(rankrWrites(sb, r)).toEqual([]);
		expect([...sb.rankr.store.tasks.values()].find((t) => t.title === 'No date yet')?.dueAt).toBeNull();
		expect((await toGhl(rankr.id)).changed).toBe(false);
	});

	it('Sync Contact still carries what GHL changed after Sync to GHL linked the contact', async () => {
		const rankr = clioClient();
		const { ghlContactId } = await toGhl(rankr.id);
		sb.ghl.store.updateContact(ghlContactId, { city: 'Bergen' });
		const task = ghlTasks(ghlContactId)[0];
		sb.ghl.store.updateTask(task.id, { title: 'File the motion' });
		const back = await toRankr(ghlContactId);
		expect(back.changes).toMatchObject({ contact: 'updated', tasks: { updated: 1 } });
		expect(sb.rankr.store.contacts.get(rankr.id)?.city).toBe('Bergen');
		expect([...sb.rankr.store.tasks.values()].find((t) => t.contactId === rankr.id)?.title).toBe('File the motion');
	});

	it('links to the GHL contact found by email (then phone) instead of making a duplicate', async () => {
		const existing = sb.ghl.store.addContact(sb.ghl.locationId, { email: 'ann@law.example', firstName: 'Ann' });
		const byPhone = sb.ghl.store.addContact(sb.ghl.locationId, { phone: '+14155550100', firstName: 'Bo' });
		const ann = clioClient();
		const bo = clio('contact', { clioId: 'c2', phone: '+14155550100', firstName: 'Bo' });
		expect(await toGhl(ann.id)).toMatchObject({ ghlContactId: existing.id, changes: { contact: 'linked' } });
		expect(await toGhl(bo.id)).toMatchObject({ ghlContactId: byPhone.id, changes: { contact: 'linked' } });
		expect(ghlContacts()).toHaveLength(2);
	});

	it('completes, reopens and re-dates tasks from their status; which statuses count as complete is a parameter', async () => {
		const rankr = clioClient();
		const { ghlContactId } = await toGhl(rankr.id);
		clio('task', { contactClioId: 'c1', clioTaskId: 't1', status: 'complete', dueAt: '2030-03-01T09:00:00.000Z' });
		const done = await toGhl(rankr.id);
		expect(done.changes.tasks).toMatchObject({ completed: 1, updated: 1 });
		expect(ghlTasks(ghlContactId)[0]).toMatchObject({ completed: true, dueDate: '2030-03-01T09:00:00.000Z' });
		clio('task', { contactClioId: 'c1', clioTaskId: 't1', status: 'in_review' });
		expect((await toGhl(rankr.id)).changes.tasks).toMatchObject({ reopened: 1 });
		expect(ghlTasks(ghlContactId)[0].completed).toBe(false);
		expect((await toGhl(rankr.id, { completeStatuses: ['complete', 'in_review'] })).changes.tasks).toMatchObject({ completed: 1 });
		expect(ghlTasks(ghlContactId)[0].completed).toBe(true);
	});

	it('a field both sides changed since the last sync goes to the newer side, and the output says so', async () => {
		const rankr = clioClient();
		const { ghlContactId } = await toGhl(rankr.id);
		clio('contact', { clioId: 'c1', firstName: 'Annie', city: 'Oslo' });
		sb.ghl.store.updateContact(ghlContactId, { firstName: 'Anna' }); // later than Rankr's change
		const out = await toGhl(rankr.id);
		expect(out.conflicts).toEqual([{ field: 'firstName', winner: 'ghl' }]);
		expect(out.changes.fields).toEqual(['city']);
		expect(sb.ghl.store.contacts.get(ghlContactId)).toMatchObject({ firstName: 'Anna', city: 'Oslo' });
	});

	it('a field only GHL changed is left for Sync Contact, not overwritten with Rankr’s older value', async () => {
		const rankr = clioClient();
		const { ghlContactId } = await toGhl(rankr.id);
		sb.ghl.store.updateContact(ghlContactId, { lastName: 'Lee-Park' });
		const out = await toGhl(rankr.id);
		expect(out.changes.fields).toEqual([]);
		expect(sb.ghl.store.contacts.get(ghlContactId)?.lastName).toBe('Lee-Park');
	});

	it('a contact deleted in Rankr is soft-deleted in GHL (tag and DND) by default, hard-deleted only when chosen', async () => {
		const ann = clioClient();
		const { ghlContactId } = await toGhl(ann.id);
		clio('delete', { clioId: 'c1' });
		const out = await toGhl(ann.id, { ghlContactIdIfGone: ghlContactId });
		expect(out.changes.contact).toBe('softDeleted');
		expect(sb.ghl.store.contacts.get(ghlContactId)).toMatchObject({ dnd: true, tags: expect.arrayContaining(['deleted-in-rankr', 'client']) });
		expect(ghlTasks(ghlContactId)).toHaveLength(1);
		expect((await toGhl(ann.id, { ghlContactIdIfGone: ghlContactId })).changed).toBe(false);
		expect((await toGhl(ann.id, { ghlContactIdIfGone: ghlContactId, ghlDeletions: 'delete' })).changes.contact).toBe('deleted');
		expect(sb.ghl.store.contacts.has(ghlContactId)).toBe(false);
	});

	it('a merge: the surviving GHL contact gets the other’s tasks, notes and tags; the other is soft-deleted', async () => {
		const ann = clioClient();
		const dup = clio('contact', { clioId: 'c2', email: 'ann.lee@home.example', firstName: 'Ann', tags: ['prospect'] });
		clio('task', { contactClioId: 'c2', clioTaskId: 't2', title: 'Call back' });
		clio('note', { contactClioId: 'c2', clioNoteId: 'n2', body: 'Called twice' });
		const a = (await toGhl(ann.id)).ghlContactId;
		const b = (await toGhl(dup.id)).ghlContactId;
		clio('merge', { survivorClioId: 'c1', mergedClioId: 'c2' });
		const out = await toGhl(ann.id);
		expect(out).toMatchObject({ ghlContactId: a, changes: { merged: [b], tasks: { created: 1 }, notes: { created: 1 } } });
		expect(ghlTasks(a).map((t) => t.title).sort()).toEqual(['Call back', 'File motion']);
		expect(sb.ghl.store.contacts.get(a)?.tags).toEqual(expect.arrayContaining(['client', 'prospect']));
		expect(sb.ghl.store.contacts.get(b)).toMatchObject({ dnd: true, tags: expect.arrayContaining(['deleted-in-rankr']) });
		expect(ghlTasks(b)).toHaveLength(1);
		const survivor = sb.rankr.store.contacts.get(ann.id)!;
		expect(survivor.links.filter((l) => l.system === 'ghl').map((l) => l.id)).toEqual([a]);
		const [g] = [sb.ghl.requests.length];
		const again = await toGhl(ann.id);
		expect(again.changed).toBe(false);
		expect(ghlWrites(g)).toEqual([]);
	});
});
