/**
 * Sync Location under injected faults on both APIs (429s, 5xx, dropped connections, timeouts), and with a
 * record Rankr refuses: nothing is lost or doubled. Parity Check (faults off) is the judge; Rankr's store
 * must hold exactly one copy of each GHL record.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SyncSandboxes } from './setup';
import { parity, runLocation, startSandboxes, fastRetriesForFile, SYNC_FAULTS } from './setup';

const CONTACTS = Number(process.env.SYNC_LOCATION_FAULT_CONTACTS ?? 600);
const FAULTS = SYNC_FAULTS;
let sb: SyncSandboxes;
fastRetriesForFile();

beforeAll(async () => {
	// One-second windows: a 429's random re-entry spread (up to a quarter window) then costs milliseconds, not
	// seconds, on a run whose requests follow one another; what is tested is that nothing is lost or doubled.
	sb = await startSandboxes(
		{ seed: { contacts: CONTACTS, tasksPerContact: 2, notesPerContact: 1 }, faults: { ...FAULTS, random: 31 }, rateLimit: { max: 1_000_000, intervalMs: 1000, dailyMax: 100_000_000 } },
		{ validateResponses: false, faults: { ...FAULTS, random: 17 }, rateLimit: { max: 1_000_000, intervalMs: 1000 } },
	);
});
afterAll(async () => {
	await Promise.all([sb.ghl.close(), sb.rankr.close()]);
});

const ghlContacts = () => sb.ghl.store.contactsOf(sb.ghl.locationId);

async function clockCaughtUp() {
	const latest = Math.max(...ghlContacts().map((c) => Date.parse(c.dateUpdated)));
	while (Date.now() <= latest) await new Promise((resolve) => setTimeout(resolve, 5));
}

function exactlyOneCopy(contacts: number) {
	const { store } = sb.rankr;
	expect(store.contacts.size).toBe(contacts);
	expect(new Set([...store.contacts.values()].map((c) => c.externalRef)).size).toBe(contacts);
	expect(new Set([...store.tasks.values()].map((t) => `${t.contactId} ${t.externalRef}`)).size).toBe(store.tasks.size);
	expect(new Set([...store.notes.values()].map((n) => `${n.contactId} ${n.externalRef}`)).size).toBe(store.notes.size);
}

describe('Sync Location under faults on both APIs', () => {
	const staticData: IDataObject = {};

	it(`syncs ${CONTACTS} contacts in budgeted runs while both APIs fail at random, losing and doubling nothing`, async () => {
		const t0 = Date.now();
		await clockCaughtUp();
		let complete = false;
		for (let run = 0; run < 6 && !complete; run++) {
			const { items, error } = await runLocation(sb, staticData, { options: { maxRequests: 250 } });
			expect(error).toBeUndefined();
			complete = items[0].json.complete === true;
		}
		expect(complete).toBe(true);
		process.stdout.write(`Sync Location fault suite: ${CONTACTS} contacts synced in ${Date.now() - t0} ms\n`);
		const faults = new Set([...sb.rankr.requests, ...sb.ghl.requests].map((r) => r.fault).filter(Boolean));
		expect([...faults].sort()).toEqual(['429', '500', '503', 'reset', 'slow']);
		exactlyOneCopy(CONTACTS);
		expect(sb.rankr.store.tasks.size).toBe(CONTACTS * 2);
		expect(sb.rankr.store.notes.size).toBe(CONTACTS);

		sb.rankr.setFaults(undefined);
		sb.ghl.setFaults(undefined);
		expect(await parity(sb)).toMatchObject({ ghlCount: CONTACTS, rankrCount: CONTACTS, inParity: true });
	}, 300_000);

	it('a contact Rankr refuses is counted failed, retried by the next run, and synced once the cause is gone', async () => {
		sb.rankr.setFaults(undefined);
		sb.ghl.setFaults(undefined);
		const [a] = ghlContacts();
		// A contact made in Rankr holds the email GHL now gives this one: Rankr refuses the upsert (409).
		const blocker = sb.rankr.store.addContact({ email: 'taken@example.com', firstName: 'Rankr only' });
		sb.ghl.store.updateContact(a.id, { email: 'taken@example.com' });
		await clockCaughtUp();
		const first = (await runLocation(sb, staticData)).items[0].json;
		expect(first).toMatchObject({ failed: 1, failures: [{ ghlContactId: a.id, error: expect.stringMatching(/conflict/) }], cursor: { retry: 1 } });

		sb.rankr.store.updateContact(blocker, { email: 'moved@example.com' });
		const second = (await runLocation(sb, staticData)).items[0].json;
		expect(second).toMatchObject({ failed: 0, updated: 1, cursor: { retry: 0 } });
		expect(sb.rankr.store.contactBy('email', 'taken@example.com')?.externalRef).toBe(`ghl:${sb.ghl.locationId}:${a.id}`);
		exactlyOneCopy(CONTACTS + 1);
		expect(await parity(sb)).toMatchObject({ inParity: true });
	}, 120_000);
});
