/**
 * Parity Check both ways against both sandboxes (the Rankr one also playing Clio's connector): each
 * direction's missing, extra, duplicated and different; Repair in both directions, after which a second
 * check finds parity and neither sandbox is written to; Repair never deletes.
 */
import { clioChange } from '../../sandbox/rankr';
import { linkedRecords, runRankr, sandboxesForEachTest } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 5, tasksPerContact: 1, notesPerContact: 1 } }, { syncFirst: true });
const { ghlContacts, ref, rankrContact } = linkedRecords(sb);
const clio = (action: string, body: Record<string, unknown>) => clioChange(sb.rankr.store, action, body) as Record<string, any>;

async function check(parameters: Record<string, unknown> = {}): Promise<Record<string, any>> {
	const result = await runRankr(sb, { operation: 'parityCheck', ...parameters });
	expect(result.error).toBeUndefined();
	return result.items[0].json as Record<string, any>;
}
const isSearch = (r: { method: string; path: string }) => r.method === 'POST' && /\/search(\?|$)/.test(r.path);
const writes = (requests: Array<{ method: string; path: string }>, from: number) =>
	requests.slice(from).filter((r) => r.method !== 'GET' && !isSearch(r)).map((r) => `${r.method} ${r.path}`);
const deletes = (requests: Array<{ method: string; path: string }>, from = 0) =>
	requests.slice(from).filter((r) => r.method === 'DELETE' && !/\/tags(\/|$)/.test(r.path)).map((r) => `${r.method} ${r.path}`);

describe('GHL Sync: Parity Check, Rankr → GHL', () => {
	it('finds the two in parity after a sync, both ways, with the old GHL → Rankr keys kept', async () => {
		const report = await check({ direction: 'both', compareChildren: true, childrenOf: 'all' });
		expect(report).toMatchObject({ direction: 'both', ghlCount: 5, rankrCount: 5, missing: [], extra: [], duplicated: [], different: [], inParity: true });
		expect(report.rankrToGhl).toEqual({ rankrCount: 5, missing: [], extra: [], duplicated: [], different: [] });
		expect(report).toMatchObject({ complete: true, stoppedByBudget: false, compared: { ghlContacts: 5, children: 5, childrenOf: 'all' } });
	});

	it('reports a Clio contact missing, a contact GHL deleted, a GHL contact no Rankr contact links, a duplicate and a Rankr edit', async () => {
		const [deleted, unlinked, duplicated, edited] = ghlContacts();
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann', lastName: 'Lee' });
		const goneRankr = rankrContact(deleted.id);
		sb.ghl.store.deleteContact(deleted.id);
		sb.rankr.store.deleteContact(rankrContact(unlinked.id).id);
		const original = rankrContact(duplicated.id);
		const copyId = sb.rankr.store.id('ctc_');
		sb.rankr.store.contacts.set(copyId, { ...original, id: copyId, email: null, createdAt: new Date(Date.now() + 1000).toISOString() });
		// Sync to GHL linked this one: its snapshot says GHL last agreed on the old city, so the new one is Rankr's.
		const editedRankr = rankrContact(edited.id);
		editedRankr.links = [{ system: 'ghl', id: edited.id, account: sb.ghl.locationId, snapshot: { city: null } } as never];
		sb.rankr.store.updateContact(editedRankr, { city: 'Oslo' });

		const report = await check({ direction: 'rankrToGhl' });
		expect(report).not.toHaveProperty('missing');
		expect(report.rankrToGhl).toEqual({
			rankrCount: 6,
			missing: [
				{ rankrContactId: goneRankr.id, name: `${deleted.firstName} ${deleted.lastName}`, email: deleted.email, sourceSystem: expect.any(String), ghlContactId: deleted.id, reason: 'deleted in GHL' },
				{ rankrContactId: ann.id, name: 'Ann Lee', email: 'ann@law.example', sourceSystem: 'clio', reason: 'not in GHL' },
			],
			extra: [{ ghlContactId: unlinked.id, name: `${unlinked.firstName} ${unlinked.lastName}`, email: unlinked.email, reason: 'no Rankr contact linked' }],
			duplicated: [{ ghlContactId: duplicated.id, rankrContactIds: [original.id, copyId] }],
			different: [{ ghlContactId: edited.id, rankrContactId: editedRankr.id, fields: [{ field: 'city', ghl: null, rankr: 'Oslo' }] }],
		});
		// GHL → Rankr: the same edit is Rankr's (the snapshot says GHL did not change it), so not a difference there.
		const both = await check({ direction: 'both' });
		expect(both.different).toEqual([]);
		expect(both.missing).toEqual([expect.objectContaining({ ghlContactId: unlinked.id })]);
		expect(both.extra).toEqual(expect.arrayContaining([expect.objectContaining({ rankrContactId: goneRankr.id, reason: 'not in GHL' }), expect.objectContaining({ rankrContactId: copyId, reason: 'duplicate' })]));
	});

	it('with tags, tasks and notes: a Rankr tag, task and note GHL lacks, and a Rankr task edit', async () => {
		const [a] = ghlContacts();
		const rankrA = rankrContact(a.id);
		sb.rankr.store.updateContact(rankrA, { tags: [...rankrA.tags, 'rankr-scored'] });
		const [task] = [...sb.rankr.store.tasks.values()].filter((t) => t.contactId === rankrA.id);
		const [ghlTask] = [...sb.ghl.store.tasks.values()].filter((t) => t.contactId === a.id);
		task.title = 'Renamed in Rankr';
		task.links = [{ system: 'ghl', id: ghlTask.id, account: sb.ghl.locationId, snapshot: { title: ghlTask.title } } as never];
		const report = await check({ direction: 'rankrToGhl', compareChildren: true, childrenOf: 'all' });
		const [entry] = report.rankrToGhl.different;
		expect(entry).toMatchObject({ ghlContactId: a.id, rankrContactId: rankrA.id });
		expect(entry.fields).toEqual([
			{ field: 'tags', ghl: [...(a.tags ?? [])].map((t: string) => t.toLowerCase()).sort(), rankr: ['rankr-scored'] },
			{ field: `task:${ghlTask.id}.title`, ghl: ghlTask.title, rankr: 'Renamed in Rankr' },
		]);
	});
});

describe('GHL Sync: Parity Check with Repair', () => {
	it('repairs both ways (a Clio contact reaches GHL, a GHL-only contact Rankr, edits each way), then a second check finds parity and writes nothing', async () => {
		const [fromGhl, fromRankr] = ghlContacts();
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann', lastName: 'Lee', tags: ['client'] });
		clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion', status: 'pending', dueAt: '2030-02-01T09:00:00.000Z' });
		clio('note', { contactClioId: 'c1', clioNoteId: 'n1', body: 'Retainer signed' });
		const newcomer = sb.ghl.store.addContact(sb.ghl.locationId, { firstName: 'Gia', lastName: 'Only', email: 'gia@ghl.example' });
		sb.ghl.store.addTask(newcomer.id, { title: 'Call Gia', dueDate: '2030-03-01T09:00:00.000Z' });
		sb.ghl.store.updateContact(fromGhl.id, { city: 'Bergen' });
		const rankrEdit = rankrContact(fromRankr.id);
		rankrEdit.links = [{ system: 'ghl', id: fromRankr.id, account: sb.ghl.locationId, snapshot: { website: null } } as never];
		sb.rankr.store.updateContact(rankrEdit, { website: 'https://rankr.example' });

		const [g0, r0] = [sb.ghl.requests.length, sb.rankr.requests.length];
		const first = await check({ direction: 'both', repair: true, compareChildren: true, childrenOf: 'all' });
		expect(first.requests).toEqual({ ghl: sb.ghl.requests.length - g0, rankr: sb.rankr.requests.length - r0, maxGhl: expect.any(Number) });
		expect(first.inParity).toBe(false);
		expect(first.repairFailures).toEqual([]);
		const ghlAnn = sb.ghl.store.contactsOf(sb.ghl.locationId).find((c) => c.email === 'ann@law.example');
		expect(ghlAnn).toMatchObject({ firstName: 'Ann', lastName: 'Lee', tags: ['client'] });
		expect([...sb.ghl.store.tasks.values()].filter((t) => t.contactId === ghlAnn!.id).map((t) => t.title)).toEqual(['File motion']);
		expect(rankrContact(newcomer.id)).toMatchObject({ firstName: 'Gia', email: 'gia@ghl.example' });
		expect([...sb.rankr.store.tasks.values()].filter((t) => t.contactId === rankrContact(newcomer.id).id).map((t) => t.title)).toEqual(['Call Gia']);
		expect(rankrContact(fromGhl.id).city).toBe('Bergen');
		expect(sb.ghl.store.contacts.get(fromRankr.id)?.website).toBe('https://rankr.example');
		expect(first.repaired).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ rankrContactId: ann.id, ghlContactId: ghlAnn!.id, direction: 'rankrToGhl', changes: expect.objectContaining({ contact: 'created' }) }),
				expect.objectContaining({ rankrContactId: rankrEdit.id, direction: 'rankrToGhl', changes: expect.objectContaining({ fields: ['website'] }) }),
				expect.objectContaining({ ghlContactId: newcomer.id, direction: 'ghlToRankr', changes: expect.objectContaining({ contact: 'created' }) }),
				expect.objectContaining({ ghlContactId: fromGhl.id, direction: 'ghlToRankr', changes: expect.objectContaining({ contact: 'updated' }) }),
			]),
		);
		expect(first.repaired).toHaveLength(4);

		const [g, r] = [sb.ghl.requests.length, sb.rankr.requests.length];
		const second = await check({ direction: 'both', repair: true, compareChildren: true, childrenOf: 'all' });
		expect(second).toMatchObject({ inParity: true, missing: [], extra: [], duplicated: [], different: [], repaired: [], repairFailures: [] });
		expect(second.rankrToGhl).toMatchObject({ missing: [], extra: [], duplicated: [], different: [] });
		expect(writes(sb.ghl.requests, g)).toEqual([]);
		expect(writes(sb.rankr.requests, r)).toEqual([]);
		expect(second.requests).toEqual({ ghl: sb.ghl.requests.length - g, rankr: sb.rankr.requests.length - r, maxGhl: expect.any(Number) });
	});

	it('never deletes: extras, duplicates and contacts GHL deleted are reported and left as they are', async () => {
		const [deleted, , duplicated] = ghlContacts();
		const goneRankr = rankrContact(deleted.id);
		sb.ghl.store.deleteContact(deleted.id);
		const extra = sb.rankr.store.addContact({ email: 'ghost@rankr.test', externalRef: ref('ghostContact1') });
		const original = rankrContact(duplicated.id);
		const copyId = sb.rankr.store.id('ctc_');
		sb.rankr.store.contacts.set(copyId, { ...original, id: copyId, email: null, createdAt: new Date(Date.now() + 1000).toISOString() });
		const ghlCount = sb.ghl.store.contactsOf(sb.ghl.locationId).length;

		const report = await check({ direction: 'both', repair: true, compareChildren: true, childrenOf: 'all' });
		expect(report.inParity).toBe(false);
		expect(report.repaired).toEqual([]);
		expect(deletes(sb.ghl.requests)).toEqual([]);
		expect(deletes(sb.rankr.requests)).toEqual([]);
		for (const id of [goneRankr.id, extra.id, copyId, original.id]) expect(sb.rankr.store.contacts.get(id)).toMatchObject({ archivedAt: null });
		expect(sb.ghl.store.contactsOf(sb.ghl.locationId)).toHaveLength(ghlCount);
		expect(sb.ghl.store.contactsOf(sb.ghl.locationId).every((c) => !c.tags.includes('deleted-in-rankr'))).toBe(true);
	});

	it('a GHL contact soft-deleted because Rankr deleted it is what the sync leaves: not missing, not repaired back, not counted', async () => {
		const clioContact = clio('contact', { clioId: 'gone-1', email: 'gone@law.example', firstName: 'Gone' });
		await runRankr(sb, { operation: 'syncToGhl', rankrContactId: clioContact.id });
		const ghlCopy = sb.ghl.store.contactsOf(sb.ghl.locationId).find((c) => c.email === 'gone@law.example')!;
		const linked = JSON.parse(JSON.stringify(sb.rankr.store.contacts.get(clioContact.id)));
		clio('delete', { clioId: 'gone-1' });
		const removed = await runRankr(sb, { operation: 'syncToGhl', rankrContactId: clioContact.id, ghlContactIdIfGone: ghlCopy.id }, [{ contact: linked }]);
		expect(removed.items[0].json).toMatchObject({ changes: { contact: 'softDeleted' } });
		const ghlCount = sb.ghl.store.contactsOf(sb.ghl.locationId).length;

		const report = await check({ direction: 'both', repair: true });
		expect(report).toMatchObject({ inParity: true, missing: [], repaired: [], ghlCount: ghlCount - 1, rankrToGhl: { extra: [] } });
		expect([...sb.rankr.store.contacts.values()].some((c) => c.email === 'gone@law.example')).toBe(false);
	});
});
