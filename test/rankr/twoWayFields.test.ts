/** The Rankr node's two-way fields against the sandbox (which checks every request against the contract). */
import { byId, rankrSuite } from './setup';

const { state, run, ok } = rankrSuite();

afterEach(() => expect(state.sb.contractViolations).toEqual([]));

describe('Rankr node: links, source and task status', () => {
	it('creates a contact with links and a source system, and finds it by Linked To', async () => {
		const links = '[{"system": "ghl", "id": "g1", "account": "loc1"}, {"system": "clio", "id": "c9"}]';
		const [made] = await ok({ resource: 'contact', operation: 'create', email: 'l@example.test', simplify: false, additionalFields: { links, sourceSystem: 'clio', source: 'referral' } });
		expect(made).toMatchObject({ links: [{ system: 'ghl', id: 'g1', account: 'loc1' }, { system: 'clio', id: 'c9' }], sourceSystem: 'clio', source: 'referral' });
		const found = await ok({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { link: 'clio:c9' } });
		expect(found.map((c) => c.id)).toEqual([made.id]);
	});

	it('sets a task status and source; Complete marks it completed', async () => {
		const c = state.sb.store.addContact({ email: 't@example.test' });
		const [task] = await ok({ resource: 'task', operation: 'create', contactId: byId(c.id), title: 'Review', additionalFields: { status: 'in_review', source: 'clio' } });
		expect(task).toMatchObject({ status: 'in_review', completed: false, source: 'clio' });
		const [done] = await ok({ resource: 'task', operation: 'update', contactId: byId(c.id), taskId: String(task.id), updateFields: { status: 'complete' } });
		expect(done).toMatchObject({ status: 'complete', completed: true });
	});

	it('creates a note with a source', async () => {
		const c = state.sb.store.addContact({ email: 'n@example.test' });
		const [note] = await ok({ resource: 'note', operation: 'create', contactId: byId(c.id), body: 'From Clio', additionalFields: { source: 'clio' } });
		expect(note).toMatchObject({ source: 'clio', links: [] });
	});

	it('refuses bad links, statuses and Linked To before any request, naming the field', async () => {
		const c = state.sb.store.addContact({ email: 'b@example.test' });
		const badLink = await run({ resource: 'contact', operation: 'update', contactId: byId(c.id), updateFields: { links: '[{"system": "hubspot", "id": "1"}]' } });
		expect(badLink.error?.message).toContain('Links');
		expect(badLink.error?.message).toContain('hubspot');
		const badStatus = await run({ resource: 'task', operation: 'create', contactId: byId(c.id), title: 'x', additionalFields: { status: 'done' } });
		expect(badStatus.error?.message).toContain('Status');
		const badFilter = await run({ resource: 'contact', operation: 'getMany', filters: { link: 'g1' } });
		expect(badFilter.error?.message).toContain('Linked To');
		expect(state.sb.requests).toHaveLength(0);
	});
});
