/**
 * Cases the two-way soak (test/e2e/twoWay.soak.e2e.test.ts) found, each reduced to the two syncs in a row
 * that n8n ran there: a delete on one side must not be undone by the sync carrying it back.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { eventItem } from '../../nodes/RankrTrigger/delivery';
import { startGhlSandbox } from '../../sandbox/ghl';
import { clioFor, runRankr, sandboxesForEachTest, syncContactOf, syncToGhlOf } from './setup';

const sb = sandboxesForEachTest({ seed: { contacts: 0 } });

const clio = clioFor(sb);
const ghlContacts = () => sb.ghl.store.contactsOf(sb.ghl.locationId);

const toGhl = (rankrContactId: string, extra: Record<string, unknown> = {}) => syncToGhlOf(sb, rankrContactId, extra);
const toRankr = (ghlContactId: string) => syncContactOf(sb, ghlContactId);

describe('two-way deletes are not undone by the way back', () => {
	it('a contact deleted in GHL is archived in Rankr, and Sync to GHL does not make it again in GHL', async () => {
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann' });
		const { ghlContactId } = await toGhl(ann.id);
		sb.ghl.store.deleteContact(ghlContactId);
		expect((await toRankr(ghlContactId)).changes.contact).toBe('archived');
		// The archive fires contact.updated; the Rankr Trigger runs Sync to GHL for it.
		const out = await toGhl(ann.id);
		expect(out).toMatchObject({ changed: false, changes: { contact: 'unchanged' } });
		expect(ghlContacts()).toEqual([]);
	});

	it('a Rankr contact whose GHL contact GHL deleted is not re-created even before Sync Contact archived it', async () => {
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann' });
		const { ghlContactId } = await toGhl(ann.id);
		sb.ghl.store.deleteContact(ghlContactId);
		clio('contact', { clioId: 'c1', firstName: 'Annie' });
		expect((await toGhl(ann.id)).changed).toBe(false);
		expect(ghlContacts()).toEqual([]);
	});

	it('a contact deleted in Rankr is soft-deleted in GHL, and Sync Contact does not bring it back into Rankr', async () => {
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann' });
		const { ghlContactId } = await toGhl(ann.id);
		clio('delete', { clioId: 'c1' });
		expect((await toGhl(ann.id, { ghlContactIdIfGone: ghlContactId })).changes.contact).toBe('softDeleted');
		// The tag and DND fire ContactTagUpdate and ContactUpdate; the GHL Trigger runs Sync Contact for them.
		const back = await toRankr(ghlContactId);
		expect(back).toMatchObject({ changed: false, rankrContactId: null });
		expect(sb.rankr.store.contacts.size).toBe(0);
	});
});

describe('a soft delete stays', () => {
	it('a Rankr copy made again by a GHL event still queued when Rankr deleted the contact does not take DND off the soft-deleted GHL contact', async () => {
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann' });
		const { ghlContactId } = await toGhl(ann.id);
		clio('delete', { clioId: 'c1' });
		// A GHL change made before the delete is synced first: Rankr has no contact for it any more, so one is made.
		sb.ghl.store.updateContact(ghlContactId, { city: 'Oslo' });
		const again = (await toRankr(ghlContactId)).rankrContactId as string;
		expect((await toGhl(ann.id, { ghlContactIdIfGone: ghlContactId })).changes.contact).toBe('softDeleted');
		const out = await toGhl(again);
		expect(out.changed).toBe(false);
		expect(sb.ghl.store.contacts.get(ghlContactId)).toMatchObject({ dnd: true, tags: expect.arrayContaining(['deleted-in-rankr']) });
	});
});

describe('what Sync Contact carried moves the link snapshot on', () => {
	it('a field GHL changed twice still reaches Rankr the second time, though Rankr changed later (another field)', async () => {
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann' });
		const { ghlContactId } = await toGhl(ann.id);
		sb.ghl.store.updateContact(ghlContactId, { firstName: 'Anna' });
		await toRankr(ghlContactId);
		sb.ghl.store.updateContact(ghlContactId, { firstName: 'Hanna' });
		clio('contact', { clioId: 'c1', city: 'Oslo' });
		// With the snapshot left at Ann, firstName looked changed on both sides and went to the newer (Rankr).
		const back = await toRankr(ghlContactId);
		expect(back.conflicts).toBeUndefined();
		expect(sb.rankr.store.contacts.get(ann.id)?.firstName).toBe('Hanna');
		expect((await toGhl(ann.id)).changes.fields).toEqual(['city']);
		expect(sb.ghl.store.contacts.get(ghlContactId)).toMatchObject({ firstName: 'Hanna', city: 'Oslo' });
	});

	it('a task GHL completed and Rankr then reopened is reopened in GHL', async () => {
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann' });
		clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion', status: 'pending', dueAt: '2030-02-01T09:00:00.000Z' });
		const { ghlContactId } = await toGhl(ann.id);
		const [task] = [...sb.ghl.store.tasks.values()];
		sb.ghl.store.updateTask(task.id, { completed: true });
		expect((await toRankr(ghlContactId)).changes.tasks).toMatchObject({ updated: 1 });
		expect([...sb.rankr.store.tasks.values()][0].status).toBe('complete');
		clio('task', { contactClioId: 'c1', clioTaskId: 't1', status: 'in_progress' });
		expect((await toGhl(ann.id)).changes.tasks).toMatchObject({ reopened: 1 });
		expect(sb.ghl.store.tasks.get(task.id)?.completed).toBe(false);
	});
});

describe('fields GHL takes only on create', () => {
	it('a company name changed in Rankr after the GHL contact exists is not sent (GHL’s update refuses it) and the rest still is', async () => {
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann', companyName: 'Lee Law' });
		const { ghlContactId } = await toGhl(ann.id);
		expect(sb.ghl.store.contacts.get(ghlContactId)?.companyName).toBe('Lee Law');
		clio('contact', { clioId: 'c1', companyName: 'Lee & Park', city: 'Oslo' });
		const out = await toGhl(ann.id);
		expect(out.changes.fields).toEqual(['city']);
		expect(sb.ghl.store.contacts.get(ghlContactId)).toMatchObject({ companyName: 'Lee Law', city: 'Oslo' });
	});
});

describe('defaults that read the Rankr Trigger’s item', () => {
	const itemOf = (type: string, data: Record<string, unknown>) => eventItem({ id: 'dlv_1', type, createdAt: new Date().toISOString(), data } as never);

	it('a task event names its contact (contactId), and contact.deleted names the GHL contact to soft-delete', async () => {
		const ann = clio('contact', { clioId: 'c1', email: 'ann@law.example', firstName: 'Ann' });
		const task = clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion' });
		const first = await runRankr(sb, { operation: 'syncToGhl' }, [itemOf('task.created', { task })]);
		expect(first.error).toBeUndefined();
		const ghlContactId = String(first.items[0].json.ghlContactId);
		expect(ghlContacts().map((c) => c.id)).toEqual([ghlContactId]);
		const linked = structuredClone(sb.rankr.store.contacts.get(ann.id));
		clio('delete', { clioId: 'c1' });
		const gone = await runRankr(sb, { operation: 'syncToGhl' }, [itemOf('contact.deleted', { contact: linked })]);
		expect(gone.items[0].json).toMatchObject({ ghlContactId, changes: { contact: 'softDeleted' } });
	});
});

describe('the sandbox switches the soak runs with', () => {
	it('GHL: deliverWebhooks sends the documented event of each write (none for a task edit), retried after a 429; recordChanges marks a write that changed nothing', async () => {
		const got: Array<{ type: string; id?: string }> = [];
		let refuseNext = true;
		const receiver = http.createServer((req, res) => {
			let body = '';
			req.on('data', (c) => (body += c));
			req.on('end', () => {
				const event = JSON.parse(body) as { type: string; id?: string };
				if (event.type === 'TaskCreate' && refuseNext) {
					refuseNext = false;
					res.writeHead(429).end();
					return;
				}
				got.push({ type: event.type, id: event.id });
				res.writeHead(200).end();
			});
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
		const ghl = await startGhlSandbox({ seed: { contacts: 0 }, rateLimit: false, recordChanges: true, deliverWebhooks: { url, retryDelayMs: 10 } });
		try {
			const api = async (method: string, path: string, body: unknown) =>
				(await fetch(ghl.url + path, { method, headers: { authorization: `Bearer ${ghl.token}`, version: '2021-07-28', 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>;
			const { contact } = await api('POST', '/contacts/', { locationId: ghl.locationId, firstName: 'Ann' });
			await api('PUT', `/contacts/${contact.id}`, { firstName: 'Ann' });
			const { task } = await api('POST', `/contacts/${contact.id}/tasks`, { title: 'Call', dueDate: '2030-01-01T00:00:00.000Z', completed: false });
			await api('PUT', `/contacts/${contact.id}/tasks/${task.id}`, { title: 'Call back' });
			await api('PUT', `/contacts/${contact.id}/tasks/${task.id}/completed`, { completed: true });
			for (let i = 0; i < 100 && ghl.outstandingDeliveries() > 0; i++) await new Promise((r) => setTimeout(r, 20));
			// TaskCreate was refused with a 429 first and came again later, as GHL's retries do (so order varies).
			expect([...got].sort((x, y) => x.type.localeCompare(y.type))).toEqual([
				{ type: 'ContactCreate', id: contact.id },
				{ type: 'ContactUpdate', id: contact.id },
				{ type: 'TaskComplete', id: task.id },
				{ type: 'TaskCreate', id: task.id },
			]);
			expect(ghl.deliveries.find((d) => d.type === 'TaskCreate')?.attempts).toBe(2);
			expect(ghl.requests.filter((r) => r.method !== 'GET').map((r) => r.changed)).toEqual([true, false, true, true, true]);
		} finally {
			await ghl.close();
			await new Promise((r) => receiver.close(r));
		}
	});
});
