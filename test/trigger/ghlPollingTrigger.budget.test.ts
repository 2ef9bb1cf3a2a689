/**
 * GHL Polling Trigger within a request budget (Options → Max Requests per Poll): a backlog larger than
 * one poll's budget is read over several polls, each going on exactly where the last stopped, so every
 * change is emitted once. The automatic budget is 1% of GHL's X-RateLimit-Daily-Remaining.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import type { GhlSandbox, GhlSandboxOptions } from '../../sandbox/ghl';
import { startGhlSandbox } from '../../sandbox/ghl';
import { registerNodeType } from '../harness/nodeTypes';
import { poller } from '../harness/pollContext';
import { credentialsOf } from './ghlTriggerSetup';

const POLL = registerNodeType('ghlPollingTrigger', new GhlPollingTrigger());
let sb: GhlSandbox;

async function start(options: Partial<GhlSandboxOptions> = {}) {
	resetRateWindows();
	// An empty location: each poll's first page is then all new contacts (no older one inside the overlap).
	sb = await startGhlSandbox({ seed: { contacts: 0 }, rateLimit: false, ...options });
}
afterEach(async () => sb?.close());

const pollerFor = (event: string, options: IDataObject) =>
	poller({ type: POLL, parameters: { authentication: 'privateIntegration', event, options }, credentials: credentialsOf(sb) });
const ids = (items: INodeExecutionData[]) => items.map((i) => String(i.json.id));
const searches = () => sb.requests.filter((r) => r.path === '/contacts/search').length;

describe('GHL Polling Trigger: Max Requests per Poll', () => {
	it('Contact Created: a backlog of 1,500 is emitted 500 a poll, each once, and contacts added meanwhile too', async () => {
		await start();
		const p = pollerFor('newContact', { maxRequests: 1 });
		await p.poll();
		const created = Array.from({ length: 1500 }, (_, n) => sb.store.addContact(sb.locationId, { firstName: `B${n}` }).id);
		const emitted: string[] = [];
		const perPoll: number[] = [];
		for (let n = 0; n < 6; n++) {
			sb.clearRequests();
			const items = ids(await p.poll());
			expect(searches()).toBeLessThanOrEqual(1);
			perPoll.push(items.length);
			emitted.push(...items);
			if (n === 1) created.push(sb.store.addContact(sb.locationId, { firstName: 'Meanwhile' }).id);
		}
		expect(perPoll.slice(0, 3)).toEqual([500, 500, 500]);
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...created].sort());
		// Caught up. Later polls still re-read the last minute (the overlap for changes GHL's index shows
		// late), here 1,501 contacts, one page a poll: nothing is emitted again.
		for (let n = 0; n < 8; n++) expect(await p.poll()).toEqual([]);
	});

	it('while a poll is stopped, its cursor keeps the walk: bound and the sort keys of the last contact read', async () => {
		await start();
		const p = pollerFor('newContact', { maxRequests: 1 });
		await p.poll();
		Array.from({ length: 700 }, () => sb.store.addContact(sb.locationId, { firstName: 'W' }));
		const first = await p.poll();
		const cursor = p.staticData()['cursor:newContact'] as IDataObject & { walk?: { from: string; after: unknown[] } };
		expect(cursor.walk?.after).toEqual(expect.any(Array));
		expect(cursor.walk?.after[cursor.walk.after.length - 1]).toBe(first[first.length - 1].json.id);
		sb.clearRequests();
		expect(await p.poll()).toHaveLength(200);
		expect((sb.requests[0].body as { searchAfter?: unknown[] }).searchAfter).toEqual(cursor.walk?.after);
	});

	it('Contact Updated: every change once over polls, a contact changed again after it was emitted is emitted again', async () => {
		await start();
		const p = pollerFor('updatedContact', { maxRequests: 1 });
		await p.poll();
		const created = Array.from({ length: 1200 }, (_, n) => sb.store.addContact(sb.locationId, { firstName: `U${n}` }).id);
		const first = ids(await p.poll());
		expect(first).toHaveLength(500);
		// Changed again after being emitted: a new change. Changed before being read: still one item.
		const again = first.slice(0, 5);
		const notYetRead = created.filter((id) => !first.includes(id)).slice(0, 5);
		for (const id of [...again, ...notYetRead]) sb.store.updateContact(id, { city: 'Changed' });
		const emitted = [...first];
		for (let n = 0; n < 6; n++) emitted.push(...ids(await p.poll()));
		const count = (id: string) => emitted.filter((e) => e === id).length;
		expect(again.map(count)).toEqual([2, 2, 2, 2, 2]);
		expect(notYetRead.map(count)).toEqual([1, 1, 1, 1, 1]);
		expect(created.filter((id) => count(id) === 0)).toEqual([]);
		expect(emitted).toHaveLength(1205);
	});

	it('0 is 1% of the daily remaining: with 249 left after the first answer, a poll reads 2 pages', async () => {
		await start({ rateLimit: { max: 1_000_000, intervalMs: 10_000, dailyMax: 251 } });
		const p = pollerFor('newContact', { maxRequests: 0 });
		await p.poll(); // one request: 250 left
		Array.from({ length: 1500 }, () => sb.store.addContact(sb.locationId, { firstName: 'D' }));
		sb.clearRequests();
		expect(await p.poll()).toHaveLength(1000);
		expect(searches()).toBe(2);
	});

	it.each([
		[-1, /^Max Requests per Poll: must be at least 0/],
		[1.5, /^Max Requests per Poll: "1.5" is not an integer/],
	])('a Max Requests per Poll of %p fails the poll before any request', async (maxRequests, message) => {
		await start();
		const p = pollerFor('updatedContact', { maxRequests });
		await expect(p.poll()).rejects.toThrow(message);
		expect(sb.requests).toHaveLength(0);
	});
});
