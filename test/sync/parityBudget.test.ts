/**
 * Parity Check's request budget and its choice of whose tasks and notes to compare: a check stops between
 * contacts when Max Requests (or a quarter of GHL's daily header) runs out and says what it covered; with
 * *Contacts Changed Since Last Check* a second check reads only the children of the contact that changed.
 */
import type { IDataObject } from 'n8n-workflow';

import { FAST_GHL_LIMIT, linkedRecords, runRankr, sandboxesForEachTest } from './setup';

const CONTACTS = 6;
const sb = sandboxesForEachTest({ seed: { contacts: CONTACTS, tasksPerContact: 1, notesPerContact: 1 } }, { syncFirst: true });
const { ghlContacts } = linkedRecords(sb);

/** Parity Check with the workflow's static data carried from run to run, as n8n keeps it for a published workflow. */
async function check(parameters: Record<string, unknown>, staticData?: IDataObject): Promise<Record<string, any>> {
	const result = await runRankr(sb, { operation: 'parityCheck', ...parameters }, [{}], false, staticData);
	expect(result.error).toBeUndefined();
	return result.items[0].json as Record<string, any>;
}
const childReads = (from: number) => sb.ghl.requests.slice(from).filter((r) => r.method === 'GET' && /\/(tasks|notes)$/.test(r.path)).length;

describe('GHL Sync: Parity Check within a request budget', () => {
	it('counts every request to each API', async () => {
		const [g, r] = [sb.ghl.requests.length, sb.rankr.requests.length];
		const report = await check({ direction: 'both', compareChildren: true, childrenOf: 'all', options: { maxRequests: 500 } });
		expect(report.requests).toEqual({ ghl: sb.ghl.requests.length - g, rankr: sb.rankr.requests.length - r, maxGhl: 500 });
		// One search page, then tasks and notes of each contact.
		expect(report.requests.ghl).toBe(1 + 2 * CONTACTS);
		expect(report).toMatchObject({ complete: true, stoppedByBudget: false, inParity: true });
	});

	it('stops between contacts when Max Requests runs out, and says what it covered', async () => {
		const g = sb.ghl.requests.length;
		const report = await check({ compareChildren: true, childrenOf: 'all', options: { maxRequests: 5 } });
		// The search (1), then two contacts' tasks and notes (2 each): a third would pass 5.
		expect(report).toMatchObject({ complete: false, stoppedByBudget: true, compared: { ghlContacts: CONTACTS, children: 2 }, requests: { ghl: 5, maxGhl: 5 } });
		expect(report.covers).toMatch(/tasks and notes of 2 contacts/);
		expect(sb.ghl.requests.length - g).toBe(5);
		expect(childReads(g)).toBe(4);
	});

	it('reads the automatic budget from GHL’s daily header: a quarter of what is left today', async () => {
		// A fresh day with 41 requests: the first answer says 40 are left, so the check may send 10.
		sb.ghl.setRateLimit({ ...FAST_GHL_LIMIT, dailyMax: 41 });
		const g = sb.ghl.requests.length;
		const report = await check({ compareChildren: true, childrenOf: 'all' });
		expect(report).toMatchObject({ complete: false, stoppedByBudget: true, requests: { maxGhl: 10 }, compared: { children: 4 } });
		expect(sb.ghl.requests.length - g).toBe(9);
	});

	it('with a budget too small for GHL’s list, compares nothing rather than a part', async () => {
		sb.ghl.store.seed(sb.ghl.locationId, { contacts: 600 });
		const report = await check({ direction: 'both', options: { maxRequests: 1 } });
		expect(report).toMatchObject({ complete: false, stoppedByBudget: true, inParity: false, missing: [], compared: { ghlContacts: 0 }, requests: { ghl: 1 } });
		expect(report.covers).toMatch(/^Nothing/);
	});
});

describe('GHL Sync: Parity Check, whose tasks and notes', () => {
	it('compares the children only of contacts changed since the last check', async () => {
		const staticData: IDataObject = {};
		const parameters = { compareChildren: true };
		let g = sb.ghl.requests.length;
		expect((await check(parameters, staticData)).compared).toEqual({ ghlContacts: CONTACTS, rankrContacts: CONTACTS, children: CONTACTS, childrenOf: 'changed' });
		expect(childReads(g)).toBe(2 * CONTACTS);

		g = sb.ghl.requests.length;
		const quiet = await check(parameters, staticData);
		expect(quiet).toMatchObject({ inParity: true, compared: { children: 0 }, requests: { ghl: 1 } });

		const [changed] = ghlContacts();
		sb.ghl.store.updateContact(changed.id, { city: 'Bergen' });
		g = sb.ghl.requests.length;
		const second = await check(parameters, staticData);
		expect(second).toMatchObject({ compared: { children: 1 }, requests: { ghl: 3 } });
		expect(second.different).toEqual([expect.objectContaining({ ghlContactId: changed.id, fields: [{ field: 'city', ghl: 'Bergen', rankr: null }] })]);
		expect(sb.ghl.requests.slice(g).filter((r) => r.method === 'GET').map((r) => r.path).sort()).toEqual([`/contacts/${changed.id}/notes`, `/contacts/${changed.id}/tasks`]);
	});

	it('looks again at a contact whose children differed, until they agree', async () => {
		const staticData: IDataObject = {};
		const [a] = ghlContacts();
		sb.ghl.store.addTask(a.id, { title: 'New in GHL', dueDate: '2030-01-01T00:00:00.000Z' });
		expect((await check({ compareChildren: true }, staticData)).different).toHaveLength(1);
		const again = await check({ compareChildren: true }, staticData);
		expect(again).toMatchObject({ compared: { children: 1 }, different: [expect.objectContaining({ ghlContactId: a.id })] });
	});

	it('without static data kept (a manual run), every check compares all', async () => {
		for (let run = 0; run < 2; run++) expect((await check({ compareChildren: true })).compared.children).toBe(CONTACTS);
	});

	it('compares a random sample of the size asked', async () => {
		const g = sb.ghl.requests.length;
		const report = await check({ compareChildren: true, childrenOf: 'sample', sampleSize: 2 });
		expect(report).toMatchObject({ compared: { children: 2, childrenOf: 'sample' }, requests: { ghl: 1 + 4 } });
		expect(childReads(g)).toBe(4);
		const big = await check({ compareChildren: true, childrenOf: 'sample', sampleSize: 50 });
		expect(big.compared.children).toBe(CONTACTS);
	});
});
