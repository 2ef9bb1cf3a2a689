/**
 * Parity Check against both sandboxes: after a sync both sides agree; each seeded difference (missing,
 * extra, duplicated, field, tag, task, note) is found, and nothing else is.
 */
import { addTask } from '../../sandbox/rankr';
import { rankrWrites, runRankr, syncAll, linkedRecords, sandboxesForEachTest } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 6, tasksPerContact: 1, notesPerContact: 1 } }, { syncFirst: true });
const { ghlContacts, ref, rankrContact } = linkedRecords(sb);
/** The keys the GHL → Rankr report has always had (new keys come beside them). */
const legacy = ({ ghlCount, rankrCount, missing, extra, duplicated, different, inParity }: Record<string, any>) => ({ ghlCount, rankrCount, missing, extra, duplicated, different, inParity });
const check = async (parameters: Record<string, unknown> = {}) => {
	const result = await runRankr(sb, { operation: 'parityCheck', ...parameters });
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json as Record<string, any>);
};

describe('GHL Sync: Parity Check', () => {
	it('finds both sides in parity after a sync, reading only', async () => {
		sb.rankr.store.addContact({ email: 'own@rankr.test', externalRef: 'crm:elsewhere:1' });
		sb.rankr.store.addContact({ email: 'other-location@rankr.test', externalRef: 'ghl:anotherLocation:abc' });
		const before = sb.rankr.requests.length;
		const [report] = await check({ compareChildren: true });
		expect(legacy(report)).toEqual({ ghlCount: 6, rankrCount: 6, missing: [], extra: [], duplicated: [], different: [], inParity: true });
		expect(report).toMatchObject({ direction: 'ghlToRankr', complete: true, stoppedByBudget: false, compared: { ghlContacts: 6, children: 6, childrenOf: 'changed' } });
		expect(rankrWrites(sb, before)).toEqual([]);
	});

	it('reports each seeded difference once, and no others', async () => {
		const [missing, edited, duplicated] = ghlContacts();
		const missingRankrId = rankrContact(missing.id).id;
		sb.rankr.store.deleteContact(missingRankrId);
		sb.rankr.store.updateContact(rankrContact(edited.id), { city: 'Nowhere', dnd: true });
		const extra = sb.rankr.store.addContact({ email: 'ghost@rankr.test', externalRef: ref('ghostContact1') });
		// Rankr refuses a second contact with one externalRef; a copy put straight into its store stands for one made by a faulty import.
		const original = rankrContact(duplicated.id);
		const copyId = sb.rankr.store.id('ctc_');
		sb.rankr.store.contacts.set(copyId, { ...original, id: copyId, email: null, createdAt: new Date(Date.now() + 1000).toISOString() });

		const [report] = await check();
		expect(legacy(report)).toEqual({
			ghlCount: 6,
			rankrCount: 7,
			missing: [{ ghlContactId: missing.id, externalRef: ref(missing.id), name: `${missing.firstName} ${missing.lastName}`, email: missing.email }],
			extra: [
				{ rankrContactId: copyId, externalRef: ref(duplicated.id), reason: 'duplicate' },
				{ rankrContactId: extra.id, externalRef: ref('ghostContact1'), reason: 'not in GHL' },
			],
			duplicated: [{ externalRef: ref(duplicated.id), ghlContactId: duplicated.id, rankrContactIds: [original.id, copyId] }],
			different: [
				{
					ghlContactId: edited.id,
					rankrContactId: rankrContact(edited.id).id,
					fields: [
						{ field: 'city', ghl: null, rankr: 'Nowhere' },
						{ field: 'dnd', ghl: false, rankr: true },
					],
				},
			],
			inParity: false,
		});
	});

	it('with Compare Tags, Tasks and Notes, finds differences in each', async () => {
		const [a, b] = ghlContacts();
		const rankrA = rankrContact(a.id);
		// One of GHL's tags removed in Rankr (a difference) and one of Rankr's own added (not one).
		const [droppedTag, ...keptTags] = [...rankrA.tags].sort();
		sb.rankr.store.updateContact(rankrA, { tags: [...keptTags, 'rankr-only-tag'] });
		const [taskA] = [...sb.rankr.store.tasks.values()].filter((t) => t.contactId === rankrA.id);
		taskA.title = 'Renamed in Rankr';
		const rankrB = rankrContact(b.id);
		const [noteB] = [...sb.rankr.store.notes.values()].filter((n) => n.contactId === rankrB.id);
		sb.rankr.store.notes.delete(noteB.id);
		addTask(sb.rankr.store, rankrB.id, { title: 'Rankr-only task' });
		const [ghlTaskB] = [...sb.ghl.store.tasks.values()].filter((t) => t.contactId === b.id);
		sb.ghl.store.updateTask(ghlTaskB.id, { completed: true });

		const [without] = await check();
		expect(without.inParity).toBe(true);
		const [report] = await check({ compareChildren: true });
		const ghlTaskA = [...sb.ghl.store.tasks.values()].find((t) => t.contactId === a.id)!;
		const ghlNoteB = [...sb.ghl.store.notes.values()].find((n) => n.contactId === b.id)!;
		expect(report.different).toEqual(
			expect.arrayContaining([
				{
					ghlContactId: a.id,
					rankrContactId: rankrA.id,
					fields: [
						{ field: 'tags', ghl: [droppedTag, ...keptTags], rankr: keptTags },
						{ field: `task:${ghlTaskA.id}.title`, ghl: ghlTaskA.title, rankr: 'Renamed in Rankr' },
					],
				},
				{
					ghlContactId: b.id,
					rankrContactId: rankrB.id,
					fields: [
						{ field: `task:${ghlTaskB.id}.completed`, ghl: true, rankr: false },
						{ field: `note:${ghlNoteB.id}`, ghl: ghlNoteB.body, rankr: null },
					],
				},
			]),
		);
		expect(report.different).toHaveLength(2);
		expect(report.inParity).toBe(false);

		// One sync repairs it all; the Rankr-only tag and task are not GHL's to compare, and stay.
		await syncAll(sb, {}, [a.id, b.id]);
		const [after] = await check({ compareChildren: true });
		expect(after.inParity).toBe(true);
		expect(rankrContact(a.id).tags).toContain('rankr-only-tag');
	});

	it('outputs one item per difference when asked, none when in parity', async () => {
		const [missing] = ghlContacts();
		expect(await check({ output: 'differences' })).toEqual([]);
		sb.rankr.store.deleteContact(rankrContact(missing.id).id);
		const items = await check({ output: 'differences' });
		expect(items).toEqual([{ kind: 'missing', direction: 'ghlToRankr', ghlContactId: missing.id, externalRef: ref(missing.id), name: expect.any(String), email: missing.email }]);
	});

	it('narrows both sides to a tag', async () => {
		const [tagged, other] = ghlContacts();
		sb.ghl.store.updateContact(tagged.id, { tags: ['parity-scope'] });
		await syncAll(sb, {}, [tagged.id]);
		sb.rankr.store.deleteContact(rankrContact(other.id).id);
		const [report] = await check({ scope: 'tag', tag: 'Parity-Scope' });
		expect(report).toMatchObject({ ghlCount: 1, rankrCount: 1, inParity: true });
	});

	it('checks only the GHL contacts a search finds, without reporting extras', async () => {
		const [found] = ghlContacts();
		sb.rankr.store.addContact({ email: 'ghost@rankr.test', externalRef: ref('ghostContact2') });
		const [report] = await check({ scope: 'query', query: found.email });
		expect(report).toMatchObject({ ghlCount: 1, rankrCount: 1, missing: [], extra: [], inParity: true });
	});
});
