/**
 * Workflow → Add Contact / Remove Contact through n8n-core against the sandbox: the request GHL received
 * (with the event start time as GHL takes it), the contact's workflows after, and the items out.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const workflows = () => [...sb().store.workflows.values()].filter((w) => w.locationId === sb().locationId);
const inWorkflows = (contactId: string) => [...(sb().store.workflowMembers.get(contactId) ?? [])].sort();
const last = () => sb().requests[sb().requests.length - 1];
const ok = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) => {
	const result = await run({ resource: 'workflow', ...parameters }, items);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};

describe('Workflow → Add Contact / Remove Contact', () => {
	it('adds a contact with an event start time, sent in UTC to the second', async () => {
		const c = contacts()[0];
		const [workflow] = workflows();
		const out = await ok({ operation: 'add', contactId: byId(c.id), workflowId: workflow.id, additionalFields: { eventStartTime: '2030-05-01T10:00:00+01:00' } });
		expect(sb().requests).toHaveLength(1);
		expect(last()).toMatchObject({ method: 'POST', path: `/contacts/${c.id}/workflow/${workflow.id}`, query: {}, status: 200 });
		expect(last().body).toEqual({ eventStartTime: '2030-05-01T09:00:00Z' });
		expect(out).toEqual([{ success: true, contactId: c.id, workflowId: workflow.id, eventStartTime: '2030-05-01T09:00:00Z' }]);
		expect(inWorkflows(c.id)).toEqual([workflow.id]);
	});

	it('adds a contact without a start time, sending the empty JSON body the spec requires', async () => {
		const c = contacts()[1];
		const [, workflow] = workflows();
		const out = await ok({ operation: 'add', contactId: byId(c.id), workflowId: workflow.id });
		expect(last()).toMatchObject({ rawBody: '{}', body: {} });
		expect(last().headers['content-type']).toMatch(/^application\/json/);
		expect(out).toEqual([{ success: true, contactId: c.id, workflowId: workflow.id }]);
	});

	it('removes a contact from a workflow, sending the JSON body the spec requires on this DELETE', async () => {
		const c = contacts()[0];
		const [one, two] = workflows();
		sb().store.workflowMembers.set(c.id, new Set([one.id, two.id]));
		const out = await ok({ operation: 'remove', contactId: byId(c.id), workflowId: one.id });
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${c.id}/workflow/${one.id}`, status: 200 });
		expect(last()).toMatchObject({ rawBody: '{}', body: {} });
		expect(last().headers['content-type']).toMatch(/^application\/json/);
		expect(out).toEqual([{ success: true, contactId: c.id, workflowId: one.id }]);
		expect(inWorkflows(c.id)).toEqual([two.id]);
	});

	it("an unknown workflow is GHL's 400, as a NodeApiError; with Continue On Fail the other items run", async () => {
		const [a, b] = contacts();
		const [workflow] = workflows();
		const failed = await run({ resource: 'workflow', operation: 'remove', contactId: byId(a.id), workflowId: 'noSuchWorkflow' });
		expect(failed.error?.name).toBe('NodeApiError');
		expect(failed.error?.message).toBe('GHL answered 400: Workflow not found');
		sb().clearRequests();
		const result = await run(
			{ resource: 'workflow', operation: 'add', contactId: byId('={{ $json.id }}'), workflowId: workflow.id, additionalFields: { eventStartTime: '={{ $json.at }}' } },
			[{ id: a.id, at: '2030-01-01T00:00:00Z' }, { id: b.id, at: 'next week' }, { id: b.id, at: '' }],
			true,
		);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({ success: true, eventStartTime: '2030-01-01T00:00:00Z' });
		expect(result.items[1].json).toMatchObject({ error: 'Event Start Time: "next week" is not a date [item 1]' });
		expect(result.items[2].json).toEqual({ success: true, contactId: b.id, workflowId: workflow.id });
		expect(sb().requests).toHaveLength(2);
	});
});
