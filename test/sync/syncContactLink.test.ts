/**
 * Sync Contact finds a Rankr contact through its GHL link: a Clio contact (externalRef `clio:…`) that Sync
 * to GHL put into GHL is updated when GHL changes it, never copied a second time, and the round trip
 * ends with nothing to write either way (counted from both sandboxes' request logs).
 */
import { byId, clioFor, rankrWrites, runRankr, sandboxesForEachTest } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 0 } });

const clio = clioFor(sb);
const ghlWrites = (from = 0) => sb.ghl.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
const ghlTasks = (contactId: string) => [...sb.ghl.store.tasks.values()].filter((t) => t.contactId === contactId);

async function run(parameters: Record<string, unknown>) {
	const result = await runRankr(sb, parameters);
	if (result.error) throw result.error;
	return result.items[0].json as Record<string, any>;
}
const toGhl = async (rankrContactId: string) => await run({ operation: 'syncToGhl', rankrContactId });
const toRankr = async (ghlContactId: string, extra: Record<string, unknown> = {}) => await run({ operation: 'syncContact', contactId: byId(ghlContactId), ...extra });

/** A Clio client whose Rankr contact keeps Clio's externalRef, with a task and a note, pushed into GHL. */
async function clioClientInGhl() {
	const rankr = clio('contact', { clioId: 'c1', externalRef: 'clio:c1', email: 'ann@law.example', firstName: 'Ann', lastName: 'Lee' });
	clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion', status: 'in_progress', dueAt: '2030-02-01T09:00:00.000Z' });
	clio('note', { contactClioId: 'c1', clioNoteId: 'n1', body: 'Retainer signed' });
	const { ghlContactId } = await toGhl(rankr.id);
	const stored = sb.rankr.store.contacts.get(rankr.id)!;
	// Sync to GHL linked it but left Clio's externalRef alone: only the link leads back.
	expect(stored.externalRef).toBe('clio:c1');
	expect(stored.links).toContainEqual(expect.objectContaining({ system: 'ghl', id: ghlContactId, account: sb.ghl.locationId }));
	return { rankrId: String(rankr.id), ghlContactId: String(ghlContactId) };
}

describe('GHL Sync: Sync Contact finds the Rankr contact by its GHL link', () => {
	it('Clio contact → Sync to GHL → GHL edit → Sync Contact updates that same Rankr contact; then Sync to GHL writes nothing', async () => {
		const { rankrId, ghlContactId } = await clioClientInGhl();
		sb.ghl.store.updateContact(ghlContactId, { city: 'Bergen' });
		const [task] = ghlTasks(ghlContactId);
		sb.ghl.store.updateTask(task.id, { title: 'File the motion' });

		const r = sb.rankr.requests.length;
		const back = await toRankr(ghlContactId);
		expect(back).toMatchObject({ rankrContactId: rankrId, changes: { contact: 'updated', tasks: { created: 0, updated: 1 }, notes: { created: 0 } } });
		expect(sb.rankr.store.contacts.size).toBe(1);
		expect(sb.rankr.store.contacts.get(rankrId)).toMatchObject({ city: 'Bergen', externalRef: 'clio:c1' });
		expect([...sb.rankr.store.tasks.values()].map((t) => t.title)).toEqual(['File the motion']);
		// Updated by its ID (an upsert by ghl:<location>:<id> would not find it), nothing created.
		expect(rankrWrites(sb, r)).toEqual(expect.arrayContaining([`PATCH /v1/contacts/${rankrId}`]));
		expect(rankrWrites(sb, r).filter((w) => w.startsWith('POST /v1/contacts/upsert') || w === 'POST /v1/contacts')).toEqual([]);

		// No echo: what Sync Contact just wrote is not written back to GHL, and a second Sync Contact writes nothing.
		const [g, r2] = [sb.ghl.requests.length, sb.rankr.requests.length];
		expect((await toGhl(rankrId)).changed).toBe(false);
		expect(ghlWrites(g)).toEqual([]);
		expect((await toRankr(ghlContactId)).changed).toBe(false);
		expect(rankrWrites(sb, r2)).toEqual([]);
	});

	it('a Clio task that keeps Clio\'s externalRef is found through its GHL link too: updated, not copied', async () => {
		const rankr = clio('contact', { clioId: 'c1', externalRef: 'clio:c1', email: 'ann@law.example', firstName: 'Ann' });
		const task = clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion', status: 'pending', dueAt: '2030-02-01T09:00:00.000Z' });
		// A connector that names its records in externalRef, as Rankr's conventions allow.
		sb.rankr.store.tasks.get(String(task.id))!.externalRef = 'clio:task:t1';
		const { ghlContactId } = await toGhl(String(rankr.id));
		expect(sb.rankr.store.tasks.get(String(task.id))?.externalRef).toBe('clio:task:t1');
		const [ghlTask] = ghlTasks(ghlContactId);
		sb.ghl.store.updateTask(ghlTask.id, { title: 'File the motion' });
		expect((await toRankr(ghlContactId)).changes.tasks).toMatchObject({ created: 0, updated: 1 });
		expect([...sb.rankr.store.tasks.values()].map((t) => [t.id, t.title])).toEqual([[task.id, 'File the motion']]);
		expect((await toGhl(String(rankr.id))).changed).toBe(false);
	});

	it('a GHL contact gone from GHL archives the linked Rankr contact (GHL Deletions: Archive), not a copy that does not exist', async () => {
		const { rankrId, ghlContactId } = await clioClientInGhl();
		sb.ghl.store.deleteContact(ghlContactId);
		expect(await toRankr(ghlContactId)).toMatchObject({ rankrContactId: rankrId, changes: { contact: 'archived' } });
		expect(sb.rankr.store.contacts.get(rankrId)?.archivedAt).toEqual(expect.any(String));
	});

	it('a link to the same GHL contact ID in another location does not count', async () => {
		const ghl = sb.ghl.store.addContact(sb.ghl.locationId, { email: 'new@law.example', firstName: 'New' });
		const otherLink = { system: 'ghl', id: ghl.id, account: 'another-location' };
		const other = clio('contact', { clioId: 'c9', externalRef: 'clio:c9', email: 'other@law.example', links: [otherLink] });
		const out = await toRankr(ghl.id);
		expect(out.changes.contact).toBe('created');
		expect(out.rankrContactId).not.toBe(other.id);
		expect(sb.rankr.store.contacts.get(String(other.id))).toMatchObject({ email: 'other@law.example', links: [{ system: 'clio', id: 'c9' }, otherLink] });
	});
});
