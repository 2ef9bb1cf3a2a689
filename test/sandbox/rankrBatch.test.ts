/** The contract's batch upserts, as the sandbox runs them: per-record results, GHL-sourced tags only, replay. */
import type { RankrSandbox } from '../../sandbox/rankr';
import { startRankrSandbox } from '../../sandbox/rankr';
import { rankrClient } from './rankrClient';

describe('Rankr batch upserts', () => {
	let sb: RankrSandbox;
	const call = rankrClient(() => sb);
	beforeAll(async () => {
		sb = await startRankrSandbox({ validateResponses: true, rateLimit: false });
	});
	afterAll(async () => sb.close());
	beforeEach(() => sb.reset());
	afterEach(() => expect(sb.contractViolations).toEqual([]));

	it('creates, updates and leaves unchanged contacts in one request, one result per record in order', async () => {
		sb.store.addContact({ externalRef: 'ghl:L:a', firstName: 'Ada' });
		sb.store.addContact({ externalRef: 'ghl:L:b', firstName: 'Bob' });
		const res = await call('POST', '/v1/contacts/batch-upsert', {
			contacts: [{ externalRef: 'ghl:L:a', firstName: 'Ada' }, { externalRef: 'ghl:L:b', firstName: 'Robert' }, { externalRef: 'ghl:L:c', firstName: 'Cy' }],
		});
		expect(res.status).toBe(200);
		expect(res.body.results.map((r: { index: number; status: string }) => [r.index, r.status])).toEqual([
			[0, 'unchanged'],
			[1, 'updated'],
			[2, 'created'],
		]);
		expect(res.body.results[1].changedFields).toEqual(['firstName']);
		expect(sb.store.contacts.size).toBe(3);
	});

	it('fails one record (an email another contact holds) and still applies the others', async () => {
		sb.store.addContact({ externalRef: 'other', email: 'taken@example.com' });
		const res = await call('POST', '/v1/contacts/batch-upsert', {
			contacts: [{ externalRef: 'ghl:L:a', email: 'taken@example.com' }, { externalRef: 'ghl:L:b', email: 'free@example.com' }],
		});
		expect(res.body.results[0]).toMatchObject({ status: 'failed', contact: null, error: { code: 'conflict' } });
		expect(res.body.results[1]).toMatchObject({ status: 'created', error: null });
	});

	it('syncExternalTags adds GHL’s new tags, removes only tags GHL had before, and keeps Rankr’s own', async () => {
		sb.store.addContact({ externalRef: 'ghl:L:a', tags: ['old-ghl', 'kept-ghl', 'rankr-own'], externalTags: ['old-ghl', 'kept-ghl'] });
		const res = await call('POST', '/v1/contacts/batch-upsert', { contacts: [{ externalRef: 'ghl:L:a', syncExternalTags: ['kept-ghl', 'New-GHL'] }] });
		expect(res.body.results[0].status).toBe('updated');
		expect([...res.body.results[0].contact.tags].sort()).toEqual(['kept-ghl', 'new-ghl', 'rankr-own']);
		expect(res.body.results[0].contact.externalTags).toEqual(['kept-ghl', 'new-ghl']);
		const again = await call('POST', '/v1/contacts/batch-upsert', { contacts: [{ externalRef: 'ghl:L:a', syncExternalTags: ['kept-ghl', 'new-ghl'] }] });
		expect(again.body.results[0].status).toBe('unchanged');
	});

	it('syncExternalTags on a contact with no record of GHL’s tags removes none, and past 100 tags skips the rest', async () => {
		const own = Array.from({ length: 99 }, (_, i) => `own-${i}`);
		sb.store.addContact({ externalRef: 'ghl:L:a', tags: own });
		const res = await call('POST', '/v1/contacts/batch-upsert', { contacts: [{ externalRef: 'ghl:L:a', syncExternalTags: ['ghl-1', 'ghl-2'] }] });
		expect(res.body.results[0].contact.tags).toHaveLength(100);
		expect(res.body.results[0].skippedTags).toEqual(['ghl-2']);
	});

	it('a retried batch with the same Idempotency-Key is answered from the first attempt and applied once', async () => {
		const body = { contacts: [{ externalRef: 'ghl:L:a', firstName: 'Ada' }] };
		const first = await call('POST', '/v1/contacts/batch-upsert', body, { 'Idempotency-Key': 'k1' });
		sb.store.contacts.clear();
		const second = await call('POST', '/v1/contacts/batch-upsert', body, { 'Idempotency-Key': 'k1' });
		expect(second.headers['idempotent-replayed']).toBe('true');
		expect(second.body).toEqual(first.body);
		expect(sb.store.contacts.size).toBe(0);
	});

	it('task batches create by (contact, externalRef), complete like the complete endpoint, and fail an unknown contact alone', async () => {
		const contact = sb.store.addContact({ externalRef: 'ghl:L:a' });
		const events: string[] = [];
		sb.store.onEvent((type) => events.push(type));
		const task = { contactId: contact.id, externalRef: 'ghl:L:task:1', title: 'Call', dueAt: '2030-01-01T09:00:00.000Z' };
		const created = await call('POST', '/v1/tasks/batch-upsert', { tasks: [task, { ...task, contactId: 'ctc_missing' }] });
		expect(created.body.results.map((r: { status: string }) => r.status)).toEqual(['created', 'failed']);
		expect(created.body.results[1].error.code).toBe('not_found');
		const same = await call('POST', '/v1/tasks/batch-upsert', { tasks: [{ ...task, dueAt: '2030-01-01T09:00:00Z' }] });
		expect(same.body.results[0].status).toBe('unchanged');
		const done = await call('POST', '/v1/tasks/batch-upsert', { tasks: [{ ...task, completed: true }] });
		expect(done.body.results[0]).toMatchObject({ status: 'updated', changedFields: ['completed'] });
		expect(done.body.results[0].task.completedAt).not.toBeNull();
		expect(events).toContain('task.completed');
		expect(sb.store.tasks.size).toBe(1);
	});

	it('note batches create, then update only a body that changed', async () => {
		const contact = sb.store.addContact({ externalRef: 'ghl:L:a' });
		const note = { contactId: contact.id, externalRef: 'ghl:L:note:1', body: 'Hello' };
		expect((await call('POST', '/v1/notes/batch-upsert', { notes: [note] })).body.results[0].status).toBe('created');
		expect((await call('POST', '/v1/notes/batch-upsert', { notes: [note] })).body.results[0].status).toBe('unchanged');
		expect((await call('POST', '/v1/notes/batch-upsert', { notes: [{ ...note, body: 'Hi' }] })).body.results[0].status).toBe('updated');
		expect([...sb.store.notes.values()].map((n) => n.body)).toEqual(['Hi']);
	});

	it('refuses a batch of more than 100 records as a whole', async () => {
		const contacts = Array.from({ length: 101 }, (_, i) => ({ externalRef: `ghl:L:${i}` }));
		const res = await call('POST', '/v1/contacts/batch-upsert', { contacts });
		expect(res.status).toBe(400);
		expect(sb.store.contacts.size).toBe(0);
		sb.contractViolations.length = 0;
	});
});
