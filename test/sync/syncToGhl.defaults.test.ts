/**
 * Sync to GHL straight after a Rankr Trigger, with its fields left at their defaults: the item the trigger
 * emits for a task or note event has the contact only as `contactId`, and a contact.deleted event holds the
 * deleted contact (with its GHL link) under `contact`. Both must reach GHL without the user writing expressions.
 */
import { eventItem } from '../../nodes/RankrTrigger/delivery';
import { clioFor, runRankr, sandboxesForEachTest } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 0 } });

const clio = clioFor(sb);
const triggerItem = (type: string, data: Record<string, unknown>) =>
	eventItem({ id: `evt_${type}`, type, createdAt: new Date().toISOString(), origin: 'clio', data: JSON.parse(JSON.stringify(data)) });

async function syncWithDefaults(item: Record<string, unknown>) {
	const result = await runRankr(sb, { operation: 'syncToGhl' }, [item]);
	if (result.error) throw result.error;
	return result.items[0].json as Record<string, any>;
}

describe('GHL Sync: Sync to GHL after a Rankr Trigger, fields at their defaults', () => {
	it('a task event (contact only as contactId) completes the GHL task', async () => {
		const contact = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann' });
		const task = clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion', status: 'in_progress', dueAt: '2030-02-01T09:00:00.000Z' });
		const first = await syncWithDefaults(triggerItem('contact.created', { contact }));
		expect(first).toMatchObject({ rankrContactId: contact.id, changes: { contact: 'created' } });
		const done = clio('task', { contactClioId: 'c1', clioTaskId: 't1', status: 'complete' });
		const out = await syncWithDefaults(triggerItem('task.updated', { task: done ?? task }));
		expect(out.rankrContactId).toBe(contact.id);
		expect(out.changes.tasks).toMatchObject({ completed: 1 });
		expect([...sb.ghl.store.tasks.values()]).toEqual([expect.objectContaining({ title: 'File motion', completed: true })]);
	});

	it('a contact.deleted event soft-deletes the GHL contact its link names', async () => {
		clio('contact', { clioId: 'c2', email: 'bo@law.example', firstName: 'Bo' });
		const contact = [...sb.rankr.store.contacts.values()].find((c) => c.email === 'bo@law.example')!;
		const { ghlContactId } = await syncWithDefaults(triggerItem('contact.updated', { contact }));
		const linked = JSON.parse(JSON.stringify(sb.rankr.store.contacts.get(contact.id)));
		clio('delete', { clioId: 'c2' });
		const out = await syncWithDefaults(triggerItem('contact.deleted', { contact: linked }));
		expect(out).toMatchObject({ ghlContactId, changes: { contact: 'softDeleted' } });
		expect(sb.ghl.store.contacts.get(ghlContactId)).toMatchObject({ dnd: true, tags: expect.arrayContaining(['deleted-in-rankr']) });
	});
});
