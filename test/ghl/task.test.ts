/**
 * Task → every operation through n8n-core against the sandbox: the request GHL received (method, path,
 * query, body), the state it ended in, and the items that came out.
 */
import type { GhlSandbox } from '../../sandbox/ghl';
import { byId, ghlSuite } from './setup';

const { state, run } = ghlSuite({ seed: { contacts: 5, tasksPerContact: 2 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const contacts = () => sb().store.contactsOf(sb().locationId);
const tasksOf = (contactId: string) => [...sb().store.tasks.values()].filter((t) => t.contactId === contactId);
const users = () => [...sb().store.users.values()];
const last = () => sb().requests[sb().requests.length - 1];
const ok = async (parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) => {
	const result = await run({ resource: 'task', ...parameters }, items);
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
};

describe('Task → Create', () => {
	it('sends title, due date (UTC, to the second), completed and the additional fields; gives the task', async () => {
		const c = contacts()[0];
		const user = users()[0];
		const out = await ok({
			operation: 'create',
			contactId: byId(c.id),
			title: 'Call back',
			dueDate: '2030-01-02T10:00:00.000Z',
			additionalFields: { body: 'About the quote', assignedTo: user.id },
		});
		expect(sb().requests).toHaveLength(1);
		expect(last()).toMatchObject({ method: 'POST', path: `/contacts/${c.id}/tasks`, query: {}, status: 201 });
		expect(last().body).toEqual({ title: 'Call back', dueDate: '2030-01-02T10:00:00Z', completed: false, body: 'About the quote', assignedTo: user.id });
		expect(out).toHaveLength(1);
		const stored = sb().store.tasks.get(String(out[0].id));
		expect(stored).toMatchObject({ contactId: c.id, title: 'Call back', assignedTo: user.id, completed: false });
		expect(out[0]).toEqual(JSON.parse(JSON.stringify(sb().store.taskView(stored!))));
	});

	it('reads a date without a zone in the workflow time zone, and takes Luxon dates and epoch millis', async () => {
		const c = contacts()[0];
		// n8n's default workflow time zone is America/New_York (UTC-5 in January).
		await ok({ operation: 'create', contactId: byId(c.id), title: 'Picker date', dueDate: '2030-01-02T10:00:00' });
		expect((last().body as { dueDate: string }).dueDate).toBe('2030-01-02T15:00:00Z');
		await ok({ operation: 'create', contactId: byId(c.id), title: 'Luxon', dueDate: "={{ DateTime.fromISO('2030-06-01T12:00:00', { zone: 'Europe/Paris' }) }}" });
		expect((last().body as { dueDate: string }).dueDate).toBe('2030-06-01T10:00:00Z');
		await ok({ operation: 'create', contactId: byId(c.id), title: 'Epoch', dueDate: '={{ 1893578400000 }}' });
		expect((last().body as { dueDate: string }).dueDate).toBe('2030-01-02T10:00:00Z');
	});

	it('creates a completed task when asked, and keeps GHL\'s wrapper with Simplify off', async () => {
		const c = contacts()[1];
		const [out] = await ok({ operation: 'create', contactId: byId(c.id), title: 'Done already', dueDate: '2030-01-02T10:00:00Z', additionalFields: { completed: true }, simplify: false });
		expect(last().body).toEqual({ title: 'Done already', dueDate: '2030-01-02T10:00:00Z', completed: true });
		expect(out).toEqual({ task: expect.objectContaining({ title: 'Done already', completed: true, contactId: c.id }) });
	});

	it('creates one task per input item, each paired to its item', async () => {
		const [a, b] = contacts();
		const result = await run(
			{ resource: 'task', operation: 'create', contactId: byId('={{ $json.id }}'), title: '={{ $json.title }}', dueDate: '2030-01-02T10:00:00Z' },
			[{ id: a.id, title: 'For A' }, { id: b.id, title: 'For B' }],
		);
		expect(result.items.map((i) => [i.json.contactId, i.json.title, i.pairedItem])).toEqual([
			[a.id, 'For A', { item: 0 }],
			[b.id, 'For B', { item: 1 }],
		]);
		expect(sb().requests.map((r) => r.path).sort()).toEqual([`/contacts/${a.id}/tasks`, `/contacts/${b.id}/tasks`].sort());
	});
});

describe('Task → Get / Get Many', () => {
	it('gets one task, unwrapped, or whole with Simplify off', async () => {
		const c = contacts()[0];
		const task = tasksOf(c.id)[0];
		const answered = JSON.parse(JSON.stringify(sb().store.taskView(task)));
		expect(await ok({ operation: 'get', contactId: byId(c.id), taskId: task.id })).toEqual([answered]);
		expect(last()).toMatchObject({ method: 'GET', path: `/contacts/${c.id}/tasks/${task.id}`, query: {} });
		expect(await ok({ operation: 'get', contactId: byId(c.id), taskId: task.id, simplify: false })).toEqual([{ task: answered }]);
	});

	it('lists a contact\'s tasks one item each; the limit applies to what GHL returns in one answer', async () => {
		const c = contacts()[2];
		for (let n = 0; n < 3; n++) sb().store.addTask(c.id, { title: `extra ${n}`, dueDate: '2030-01-01T00:00:00Z' });
		const all = await ok({ operation: 'getMany', contactId: byId(c.id), returnAll: true });
		expect(all.map((t) => t.id).sort()).toEqual(tasksOf(c.id).map((t) => t.id).sort());
		expect(all).toHaveLength(5);
		expect(last()).toMatchObject({ method: 'GET', path: `/contacts/${c.id}/tasks`, query: {} });
		const some = await ok({ operation: 'getMany', contactId: byId(c.id), returnAll: false, limit: 2 });
		expect(some).toEqual(all.slice(0, 2));
		expect(sb().requests).toHaveLength(2);
	});

	it('gives no items for a contact without tasks', async () => {
		const c = contacts()[3];
		for (const t of tasksOf(c.id)) sb().store.tasks.delete(t.id);
		expect(await ok({ operation: 'getMany', contactId: byId(c.id), returnAll: true })).toEqual([]);
	});
});

describe('Task → Update / Set Completed / Delete', () => {
	it('updates only the fields set', async () => {
		const c = contacts()[0];
		const task = tasksOf(c.id)[0];
		const user = users()[1];
		const [out] = await ok({ operation: 'update', contactId: byId(c.id), taskId: task.id, updateFields: { title: 'Call again', dueDate: '2031-03-04T05:06:07.890Z', assignedTo: user.id } });
		expect(last()).toMatchObject({ method: 'PUT', path: `/contacts/${c.id}/tasks/${task.id}` });
		expect(last().body).toEqual({ title: 'Call again', dueDate: '2031-03-04T05:06:07Z', assignedTo: user.id });
		expect(out).toMatchObject({ id: task.id, title: 'Call again', assignedTo: user.id, body: 'Call back' });
	});

	it('marks a task completed, then open again', async () => {
		const c = contacts()[1];
		const task = tasksOf(c.id)[0];
		const [done] = await ok({ operation: 'setCompleted', contactId: byId(c.id), taskId: task.id, completed: true });
		expect(last()).toMatchObject({ method: 'PUT', path: `/contacts/${c.id}/tasks/${task.id}/completed`, body: { completed: true } });
		expect(done).toMatchObject({ id: task.id, completed: true });
		expect(sb().store.tasks.get(task.id)?.completed).toBe(true);
		const [open] = await ok({ operation: 'setCompleted', contactId: byId(c.id), taskId: task.id, completed: '={{ "false" }}' });
		expect(last().body).toEqual({ completed: false });
		expect(open).toMatchObject({ id: task.id, completed: false });
	});

	it('deletes a task and says so the n8n way', async () => {
		const c = contacts()[4];
		const task = tasksOf(c.id)[0];
		expect(await ok({ operation: 'delete', contactId: byId(c.id), taskId: task.id })).toEqual([{ deleted: true, id: task.id }]);
		expect(last()).toMatchObject({ method: 'DELETE', path: `/contacts/${c.id}/tasks/${task.id}`, status: 200 });
		expect(sb().store.tasks.has(task.id)).toBe(false);
	});
});

describe('Task → Search Location', () => {
	it('pages with skip/limit past 100 until GHL runs out, one item per task', async () => {
		for (const c of contacts()) for (let n = 0; n < 30; n++) sb().store.addTask(c.id, { title: `batch ${n}`, completed: true });
		const out = await ok({ operation: 'searchLocation', returnAll: true, filters: { status: 'completed' } });
		expect(out).toHaveLength(150);
		expect(new Set(out.map((t) => t.id)).size).toBe(150);
		expect(out.every((t) => t.completed === true)).toBe(true);
		const path = `/locations/${sb().locationId}/tasks/search`;
		expect(sb().requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', path, { completed: true, limit: 100, skip: 0 }],
			['POST', path, { completed: true, limit: 100, skip: 100 }],
		]);
	});

	it('sends every filter GHL takes, and stops at the limit', async () => {
		const [a, b] = contacts();
		const user = users()[1];
		const business = [...sb().store.businesses.values()].find((x) => x.locationId === sb().locationId)!;
		sb().store.updateContact(a.id, { businessId: business.id });
		sb().store.updateContact(b.id, { businessId: business.id });
		sb().store.addTask(a.id, { title: 'Quote for roof', assignedTo: user.id });
		sb().store.addTask(b.id, { title: 'Quote for windows', assignedTo: user.id });
		sb().store.addTask(b.id, { title: 'Quote, done', assignedTo: user.id, completed: true });
		const out = await ok({
			operation: 'searchLocation',
			returnAll: false,
			limit: 5,
			filters: { contactIds: `${a.id}, ${b.id}`, assignedTo: [user.id], status: 'pending', query: ' quote ', businessId: business.id },
		});
		expect(sb().requests).toHaveLength(1);
		expect(last().body).toEqual({ contactId: [a.id, b.id], assignedTo: [user.id], completed: false, query: 'quote', businessId: business.id, limit: 5, skip: 0 });
		expect(out.map((t) => t.title).sort()).toEqual(['Quote for roof', 'Quote for windows']);
	});

	it('asks for no more than the limit', async () => {
		const out = await ok({ operation: 'searchLocation', returnAll: false, limit: 3 });
		expect(out).toHaveLength(3);
		expect(sb().requests.map((r) => r.body)).toEqual([{ limit: 3, skip: 0 }]);
	});
});

describe('Task → errors', () => {
	it("an unknown task is GHL's 400, surfaced as a NodeApiError with GHL's message", async () => {
		const c = contacts()[0];
		const result = await run({ resource: 'task', operation: 'get', contactId: byId(c.id), taskId: 'unknownTask' });
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe('GHL answered 400: Task not found');
		expect(result.error?.httpCode).toBe('400');
		expect(sb().requests).toHaveLength(1);
	});

	it('with Continue On Fail, GHL refusals and bad input become error items paired to their input; the rest succeed', async () => {
		const c = contacts()[0];
		const [t1, t2] = tasksOf(c.id);
		const result = await run(
			{ resource: 'task', operation: 'setCompleted', contactId: byId(c.id), taskId: '={{ $json.taskId }}', completed: true },
			[{ taskId: t1.id }, { taskId: 'unknownTask' }, { taskId: 'no/such' }, { taskId: t2.id }],
			true,
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toMatchObject({ id: t1.id, completed: true });
		expect(result.items[1].json).toMatchObject({ error: 'GHL answered 400: Task not found' });
		expect(result.items[2].json).toEqual({ error: 'Task ID: "no/such" is not a valid ID [item 2]', description: expect.any(String) });
		expect(result.items[3].json).toMatchObject({ id: t2.id, completed: true });
		expect(sb().requests).toHaveLength(3);
	});
});
