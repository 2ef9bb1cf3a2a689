/**
 * Fault injection: 1,500 GHL contacts (one task and one note each) synced into Rankr while both sandboxes
 * answer 5% of requests 429, 2% 5xx, drop 1% of connections and let 1% time out. Afterwards nothing may be lost or
 * doubled: a parity check (faults off) finds both sides equal, and Rankr's store holds exactly one copy
 * of every record. Idempotency-Keys on POSTs are what make retrying the writes safe.
 *
 * Budget: under 4 minutes on 2 busy cores; the time is printed. Without Continue On Fail the Sync node runs
 * its items one after another (n8n's item contract: nothing after a failed item is sent), so 1,500 contacts
 * cost what 5,000 did when items ran 8 at a time. Injected 429s say
 * `Retry-After: 0` so the test measures retry behaviour, not a second of waiting per 429 (the transport
 * honours a real Retry-After: test/transport). SYNC_FAULT_CONTACTS=1000 runs a smaller copy while iterating.
 */
import type { SyncSandboxes } from './setup';
import { runRankr, startSandboxes, syncAll, fastRetriesForFile, SYNC_FAULTS } from './setup';

const CONTACTS = Number(process.env.SYNC_FAULT_CONTACTS ?? 1500);
const FAULTS = SYNC_FAULTS;
let sb: SyncSandboxes;
fastRetriesForFile();

beforeAll(async () => {
	sb = await startSandboxes(
		{ seed: { contacts: CONTACTS, tasksPerContact: 1, notesPerContact: 1 }, faults: { ...FAULTS, random: 21 } },
		{ validateResponses: false, faults: { ...FAULTS, random: 11 } },
	);
});
afterAll(async () => {
	await Promise.all([sb.ghl.close(), sb.rankr.close()]);
});

describe('GHL → Rankr sync under injected faults', () => {
	it(`syncs ${CONTACTS} contacts with tasks and notes, losing and doubling nothing`, async () => {
		const started = Date.now();
		const cpu = process.cpuUsage();
		const { items, error } = await syncAll(sb);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(CONTACTS);
		expect(items.filter((i) => i.json.error)).toEqual([]);
		expect(items.every((i) => (i.json.changes as { contact: string }).contact === 'created')).toBe(true);

		// The faults really happened, of every kind, on both sides.
		const faults = new Map<string, number>();
		for (const [side, requests] of [['rankr', sb.rankr.requests], ['ghl', sb.ghl.requests]] as const) {
			for (const r of requests) if (r.fault) faults.set(`${side} ${r.fault}`, (faults.get(`${side} ${r.fault}`) ?? 0) + 1);
		}
		for (const side of ['rankr', 'ghl']) for (const kind of ['429', '500', '503', 'reset', 'slow']) expect(faults.get(`${side} ${kind}`) ?? 0).toBeGreaterThan(10);
		expect(sb.rankr.contractViolations).toEqual([]);

		// Rankr's store: exactly one contact, task and note per GHL record.
		const { store } = sb.rankr;
		expect(store.contacts.size).toBe(CONTACTS);
		expect(store.tasks.size).toBe(CONTACTS);
		expect(store.notes.size).toBe(CONTACTS);
		expect(new Set([...store.contacts.values()].map((c) => c.externalRef)).size).toBe(CONTACTS);
		expect(new Set([...store.tasks.values()].map((t) => t.externalRef)).size).toBe(CONTACTS);
		expect(new Set([...store.notes.values()].map((n) => n.contactId)).size).toBe(CONTACTS);

		sb.rankr.setFaults(undefined);
		sb.ghl.setFaults(undefined);
		const parity = await runRankr(sb, { operation: 'parityCheck' });
		expect(parity.error).toBeUndefined();
		expect(parity.items[0].json).toMatchObject({ ghlCount: CONTACTS, rankrCount: CONTACTS, missing: [], extra: [], duplicated: [], different: [], inParity: true });
		expect(sb.rankr.contractViolations).toEqual([]);
		const used = process.cpuUsage(cpu);
		process.stdout.write(`fault suite: ${CONTACTS} contacts in ${Date.now() - started} ms (${Math.round((used.user + used.system) / 1000)} ms CPU in this process); faults ${JSON.stringify(Object.fromEntries(faults))}\n`);
	}, 600_000);

	it('applies GHL edits and deletions under the same faults (PATCH, complete, DELETE retried safely)', async () => {
		sb.rankr.setFaults({ ...FAULTS, random: 12 });
		sb.ghl.setFaults({ ...FAULTS, random: 22 });
		const ghl = sb.ghl.store;
		const all = ghl.contactsOf(sb.ghl.locationId);
		const edited = all.slice(0, 300);
		const deleted = all.slice(300, 350);
		for (const contact of edited) {
			ghl.updateContact(contact.id, { city: 'Faultville', tags: [...contact.tags, 'edited'] });
			for (const task of [...ghl.tasks.values()].filter((t) => t.contactId === contact.id)) ghl.updateTask(task.id, { completed: true, title: 'Called back' });
			for (const note of [...ghl.notes.values()].filter((n) => n.contactId === contact.id)) ghl.notes.delete(note.id);
		}
		for (const contact of deleted) ghl.deleteContact(contact.id);

		const { items, error } = await syncAll(sb, { deletions: 'delete' }, [...edited, ...deleted].map((c) => c.id));
		expect(error).toBeUndefined();
		expect(items.slice(0, 300).every((i) => i.json.changed === true && (i.json.changes as { contact: string }).contact === 'updated')).toBe(true);
		expect(items.slice(300).every((i) => (i.json.changes as { contact: string }).contact === 'deleted')).toBe(true);
		expect(sb.rankr.contractViolations).toEqual([]);

		const { store } = sb.rankr;
		expect(store.contacts.size).toBe(CONTACTS - 50);
		expect(store.tasks.size).toBe(CONTACTS - 50);
		expect(store.notes.size).toBe(CONTACTS - 350);
		expect([...store.tasks.values()].filter((t) => t.completed && t.title === 'Called back')).toHaveLength(300);

		sb.rankr.setFaults(undefined);
		sb.ghl.setFaults(undefined);
		const whole = await runRankr(sb, { operation: 'parityCheck' });
		expect(whole.items[0].json).toMatchObject({ ghlCount: CONTACTS - 50, rankrCount: CONTACTS - 50, inParity: true });
		const children = await runRankr(sb, { operation: 'parityCheck', scope: 'tag', tag: 'edited', compareChildren: true });
		expect(children.items[0].json).toMatchObject({ ghlCount: 300, rankrCount: 300, missing: [], extra: [], duplicated: [], different: [], inParity: true });
	}, 300_000);
});
