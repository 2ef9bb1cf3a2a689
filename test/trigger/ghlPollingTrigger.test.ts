/**
 * GHL Polling Trigger's contact events in n8n-core's PollContext against a sandbox that changes between
 * polls: every change is emitted exactly once over many polls (including more than a page in one poll and
 * records sharing a timestamp), the first activation emits nothing, manual mode shows a sample.
 * Task Completed: ghlPollingTrigger.tasks.test.ts.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { INodeExecutionData } from 'n8n-workflow';

import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import type { GhlSandbox } from '../../sandbox/ghl';
import { startGhlSandbox } from '../../sandbox/ghl';
import { registerNodeType } from '../harness/nodeTypes';
import { poller } from '../harness/pollContext';
import { credentialsOf } from './ghlTriggerSetup';

const POLL = registerNodeType('ghlPollingTrigger', new GhlPollingTrigger());
let sb: GhlSandbox;

beforeEach(async () => {
	resetRateWindows();
	sb = await startGhlSandbox({ seed: { contacts: 20, tasksPerContact: 1 }, rateLimit: false });
});
afterEach(async () => sb.close());

const pollerFor = (event: string, pollBudgetMs?: number) =>
	poller({ type: POLL, parameters: { authentication: 'privateIntegration', event }, credentials: credentialsOf(sb), pollBudgetMs });
const ids = (items: INodeExecutionData[]) => items.map((i) => String(i.json.id));
const shift = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe('GHL Polling Trigger: Contact Created', () => {
	it('first activation emits nothing; then each new contact exactly once over many polls', async () => {
		const p = pollerFor('newContact');
		expect(await p.poll()).toEqual([]);
		expect(p.lastWasNull()).toBe(true);
		const created: string[] = [];
		const emitted: string[] = [];
		const add = (fields: Record<string, unknown> = {}) => created.push(sb.store.addContact(sb.locationId, { firstName: 'New', ...fields }).id);
		const rounds: Array<() => void> = [
			() => add(),
			() => [1, 2, 3].forEach(() => add()),
			// More than one search page (500) of new contacts inside a single poll.
			() => Array.from({ length: 620 }, () => add()),
			() => {
				// Two contacts created in the same millisecond.
				const at = sb.store.now();
				add({ dateAdded: at });
				add({ dateAdded: at });
			},
			() => {
				// A contact sharing the exact timestamp of the newest one already emitted.
				const newest = sb.store.contactsOf(sb.locationId).reduce((m, c) => (c.dateAdded > m ? c.dateAdded : m), '');
				add({ dateAdded: newest });
			},
			() => {
				// One GHL's search index shows late: its time is just before the newest already emitted.
				const newest = sb.store.contactsOf(sb.locationId).reduce((m, c) => (c.dateAdded > m ? c.dateAdded : m), '');
				add({ dateAdded: shift(newest, -20_000) });
				add();
			},
			() => {},
		];
		for (const change of rounds) {
			change();
			emitted.push(...ids(await p.poll()));
		}
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...created].sort());
		for (let i = 0; i < 3; i++) expect(await p.poll()).toEqual([]);
	});

	it('emits items shaped like the GHL Trigger\'s, oldest first', async () => {
		const p = pollerFor('newContact');
		await p.poll();
		const a = sb.store.addContact(sb.locationId, { firstName: 'Ada', email: 'ada@example.com' });
		const b = sb.store.addContact(sb.locationId, { firstName: 'Ben' });
		const items = await p.poll();
		expect(ids(items)).toEqual([a.id, b.id]);
		expect(items[0].json).toMatchObject({ event: 'newContact', contactId: a.id, id: a.id, firstName: 'Ada', email: 'ada@example.com', dateAdded: a.dateAdded });
		expect(items[0].json.searchAfter).toBeUndefined();
	});

	it('stops paging when the poll\'s time budget is spent, and picks up the rest next time', async () => {
		const p = pollerFor('newContact', 0.001);
		await p.poll();
		const created = Array.from({ length: 1200 }, (_, n) => sb.store.addContact(sb.locationId, { firstName: `B${n}` }).id);
		const first = ids(await p.poll());
		expect(first.length).toBeLessThan(created.length);
		const all = [...first];
		for (let i = 0; i < 5; i++) all.push(...ids(await p.poll()));
		expect(all.sort()).toEqual([...created].sort());
	});

	it('on an empty location, the first contacts ever created are emitted', async () => {
		for (const c of sb.store.contactsOf(sb.locationId)) sb.store.deleteContact(c.id);
		const p = pollerFor('newContact');
		expect(await p.poll()).toEqual([]);
		const a = sb.store.addContact(sb.locationId, { firstName: 'First' });
		expect(ids(await p.poll())).toEqual([a.id]);
	});
});

describe('GHL Polling Trigger: Contact Updated', () => {
	it('each change once, including changes sharing a timestamp and a contact changed twice between polls', async () => {
		const p = pollerFor('updatedContact');
		expect(await p.poll()).toEqual([]);
		const [a, b, c, d] = sb.store.contactsOf(sb.locationId);

		sb.store.updateContact(a.id, { city: 'Oslo' });
		expect(ids(await p.poll())).toEqual([a.id]);

		// b changes in the very millisecond a's change was emitted at.
		sb.store.updateContact(b.id, { city: 'Rome' });
		b.dateUpdated = a.dateUpdated;
		expect(ids(await p.poll())).toEqual([b.id]);

		// c twice between two polls: one item, with its latest state.
		sb.store.updateContact(c.id, { city: 'Lima' });
		sb.store.updateContact(c.id, { city: 'Quito' });
		const third = await p.poll();
		expect(ids(third)).toEqual([c.id]);
		expect(third[0].json.city).toBe('Quito');

		// Two contacts changed in the same millisecond, and a changed again.
		sb.store.updateContact(d.id, { city: 'Kyiv' });
		sb.store.updateContact(a.id, { city: 'Bergen' });
		a.dateUpdated = d.dateUpdated;
		expect(ids(await p.poll()).sort()).toEqual([a.id, d.id].sort());

		for (let i = 0; i < 3; i++) expect(await p.poll()).toEqual([]);
	});

	it('more than a page of changes in one poll, each once', async () => {
		const p = pollerFor('updatedContact');
		await p.poll();
		const created = Array.from({ length: 530 }, () => sb.store.addContact(sb.locationId, { firstName: 'X' }).id);
		sb.clearRequests();
		const first = ids(await p.poll());
		expect([...first].sort()).toEqual([...created].sort());
		// Page 2 continues from the sort keys of page 1's last contact, so a change during the walk cannot shift a contact past us.
		const bodies = sb.requests.map((r) => r.body as { page?: number; searchAfter?: unknown[] });
		expect(bodies).toHaveLength(2);
		expect(bodies[0].page).toBe(1);
		expect(bodies[1].searchAfter).toEqual(expect.any(Array));
		for (const id of created.slice(0, 10)) sb.store.updateContact(id, { city: 'Changed' });
		expect(ids(await p.poll()).sort()).toEqual(created.slice(0, 10).sort());
		expect(await p.poll()).toEqual([]);
	});
});

describe('GHL Polling Trigger: manual mode', () => {
	it.each(['newContact', 'updatedContact'])('%s: the latest few, newest first, cursor untouched', async (event) => {
		const p = pollerFor(event);
		const sample = await p.poll('manual');
		expect(sample).toHaveLength(3);
		expect(sample.every((i) => i.json.event === event)).toBe(true);
		const field = event === 'newContact' ? 'dateAdded' : 'dateUpdated';
		const times = sample.map((i) => String(i.json[field]));
		expect(times).toEqual([...times].sort().reverse());
		expect(p.staticData()).toEqual({});
	});
});

describe('GHL Polling Trigger: records it cannot place in time', () => {
	it('Contact Updated: a contact GHL gives without dateUpdated is reported in n8n\'s log, not skipped silently', async () => {
		const warn = jest.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
		try {
			const [a] = sb.store.contactsOf(sb.locationId);
			delete (a as Partial<typeof a>).dateUpdated;
			await pollerFor('updatedContact').poll();
			expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 of \d+ contacts have no dateUpdated/));
		} finally {
			warn.mockRestore();
		}
	});
});
