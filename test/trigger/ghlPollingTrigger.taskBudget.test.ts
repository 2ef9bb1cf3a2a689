/**
 * GHL Polling Trigger, Task Completed, within Options → Max Requests per Poll. Its watch is rewritten only
 * after a whole read, so a poll the budget stops sends no request past the budget, emits nothing and leaves
 * the watch as it was; the next poll with room emits each completion once. The automatic budget is 1 % of
 * GHL's X-RateLimit-Daily-Remaining, as for the contact events.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import type { GhlSandbox, GhlSandboxOptions } from '../../sandbox/ghl';
import { startGhlSandbox } from '../../sandbox/ghl';
import { registerNodeType } from '../harness/nodeTypes';
import { poller } from '../harness/pollContext';
import { credentialsOf } from './ghlTriggerSetup';

const POLL = registerNodeType('ghlPollingTrigger', new GhlPollingTrigger());
const WATCH = 'watch:completedTask';
let sb: GhlSandbox;

async function start(options: Partial<GhlSandboxOptions> = {}) {
	resetRateWindows();
	sb = await startGhlSandbox({ seed: { contacts: 10, tasksPerContact: 2 }, rateLimit: false, ...options });
}
afterEach(async () => {
	jest.restoreAllMocks();
	await sb?.close();
});

function pollerWith(maxRequests: number) {
	const p = poller({ type: POLL, parameters: { authentication: 'privateIntegration', event: 'completedTask', options: { maxRequests } }, credentials: credentialsOf(sb) });
	const setMax = (max: number) => {
		(p.node.parameters.options as IDataObject).maxRequests = max;
	};
	return { p, setMax };
}
const ids = (items: INodeExecutionData[]) => items.map((i) => String(i.json.id));
const warnings = () => jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
const stopped = (warn: jest.SpyInstance) => warn.mock.calls.filter(([m]) => String(m).includes('Task Completed poll needed more than'));

describe('GHL Polling Trigger: Task Completed within Max Requests per Poll', () => {
	it('a poll the budget stops emits nothing and keeps the watch; the next with room emits the completion once', async () => {
		await start();
		const { p, setMax } = pollerWith(100);
		expect(await p.poll()).toEqual([]); // first activation: the watch
		const before = JSON.parse(JSON.stringify(p.staticData()[WATCH]));
		const task = [...sb.store.tasks.values()][3];
		sb.store.updateTask(task.id, { completed: true, completedAt: sb.store.now() });

		const warn = warnings();
		setMax(1);
		sb.clearRequests();
		expect(await p.poll()).toEqual([]);
		expect(sb.requests.length).toBeLessThanOrEqual(1);
		expect(stopped(warn)).toHaveLength(1);
		expect(p.staticData()[WATCH]).toEqual(before);

		setMax(100);
		expect(ids(await p.poll())).toEqual([task.id]);
		expect(await p.poll()).toEqual([]);
	});

	it('a first activation the budget stops stores no watch; the next poll with room does', async () => {
		await start();
		const warn = warnings();
		const { p, setMax } = pollerWith(1);
		expect(await p.poll()).toEqual([]);
		expect(p.staticData()[WATCH]).toBeUndefined();
		expect(stopped(warn)).toHaveLength(1);
		setMax(0);
		expect(await p.poll()).toEqual([]);
		expect(p.staticData()[WATCH]).toBeDefined();
	});

	it('0 is 1 % of the daily remaining: with about 150 left, a poll may send 1 request and stops', async () => {
		await start({ rateLimit: { max: 1_000_000, intervalMs: 10_000, dailyMax: 151 } });
		const warn = warnings();
		const { p } = pollerWith(0);
		sb.clearRequests();
		expect(await p.poll()).toEqual([]);
		expect(sb.requests).toHaveLength(1);
		expect(stopped(warn)).toHaveLength(1);
		expect(p.staticData()[WATCH]).toBeUndefined();
	});
});
