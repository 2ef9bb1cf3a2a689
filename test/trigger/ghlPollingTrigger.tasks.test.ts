/**
 * GHL Polling Trigger, Task Completed, in n8n-core's PollContext against the GHL sandbox, both with task
 * shapes as GHL's spec documents them (TaskSchema: no completedAt, dateAdded or dateUpdated; the location
 * task search with no date filter, sort or total) and with the sandbox's extra timestamps.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { INodeExecutionData } from 'n8n-workflow';

import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { FULL_READ_EVERY_MS, watchLimits } from '../../nodes/GhlPollingTrigger/taskWatch';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import type { GhlSandbox } from '../../sandbox/ghl';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { Task } from '../../sandbox/ghl/store';
import { registerNodeType } from '../harness/nodeTypes';
import { poller } from '../harness/pollContext';
import { credentialsOf } from './ghlTriggerSetup';

const POLL = registerNodeType('ghlPollingTrigger', new GhlPollingTrigger());
const ids = (items: INodeExecutionData[]) => items.map((i) => String(i.json.id));
const sorted = (list: string[]) => [...list].sort();
/** Every Task Completed case runs on GHL's documented task shape and on the sandbox's timestamped one. */
const TASK_SHAPES: Array<[string, boolean]> = [
	['task shapes as GHL documents them (no timestamps)', false],
	["tasks with the sandbox's timestamps", true],
];

describe.each(TASK_SHAPES)('GHL Polling Trigger: Task Completed, %s', (_label, taskTimestamps) => {
	let sb: GhlSandbox;
	beforeEach(async () => {
		resetRateWindows();
		sb = await startGhlSandbox({ seed: { contacts: 10, tasksPerContact: 2 }, rateLimit: false, taskTimestamps });
	});
	afterEach(async () => {
		jest.restoreAllMocks();
		await sb.close();
	});

	const pollerFor = () => poller({ type: POLL, parameters: { authentication: 'privateIntegration', event: 'completedTask' }, credentials: credentialsOf(sb) });
	// As PUT /contacts/{contactId}/tasks/{taskId}/completed does it.
	const complete = (task: Task) => sb.store.updateTask(task.id, { completed: true, completedAt: sb.store.now() });
	const reopen = (task: Task) => sb.store.updateTask(task.id, { completed: false, completedAt: null });
	const tasks = () => [...sb.store.tasks.values()];

	it('a task completed in GHL is emitted once, on the next poll, shaped like the GHL Trigger\'s item', async () => {
		const [a, b, c] = tasks();
		complete(c);
		const p = pollerFor();
		expect(await p.poll()).toEqual([]); // first activation: already completed tasks are not replayed
		expect(p.lastWasNull()).toBe(true);

		complete(a);
		complete(b);
		const items = await p.poll();
		expect(sorted(ids(items))).toEqual(sorted([a.id, b.id]));
		if (taskTimestamps) expect(ids(items)).toEqual([a.id, b.id]); // oldest completion first where GHL says when
		expect(items.find((i) => i.json.id === a.id)?.json).toMatchObject({ event: 'completedTask', taskId: a.id, contactId: a.contactId, title: a.title, completed: true });
		for (let i = 0; i < 3; i++) expect(await p.poll()).toEqual([]);
	});

	it('edits of open or completed tasks are not completions; a task re-opened and completed again is one', async () => {
		const [a, b, c] = tasks();
		const p = pollerFor();
		await p.poll();
		complete(a);
		expect(ids(await p.poll())).toEqual([a.id]);

		sb.store.updateTask(b.id, { title: 'changed but still open' });
		sb.store.updateTask(a.id, { title: 'edited after completion' });
		expect(await p.poll()).toEqual([]);

		reopen(a);
		expect(await p.poll()).toEqual([]);
		complete(a);
		complete(c);
		expect(sorted(ids(await p.poll()))).toEqual(sorted([a.id, c.id]));
		expect(await p.poll()).toEqual([]);
	});

	it('a task created already completed, or created and completed between two polls, is emitted once', async () => {
		const [x, y] = sb.store.contactsOf(sb.locationId);
		const p = pollerFor();
		await p.poll();
		const born = sb.store.addTask(x.id, { title: 'Done already', completed: true });
		const quick = sb.store.addTask(y.id, { title: 'Quick one' });
		complete(quick);
		expect(sorted(ids(await p.poll()))).toEqual(sorted([born.id, quick.id]));
		expect(await p.poll()).toEqual([]);

		// A task created after a poll, then completed: the next poll sees it open first, or not at all.
		const later = sb.store.addTask(x.id, { title: 'Later' });
		expect(await p.poll()).toEqual([]);
		complete(later);
		expect(ids(await p.poll())).toEqual([later.id]);
	});

	it('deleted tasks and the tasks of a deleted contact are not completions', async () => {
		// Seeded two tasks per contact: [0, 1] are the first contact's, [2, 3] the second's, [4, 5] the third's.
		const [a, , b, , c, d] = tasks();
		const p = pollerFor();
		await p.poll();
		sb.store.tasks.delete(a.id);
		sb.store.deleteContact(b.contactId);
		complete(c);
		expect(ids(await p.poll())).toEqual([c.id]);
		expect(await p.poll()).toEqual([]);

		// A completed task deleted: nothing to emit, and the next completion still comes through.
		sb.store.tasks.delete(c.id);
		expect(await p.poll()).toEqual([]);
		complete(d);
		expect(ids(await p.poll())).toEqual([d.id]);
	});

	it('a completed task created while another is deleted (the counts do not move) comes with the hourly full read', async () => {
		const [a] = tasks();
		const p = pollerFor();
		complete(a);
		await p.poll();
		sb.store.tasks.delete(a.id);
		const born = sb.store.addTask(sb.store.contactsOf(sb.locationId)[5].id, { title: 'Done already', completed: true });
		expect(await p.poll()).toEqual([]);
		const now = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(now + FULL_READ_EVERY_MS);
		expect(ids(await p.poll())).toEqual([born.id]);
		expect(await p.poll()).toEqual([]);
	});

	it('after upgrading from the time cursor (which never moved on GHL\'s task shapes), it starts afresh and then emits completions', async () => {
		const p = pollerFor();
		p.staticData()['cursor:completedTask'] = { since: '1970-01-01T00:00:00.000Z', floor: '1970-01-01T00:00:00.000Z', recent: {} };
		expect(await p.poll()).toEqual([]);
		expect(p.staticData()['cursor:completedTask']).toBeUndefined();
		const [a] = tasks();
		complete(a);
		expect(ids(await p.poll())).toEqual([a.id]);
	});

	it('Fetch Test Event shows a few completed tasks and leaves the watch untouched', async () => {
		for (const t of tasks().slice(0, 5)) complete(t);
		const p = pollerFor();
		const sample = await p.poll('manual');
		expect(sample).toHaveLength(3);
		expect(sample.every((i) => i.json.event === 'completedTask' && i.json.completed === true)).toBe(true);
		if (taskTimestamps) {
			const times = sample.map((i) => String(i.json.completedAt));
			expect(times).toEqual([...times].sort().reverse());
		}
		expect(p.staticData()).toEqual({});
	});
});

describe.each(TASK_SHAPES)('GHL Polling Trigger: Task Completed on a location with 10,000 completed tasks, %s', (_label, taskTimestamps) => {
	let sb: GhlSandbox;
	beforeAll(async () => {
		resetRateWindows();
		// A generous limit stated in the headers, so the client's pacing does not stretch the first read (100 pages).
		sb = await startGhlSandbox({ seed: { contacts: 100 }, rateLimit: { max: 100_000, dailyMax: 10_000_000 }, taskTimestamps });
		const contacts = sb.store.contactsOf(sb.locationId);
		for (let n = 0; n < 10_000; n++) sb.store.addTask(contacts[n % 100].id, { title: `Old ${n}`, completed: true });
		for (let n = 0; n < 30; n++) sb.store.addTask(contacts[n].id, { title: `Open ${n}` });
	});
	afterAll(async () => sb.close());

	it('a poll with nothing new costs 2 requests, and one with a completion 4, not a read of every completed task', async () => {
		const p = pollerFor();
		await p.poll(); // the first activation reads everything once
		sb.clearRequests();
		expect(await p.poll()).toEqual([]);
		expect(sb.requests.length).toBe(2);

		const open = [...sb.store.tasks.values()].find((t) => !t.completed) as Task;
		sb.store.updateTask(open.id, { completed: true, completedAt: sb.store.now() });
		sb.clearRequests();
		expect(ids(await p.poll())).toEqual([open.id]);
		expect(sb.requests.length).toBeLessThanOrEqual(4);

		sb.clearRequests();
		expect(await p.poll()).toEqual([]);
		expect(sb.requests.length).toBe(2);
		// 1,440 polls a day: 2,880 requests of GHL's 200,000, against 144,000 reading every task each minute.
	});

	function pollerFor() {
		return poller({ type: POLL, parameters: { authentication: 'privateIntegration', event: 'completedTask' }, credentials: credentialsOf(sb) });
	}
});

describe('GHL Polling Trigger: Task Completed past what it can remember', () => {
	let sb: GhlSandbox;
	const limits = { ...watchLimits };
	beforeEach(async () => {
		resetRateWindows();
		sb = await startGhlSandbox({ seed: { contacts: 20 }, rateLimit: false });
		Object.assign(watchLimits, { done: 250, open: 5000 });
	});
	afterEach(async () => {
		Object.assign(watchLimits, limits);
		jest.restoreAllMocks();
		await sb.close();
	});

	it('says so in n8n\'s log, reads no more than it can remember, and still emits tasks completed from open', async () => {
		const warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
		const contacts = sb.store.contactsOf(sb.locationId);
		for (let n = 0; n < 1234; n++) sb.store.addTask(contacts[n % 20].id, { title: `Old ${n}`, completed: true });
		const open = sb.store.addTask(contacts[0].id, { title: 'Open' });
		const p = poller({ type: POLL, parameters: { authentication: 'privateIntegration', event: 'completedTask' }, credentials: credentialsOf(sb) });
		await p.poll();
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1234 completed tasks, more than the 250/));
		const completedReads = sb.requests.filter((r) => (r.body as { completed?: boolean })?.completed === true);
		expect(completedReads.length).toBeLessThan(12); // 3 pages and a few probes for the count, not 13 pages
		expect(p.staticData()['watch:completedTask']).toMatchObject({ doneCount: 1234, openCount: 1 });

		sb.clearRequests();
		expect(await p.poll()).toEqual([]);
		expect(sb.requests.length).toBe(2);
		sb.store.updateTask(open.id, { completed: true });
		expect(ids(await p.poll())).toEqual([open.id]);
		expect(await p.poll()).toEqual([]);
	});

	it.each([251, 300, 350, 400, 1000, 1001, 4321])('counts %i completed tasks exactly without reading them all', async (count) => {
		jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
		const contacts = sb.store.contactsOf(sb.locationId);
		for (let n = 0; n < count; n++) sb.store.addTask(contacts[n % 20].id, { title: `Old ${n}`, completed: true });
		const p = poller({ type: POLL, parameters: { authentication: 'privateIntegration', event: 'completedTask' }, credentials: credentialsOf(sb) });
		await p.poll();
		expect(p.staticData()['watch:completedTask']).toMatchObject({ doneCount: count });
		sb.clearRequests();
		expect(await p.poll()).toEqual([]);
		expect(sb.requests.length).toBe(2);
	});
});
