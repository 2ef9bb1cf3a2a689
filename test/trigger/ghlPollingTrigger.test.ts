import { PollContext } from 'n8n-core';
import type { INode, INodeExecutionData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { TestCredentialsHelper } from '../harness/credentials';
import { nodeTypes, registerNodeType } from '../harness/nodeTypes';
import { additionalDataFor } from '../harness/runNode';

const TYPE = registerNodeType('ghlPollingTrigger', new GhlPollingTrigger());
let sb: GhlSandbox;

beforeEach(async () => {
	resetRateWindows();
	sb = await startGhlSandbox({ seed: { contacts: 20, tasksPerContact: 1 }, rateLimit: false });
});
afterEach(async () => sb.close());

/** One workflow per poller, so its static data (the cursor) persists between polls as in n8n. */
function poller(event: string) {
	const node: INode = { id: 'p', name: 'Poll', type: TYPE, typeVersion: 1, position: [0, 0], parameters: { authentication: 'privateIntegration', event }, credentials: { ghlApi: { id: 'c', name: 'ghl' } } };
	const workflow = new Workflow({ id: 'wf-poll', nodes: [node], connections: {}, nodeTypes, active: true, staticData: {} });
	const helper = new TestCredentialsHelper({ ghlApi: { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url } });
	return async (mode: 'trigger' | 'manual' = 'trigger'): Promise<INodeExecutionData[]> => {
		const ctx = new PollContext(workflow, node, additionalDataFor(helper, undefined as never), mode, 'activate');
		const out = await nodeTypes.getByNameAndVersion(TYPE, 1).poll!.call(ctx);
		return out ? out[0] : [];
	};
}
const tick = () => new Promise((r) => setTimeout(r, 3));

describe('GHL Polling Trigger', () => {
	it('emits nothing on first activation, then each new contact exactly once over many polls', async () => {
		const poll = poller('newContact');
		expect(await poll()).toEqual([]);
		const emitted: string[] = [];
		const created: string[] = [];
		for (let round = 0; round < 6; round++) {
			// Round 3 brings more than one page (500) of changes inside a single poll.
			const count = round === 3 ? 620 : round + 1;
			for (let n = 0; n < count; n++) created.push(sb.store.addContact(sb.locationId, { firstName: `R${round}N${n}` }).id);
			await tick();
			emitted.push(...(await poll()).map((i) => String(i.json.id)));
		}
		expect(emitted.sort()).toEqual([...created].sort());
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(await poll()).toEqual([]);
	});

	it('emits each update once, including two changes with the same timestamp', async () => {
		const poll = poller('updatedContact');
		await poll();
		const [a, b, c] = sb.store.contactsOf(sb.locationId);
		await tick();
		sb.store.updateContact(a.id, { city: 'Oslo' });
		const first = await poll();
		expect(first.map((i) => i.json.id)).toEqual([a.id]);
		// Two records sharing the cursor's exact millisecond: the one already emitted is not repeated.
		sb.store.updateContact(b.id, { city: 'Rome' });
		b.dateUpdated = a.dateUpdated;
		const second = await poll();
		expect(second.map((i) => i.json.id)).toEqual([b.id]);
		await tick();
		sb.store.updateContact(c.id, { city: 'Lima' });
		sb.store.updateContact(a.id, { city: 'Bergen' });
		const third = await poll();
		expect(third.map((i) => i.json.id)).toEqual([c.id, a.id]);
		for (let round = 0; round < 3; round++) expect(await poll()).toEqual([]);
	});

	it('emits each completed task once', async () => {
		const poll = poller('completedTask');
		await poll();
		const tasks = [...sb.store.tasks.values()];
		await tick();
		sb.store.updateTask(tasks[0].id, { completed: true });
		sb.store.updateTask(tasks[1].id, { completed: true });
		expect((await poll()).map((i) => i.json.id)).toEqual([tasks[0].id, tasks[1].id]);
		expect(await poll()).toEqual([]);
		await tick();
		sb.store.updateTask(tasks[2].id, { completed: true });
		sb.store.updateTask(tasks[3].id, { title: 'changed but open' });
		expect((await poll()).map((i) => i.json.id)).toEqual([tasks[2].id]);
		expect(await poll()).toEqual([]);
		expect(await poll()).toEqual([]);
	});

	it('returns a sample of recent records in manual mode', async () => {
		const sample = await poller('newContact')('manual');
		expect(sample).toHaveLength(3);
		expect(sample[0].json.event).toBe('newContact');
	});
});
