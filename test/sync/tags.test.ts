/**
 * Tags: a sync adds and removes only the tags that came from GHL. Rankr records on each contact the tags
 * the last sync took from GHL (`externalTags`), so tags Rankr's own rules or users add stay.
 */
import { addRule, runEvent } from '../../sandbox/rankr';
import type { SyncSandboxes } from './setup';
import { byId, rankrWrites, runRankr, startSandboxes, syncAll } from './setup';

let sb: SyncSandboxes;
beforeEach(async () => {
	sb = await startSandboxes({ seed: { contacts: 1, tasksPerContact: 0, notesPerContact: 0 } });
});
afterEach(async () => {
	expect(sb.rankr.contractViolations).toEqual([]);
	await Promise.all([sb.ghl.close(), sb.rankr.close()]);
});

const ref = (id: string) => `ghl:${sb.ghl.locationId}:${id}`;
const ghlContact = () => sb.ghl.store.contactsOf(sb.ghl.locationId)[0];
const rankrContact = () => sb.rankr.store.contactBy('externalRef', ref(ghlContact().id))!;
const sync = async () => await runRankr(sb, { operation: 'syncContact', contactId: byId(ghlContact().id) });
const sorted = (tags: string[]) => [...tags].sort();

describe('GHL Sync: tags', () => {
	it('a tag a Rankr rule added survives the sync, and a tag removed in GHL is removed in Rankr', async () => {
		sb.ghl.store.updateContact(ghlContact().id, { tags: ['lead', 'webinar'] });
		await sync();
		addRule(sb.rankr.store, { name: 'Hot', eventType: 'ghl.TaskComplete', actions: [{ type: 'addTag', tag: 'hot-lead' }] });
		runEvent(sb.rankr.store, { type: 'ghl.TaskComplete', contactId: rankrContact().id });
		expect(sorted(rankrContact().tags)).toEqual(['hot-lead', 'lead', 'webinar']);

		sb.ghl.store.updateContact(ghlContact().id, { tags: ['lead', 'Customer'] });
		const before = sb.rankr.requests.length;
		const { items } = await sync();

		expect(items[0].json).toMatchObject({ changed: true, changes: { tags: { added: ['customer'], removed: ['webinar'] } } });
		expect(sorted(rankrContact().tags)).toEqual(['customer', 'hot-lead', 'lead']);
		expect(rankrContact().externalTags).toEqual(['customer', 'lead']);
		// Added and removed one by one: the Rankr rule's tag is never sent, so it cannot be overwritten.
		const id = rankrContact().id;
		expect(rankrWrites(sb, before).filter((w) => w.includes('/tags'))).toEqual([`POST /v1/contacts/${id}/tags`, `DELETE /v1/contacts/${id}/tags/webinar`]);

		// In step: the next run writes nothing.
		const again = sb.rankr.requests.length;
		const second = await sync();
		expect(second.items[0].json.changed).toBe(false);
		expect(rankrWrites(sb, again)).toEqual([]);
	});

	it('a tag both sides held before the first sync counts as GHL’s: it stays, and goes when GHL removes it; Rankr’s other tags stay', async () => {
		// Linked before Rankr recorded GHL's tags (an older sync, or an import): no externalTags yet.
		sb.ghl.store.updateContact(ghlContact().id, { tags: ['shared', 'from-ghl'] });
		const rankr = sb.rankr.store.addContact({ externalRef: ref(ghlContact().id), tags: ['shared', 'rankr-own'] });
		expect(rankr.externalTags).toBeNull();

		const first = await sync();
		expect(first.items[0].json).toMatchObject({ changes: { tags: { added: ['from-ghl'], removed: [] } } });
		expect(sorted(rankrContact().tags)).toEqual(['from-ghl', 'rankr-own', 'shared']);
		expect(rankrContact().externalTags).toEqual(['from-ghl', 'shared']);

		sb.ghl.store.updateContact(ghlContact().id, { tags: ['from-ghl'] });
		const second = await sync();
		expect(second.items[0].json).toMatchObject({ changes: { tags: { added: [], removed: ['shared'] } } });
		expect(sorted(rankrContact().tags)).toEqual(['from-ghl', 'rankr-own']);
	});

	it('a tag removed in Rankr by hand that GHL still has comes back (GHL is the source of its tags)', async () => {
		sb.ghl.store.updateContact(ghlContact().id, { tags: ['lead'] });
		await syncAll(sb);
		sb.rankr.store.updateContact(rankrContact(), { tags: [] });
		const { items } = await sync();
		expect(items[0].json).toMatchObject({ changes: { tags: { added: ['lead'], removed: [] } } });
		expect(rankrContact().tags).toEqual(['lead']);
	});
});
