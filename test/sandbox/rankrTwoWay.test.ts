/** The contract's two-way fields in the Rankr sandbox: links, source, task status, event origin, and the Clio role. */
import type { RankrSandbox } from '../../sandbox/rankr';
import { addWebhook, startRankrSandbox } from '../../sandbox/rankr';
import { rankrClient } from './rankrClient';

describe('Rankr sandbox two-way fields', () => {
	let sb: RankrSandbox;
	const call = rankrClient(() => sb);
	beforeAll(async () => {
		sb = await startRankrSandbox({ validateResponses: true, rateLimit: false });
	});
	afterAll(async () => sb.close());
	beforeEach(() => {
		sb.reset();
		// A closed port: deliveries fail, but each is recorded with its body.
		addWebhook(sb.store, { url: 'http://127.0.0.1:9/hook', events: ['contact.created', 'contact.updated', 'contact.merged', 'contact.deleted', 'task.created', 'task.updated', 'task.completed', 'task.deleted', 'note.created', 'note.updated'] });
	});
	afterEach(() => expect(sb.contractViolations).toEqual([]));

	const events = async () => {
		await sb.flushWebhooks();
		return sb.deliveries.map((d) => `${d.type}/${(d.body as unknown as { origin: string }).origin}`);
	};

	it('a contact made without the new fields has no links and came from rankr, as before', async () => {
		const res = await call('POST', '/v1/contacts', { email: 'old@example.com', externalRef: 'ghl:loc:1' });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ links: [], sourceSystem: 'rankr', externalRef: 'ghl:loc:1' });
		expect(await events()).toEqual(['contact.created/rankr']);
	});

	it('links are stored whole and found by ?link=<system>:<id>; a write says its origin in the events', async () => {
		const link = { system: 'ghl', id: 'g1', account: 'loc', version: '2026-01-01T00:00:00.000Z', syncedAt: '2026-01-01T00:00:00.000Z', snapshot: { email: 'l@example.com' } };
		const made = await call('POST', '/v1/contacts', { email: 'l@example.com', links: [link, { system: 'clio', id: 'c1' }] }, { 'Rankr-Origin': 'ghl' });
		expect(made.body.links).toEqual([link, { system: 'clio', id: 'c1' }]);
		expect((await call('GET', '/v1/contacts?link=ghl:g1')).body.data.map((c: { id: string }) => c.id)).toEqual([made.body.id]);
		expect((await call('GET', '/v1/contacts?link=clio:g1')).body.data).toEqual([]);
		expect(await events()).toEqual(['contact.created/ghl']);
		const refused = await call('PATCH', `/v1/contacts/${made.body.id}`, { city: 'Paris' }, { 'Rankr-Origin': 'hubspot' });
		expect(refused.status).toBe(400);
		sb.contractViolations.length = 0;
	});

	it('a task status sets completed and completed sets the status; changes fire task.updated', async () => {
		const contact = (await call('POST', '/v1/contacts', { email: 't@example.com' })).body;
		const tasks = `/v1/contacts/${contact.id}/tasks`;
		const task = (await call('POST', tasks, { title: 'Review', status: 'in_review', dueAt: '2030-01-01T09:00:00Z' })).body;
		expect(task).toMatchObject({ status: 'in_review', completed: false, source: 'rankr', links: [] });
		const done = (await call('PATCH', `${tasks}/${task.id}`, { status: 'complete' })).body;
		expect(done).toMatchObject({ status: 'complete', completed: true });
		expect(done.completedAt).not.toBeNull();
		const reopened = (await call('POST', `${tasks}/${task.id}/complete`, { completed: false })).body;
		expect(reopened).toMatchObject({ status: 'pending', completed: false, completedAt: null });
		const again = (await call('PATCH', `${tasks}/${task.id}`, { status: 'in_progress', completed: false })).body;
		expect(again).toMatchObject({ status: 'in_progress', completed: false });
		await call('PATCH', `${tasks}/${task.id}`, { status: 'in_progress' });
		expect(await events()).toEqual(['contact.created/rankr', 'task.created/rankr', 'task.updated/rankr', 'task.completed/rankr', 'task.updated/rankr', 'task.updated/rankr']);
	});

	describe('Clio role', () => {
		const clio = async (action: string, body: unknown) => await call('POST', `/_sandbox/clio/${action}`, body);

		it('creates and updates a contact linked to Clio, with source clio and origin clio', async () => {
			const made = await clio('contact', { clioId: 'c1', email: 'c@example.com', firstName: 'Cli' });
			expect(made.status).toBe(200);
			expect(made.body).toMatchObject({ links: [{ system: 'clio', id: 'c1' }], sourceSystem: 'clio', firstName: 'Cli' });
			await clio('contact', { clioId: 'c1', firstName: 'Clio' });
			expect(sb.store.contacts.get(made.body.id)?.firstName).toBe('Clio');
			expect(await events()).toEqual(['contact.created/clio', 'contact.updated/clio']);
		});

		it('changes task status and due date, adds and edits notes, all with source clio', async () => {
			await clio('contact', { clioId: 'c1', email: 'c@example.com' });
			const task = (await clio('task', { contactClioId: 'c1', clioTaskId: 't1', title: 'File motion', dueAt: '2030-02-01T00:00:00.000Z' })).body;
			expect(task).toMatchObject({ source: 'clio', status: 'pending', links: [{ system: 'clio', id: 't1' }] });
			const moved = (await clio('task', { contactClioId: 'c1', clioTaskId: 't1', status: 'complete', dueAt: '2030-03-01T00:00:00.000Z' })).body;
			expect(moved).toMatchObject({ id: task.id, status: 'complete', completed: true, dueAt: '2030-03-01T00:00:00.000Z' });
			const note = (await clio('note', { contactClioId: 'c1', clioNoteId: 'n1', body: 'Retainer signed' })).body;
			await clio('note', { contactClioId: 'c1', clioNoteId: 'n1', body: 'Retainer signed and paid' });
			expect(sb.store.notes.get(note.id)).toMatchObject({ body: 'Retainer signed and paid', source: 'clio' });
			expect(await events()).toEqual(['contact.created/clio', 'task.created/clio', 'task.updated/clio', 'task.completed/clio', 'note.created/clio', 'note.updated/clio']);
		});

		it('merges: the survivor gets the tasks, notes, tags and links; the other is deleted; contact.merged says both', async () => {
			const a = (await clio('contact', { clioId: 'a', email: 'a@example.com', tags: ['client'] })).body;
			const b = (await clio('contact', { clioId: 'b', email: 'b@example.com', tags: ['lead'], links: [{ system: 'clio', id: 'b' }, { system: 'ghl', id: 'gB' }] })).body;
			await clio('task', { contactClioId: 'b', clioTaskId: 't', title: 'Call' });
			await clio('note', { contactClioId: 'b', clioNoteId: 'n', body: 'Hello' });
			const merged = await clio('merge', { survivorClioId: 'a', mergedClioId: 'b' });
			expect(merged.body).toMatchObject({ id: a.id, tags: ['client', 'lead'], links: [{ system: 'clio', id: 'a' }, { system: 'clio', id: 'b' }, { system: 'ghl', id: 'gB' }] });
			expect(sb.store.contacts.has(b.id)).toBe(false);
			expect([...sb.store.tasks.values()].map((t) => t.contactId)).toEqual([a.id]);
			expect([...sb.store.notes.values()].map((n) => n.contactId)).toEqual([a.id]);
			const event = sb.deliveries.find((d) => d.type === 'contact.merged')?.body as unknown as { origin: string; data: { mergedContact: { id: string } } };
			expect(event.origin).toBe('clio');
			expect(event.data.mergedContact.id).toBe(b.id);
		});

		it('deletes a contact (contact.deleted, origin clio); unknown actions and Clio IDs answer 404', async () => {
			const made = (await clio('contact', { clioId: 'd', email: 'd@example.com' })).body;
			expect((await clio('delete', { clioId: 'd' })).body).toEqual({ deleted: made.id });
			expect(sb.store.contacts.size).toBe(0);
			expect((await clio('delete', { clioId: 'd' })).status).toBe(404);
			expect((await clio('explode', {})).status).toBe(404);
			expect(await events()).toEqual(['contact.created/clio', 'contact.deleted/clio']);
		});
	});
});
