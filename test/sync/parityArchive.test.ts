/**
 * Parity Check after archiving and with Rankr's own tags: a contact the sync archived because GHL deleted it
 * is what the sync is meant to leave (not an extra); an archived one GHL still has is a difference; a tag
 * only Rankr added is neither a difference nor puts a contact in a tag's scope.
 */
import { runRankr, syncAll, linkedRecords, sandboxesForEachTest } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 3, tasksPerContact: 1, notesPerContact: 1 } }, { syncFirst: true });
const { ghlContacts, ref, rankrContact } = linkedRecords(sb);
const check = async (parameters: Record<string, unknown> = {}) => {
	const result = await runRankr(sb, { operation: 'parityCheck', ...parameters });
	expect(result.error).toBeUndefined();
	return result.items[0].json as Record<string, any>;
};

describe('GHL Sync: Parity Check and archived contacts', () => {
	it('an archived Rankr contact whose GHL contact is gone is neither extra nor counted: both sides are in parity', async () => {
		const [gone] = ghlContacts();
		sb.ghl.store.deleteContact(gone.id);
		await syncAll(sb, {}, [gone.id]);
		expect(rankrContact(gone.id).archivedAt).toEqual(expect.any(String));

		for (const compareChildren of [false, true]) {
			expect(await check({ compareChildren })).toMatchObject({ ghlCount: 2, rankrCount: 2, missing: [], extra: [], duplicated: [], different: [], inParity: true });
		}
	});

	it('a live Rankr contact whose GHL contact is gone is still reported extra', async () => {
		const [gone] = ghlContacts();
		sb.ghl.store.deleteContact(gone.id);
		const report = await check();
		expect(report.extra).toEqual([{ rankrContactId: rankrContact(gone.id).id, externalRef: ref(gone.id), reason: 'not in GHL' }]);
	});

	it('an archived Rankr contact whose GHL contact exists is reported as different (archivedAt), and a sync restores it', async () => {
		const [live] = ghlContacts();
		const rankr = rankrContact(live.id);
		sb.rankr.store.updateContact(rankr, { archived: true });
		const report = await check();
		expect(report).toMatchObject({
			ghlCount: 3,
			rankrCount: 3,
			extra: [],
			different: [{ ghlContactId: live.id, rankrContactId: rankr.id, fields: [{ field: 'archivedAt', ghl: null, rankr: rankr.archivedAt }] }],
			inParity: false,
		});
		await syncAll(sb, {}, [live.id]);
		expect((await check()).inParity).toBe(true);
	});
});

describe('GHL Sync: Parity Check and tags only Rankr added', () => {
	it('a tag only Rankr added is not a difference, and does not bring its contact into a tag-scoped check', async () => {
		const [a] = ghlContacts();
		sb.rankr.store.updateContact(rankrContact(a.id), { tags: [...rankrContact(a.id).tags, 'rankr-scored'] });
		expect(await check({ compareChildren: true })).toMatchObject({ different: [], inParity: true });
		expect(await check({ scope: 'tag', tag: 'rankr-scored' })).toMatchObject({ ghlCount: 0, rankrCount: 0, extra: [], inParity: true });
	});
});
