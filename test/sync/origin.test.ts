/**
 * The loop guard's sending half: every Rankr write of the GHL → Rankr sync says `Rankr-Origin: ghl`, so the
 * Rankr events it fires carry `origin: ghl` (what a Rankr Trigger set to ignore GHL skips); and Sync to GHL,
 * fed such an event anyway, finds nothing to write.
 */
import { eventItem } from '../../nodes/RankrTrigger/delivery';
import type { RankrDelivery } from '../../nodes/RankrTrigger/delivery';
import { addWebhook } from '../../sandbox/rankr';
import type { SyncSandboxes } from './setup';
import { runLocation, runRankr, sandboxesForEachTest, syncAll } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 3, tasksPerContact: 1, notesPerContact: 1 } });

const ALL_EVENTS = ['contact.created', 'contact.updated', 'contact.deleted', 'task.created', 'task.updated', 'task.completed', 'note.created', 'note.updated', 'tag.added', 'tag.removed'] as const;

/** A subscription on a closed port: every delivery fails, but the sandbox records each with its body. */
function recordEvents(s: SyncSandboxes) {
	addWebhook(s.rankr.store, { url: 'http://127.0.0.1:9/hook', events: [...ALL_EVENTS] });
	return async (from = 0) => {
		await s.rankr.flushWebhooks();
		return s.rankr.deliveries.slice(from).map((d) => d.body as unknown as RankrDelivery);
	};
}

const originsOf = (events: RankrDelivery[]) => [...new Set(events.map((e) => e.origin))];

describe('GHL Sync: the sync\'s own Rankr writes say they come from GHL', () => {
	it('Sync Contact: creating, updating, tagging and copying tasks and notes fire events with origin ghl only', async () => {
		const events = recordEvents(sb);
		expect((await syncAll(sb)).error).toBeUndefined();
		const first = await events();
		expect(first.map((e) => e.type)).toEqual(expect.arrayContaining(['contact.created', 'task.created', 'note.created']));
		expect(originsOf(first)).toEqual(['ghl']);
		// Every write carried the header; reads need none.
		const writes = sb.rankr.requests.filter((r) => r.method !== 'GET');
		expect(writes.length).toBeGreaterThan(0);
		expect(writes.filter((r) => r.headers['rankr-origin'] !== 'ghl')).toEqual([]);

		const [ghl] = sb.ghl.store.contactsOf(sb.ghl.locationId);
		sb.ghl.store.updateContact(ghl.id, { city: 'Bergen', tags: [...ghl.tags, 'origin-test'] });
		const task = [...sb.ghl.store.tasks.values()].find((t) => t.contactId === ghl.id)!;
		sb.ghl.store.updateTask(task.id, { completed: true });
		const from = sb.rankr.deliveries.length;
		expect((await syncAll(sb, {}, [ghl.id])).items[0].json).toMatchObject({ changes: { contact: 'updated', tasks: { updated: 1 } } });
		const second = await events(from);
		expect(second.map((e) => e.type)).toEqual(expect.arrayContaining(['contact.updated', 'task.completed', 'tag.added']));
		expect(originsOf(second)).toEqual(['ghl']);
	});

	it('Sync Location: its batch writes fire events with origin ghl only', async () => {
		const events = recordEvents(sb);
		const { error } = await runLocation(sb, {});
		expect(error).toBeUndefined();
		const fired = await events();
		expect(fired.map((e) => e.type)).toEqual(expect.arrayContaining(['contact.created', 'task.created', 'note.created']));
		expect(originsOf(fired)).toEqual(['ghl']);
	});

	it('Sync to GHL fed an event with origin ghl (the echo a trigger did not ignore) writes nothing to GHL', async () => {
		const events = recordEvents(sb);
		await syncAll(sb);
		const echoes = (await events()).filter((e) => e.origin === 'ghl' && ['contact.created', 'task.created', 'note.created'].includes(e.type));
		expect(echoes.length).toBeGreaterThanOrEqual(9);
		const [g, from] = [sb.ghl.requests.length, sb.rankr.deliveries.length];
		const { items, error } = await runRankr(sb, { operation: 'syncToGhl', rankrContactId: '={{ $json.contactId }}' }, echoes.map((e) => eventItem(e)));
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.changed)).toEqual(echoes.map(() => false));
		expect(sb.ghl.requests.slice(g).filter((r) => r.method !== 'GET')).toEqual([]);
		// Its only Rankr writes are the links it records: from GHL too, so they do not come round again.
		expect((await events(from)).filter((e) => e.origin !== 'ghl')).toEqual([]);
	});
});
