/**
 * The batch upserts' optional `link`: when no record holds the externalRef sent, the record linked to that
 * outside record is updated (keeping its own externalRef), not copied; the externalRef still wins first.
 */
import type { RankrSandbox } from '../../sandbox/rankr';
import { startRankrSandbox } from '../../sandbox/rankr';
import { rankrClient } from './rankrClient';

describe('Rankr batch upserts: match by link', () => {
	let sb: RankrSandbox;
	const call = rankrClient(() => sb);
	beforeAll(async () => {
		sb = await startRankrSandbox({ validateResponses: true, rateLimit: false });
	});
	afterAll(async () => sb.close());
	beforeEach(() => sb.reset());
	afterEach(() => expect(sb.contractViolations).toEqual([]));

	const link = { system: 'ghl' as const, id: 'a', account: 'L' };
	const clioContact = () => sb.store.addContact({ externalRef: 'clio:c1', firstName: 'Ann', links: [{ system: 'clio', id: 'c1' }, link] });

	it('updates the contact linked to the record, keeping its externalRef, when none holds the externalRef sent', async () => {
		const ann = clioContact();
		const res = await call('POST', '/v1/contacts/batch-upsert', { contacts: [{ externalRef: 'ghl:L:a', link, firstName: 'Anne', syncExternalTags: ['vip'] }] });
		expect(res.body.results[0]).toMatchObject({ status: 'updated', contact: { id: ann.id, externalRef: 'clio:c1', firstName: 'Anne' } });
		expect(res.body.results[0].changedFields.sort()).toEqual(['externalTags', 'firstName', 'tags']);
		expect(sb.store.contacts.size).toBe(1);
		const again = await call('POST', '/v1/contacts/batch-upsert', { contacts: [{ externalRef: 'ghl:L:a', link, firstName: 'Anne', syncExternalTags: ['vip'] }] });
		expect(again.body.results[0]).toMatchObject({ status: 'unchanged', contact: { id: ann.id } });
	});

	it('a linked contact without an externalRef takes the one sent; then it is found by it (the unique rule holds)', async () => {
		const bo = sb.store.addContact({ firstName: 'Bo', links: [{ system: 'ghl', id: 'a', account: 'L' }] });
		const res = await call('POST', '/v1/contacts/batch-upsert', { contacts: [{ externalRef: 'ghl:L:a', link, firstName: 'Bo' }] });
		expect(res.body.results[0]).toMatchObject({ status: 'updated', changedFields: ['externalRef'], contact: { id: bo.id, externalRef: 'ghl:L:a' } });
		const taken = await call('POST', '/v1/contacts', { externalRef: 'ghl:L:a' });
		expect(taken.status).toBe(409);
	});

	it('the externalRef wins over the link, a link of another account or system does not match, and no link keeps the old behaviour', async () => {
		const ann = clioContact();
		const ours = sb.store.addContact({ externalRef: 'ghl:L:a', firstName: 'Copy' });
		const res = await call('POST', '/v1/contacts/batch-upsert', {
			contacts: [
				{ externalRef: 'ghl:L:a', link, firstName: 'Ours' },
				{ externalRef: 'ghl:M:a', link: { system: 'ghl', id: 'a', account: 'M' } },
				{ externalRef: 'ghl:L:c1', link: { system: 'ghl', id: 'c1', account: 'L' } },
				{ externalRef: 'ghl:L:b' },
			],
		});
		expect(res.body.results.map((r: { status: string; contact: { id: string } }) => [r.status, r.contact.id === ours.id, r.contact.id === ann.id])).toEqual([
			['updated', true, false],
			['created', false, false],
			['created', false, false],
			['created', false, false],
		]);
		expect(sb.store.contacts.get(ann.id)).toMatchObject({ firstName: 'Ann', externalRef: 'clio:c1' });
	});

	it('tasks and notes: the contact’s record linked to the GHL one is updated (its externalRef kept), another contact’s is not', async () => {
		const ann = clioContact();
		const other = sb.store.addContact({ externalRef: 'other' });
		const taskLink = { system: 'ghl' as const, id: 't1', account: 'L' };
		const noteLink = { system: 'ghl' as const, id: 'n1', account: 'L' };
		const task = (contactId: string) => sb.store.tasks.set(`tsk_${contactId}`, {
			id: `tsk_${contactId}`, contactId, externalRef: 'clio:task:t1', title: 'File motion', description: null, dueAt: null, assignee: null,
			completed: false, completedAt: null, status: 'pending', source: 'clio', links: [taskLink], createdAt: sb.store.now(), updatedAt: sb.store.now(),
		});
		task(ann.id);
		task(other.id);
		sb.store.notes.set('nte_1', { id: 'nte_1', contactId: ann.id, externalRef: null, body: 'Retainer', source: 'clio', links: [noteLink], createdAt: sb.store.now(), updatedAt: sb.store.now() });

		const tasks = await call('POST', '/v1/tasks/batch-upsert', { tasks: [{ contactId: ann.id, externalRef: 'ghl:L:task:t1', link: taskLink, title: 'File the motion' }] });
		expect(tasks.body.results[0]).toMatchObject({ status: 'updated', changedFields: ['title'], task: { id: `tsk_${ann.id}`, externalRef: 'clio:task:t1', title: 'File the motion' } });
		expect(sb.store.tasks.get(`tsk_${other.id}`)?.title).toBe('File motion');
		const notes = await call('POST', '/v1/notes/batch-upsert', { notes: [{ contactId: ann.id, externalRef: 'ghl:L:note:n1', link: noteLink, body: 'Retainer' }] });
		// A note without an externalRef takes the one sent.
		expect(notes.body.results[0]).toMatchObject({ status: 'updated', changedFields: ['externalRef'], note: { id: 'nte_1', externalRef: 'ghl:L:note:n1' } });
		expect(sb.store.tasks.size).toBe(2);
		expect(sb.store.notes.size).toBe(1);
	});

	it('a retried batch with a link and the same Idempotency-Key is answered from the first attempt and applied once', async () => {
		const ann = clioContact();
		const body = { contacts: [{ externalRef: 'ghl:L:a', link, firstName: 'Anne' }] };
		const first = await call('POST', '/v1/contacts/batch-upsert', body, { 'Idempotency-Key': 'link-1' });
		sb.store.contacts.get(ann.id)!.firstName = 'Ann';
		const second = await call('POST', '/v1/contacts/batch-upsert', body, { 'Idempotency-Key': 'link-1' });
		expect(second.headers['idempotent-replayed']).toBe('true');
		expect(second.body).toEqual(first.body);
		expect(sb.store.contacts.get(ann.id)?.firstName).toBe('Ann');
	});

	it('refuses a link the contract does not allow as a whole (unknown system, no id, other keys)', async () => {
		for (const bad of [{ system: 'hubspot', id: 'a' }, { system: 'ghl' }, { ...link, snapshot: {} }]) {
			const res = await call('POST', '/v1/contacts/batch-upsert', { contacts: [{ externalRef: 'ghl:L:a', link: bad }] });
			expect(res.status).toBe(400);
		}
		expect(sb.store.contacts.size).toBe(0);
		sb.contractViolations.length = 0;
	});
});
