/**
 * Return All within a request budget (Options → Max Requests): a run stops between pages, outputs whole
 * pages, marks its last item with `resumeFrom` and says so in the output pane; Resume From goes on from
 * there until every record was returned once. The automatic budget is a quarter of GHL's daily remaining.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { RunNodeResult } from '../harness/runNode';
import { ghlSuite } from './setup';

const ids = (items: INodeExecutionData[]) => items.map((i) => String(i.json.id));
const resumeOf = (items: INodeExecutionData[]) => items[items.length - 1]?.json.resumeFrom as string | undefined;
const hintsOf = (result: RunNodeResult) => {
	const runData = result.run.data.resultData.runData;
	const task = Object.values(runData)[0]?.[0] as { hints?: Array<{ message: string; type?: string }> } | undefined;
	return task?.hints ?? [];
};

/** Runs an operation again and again with Resume From until it is not stopped; each run's output. */
async function walkAll(run: (p: Record<string, unknown>) => Promise<RunNodeResult>, parameters: Record<string, unknown>, maxRequests: number) {
	const runs: RunNodeResult[] = [];
	let resumeFrom: string | undefined = '';
	for (let n = 0; n < 50 && resumeFrom !== undefined; n++) {
		const result = await run({ ...parameters, returnAll: true, options: { maxRequests, ...(resumeFrom ? { resumeFrom } : {}) } });
		expect(result.error).toBeUndefined();
		runs.push(result);
		resumeFrom = resumeOf(result.items);
	}
	return runs;
}

describe('GHL node: Return All within Max Requests (Contact → Get Many)', () => {
	const { state, run } = ghlSuite({ seed: { contacts: 2500 }, rateLimit: false });

	it('stops after Max Requests pages with whole pages, the resume position on the last item and a hint', async () => {
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true, options: { maxRequests: 2 } });
		expect(result.error).toBeUndefined();
		expect(state.sb.requests).toHaveLength(2);
		expect(result.items).toHaveLength(1000);
		expect(result.items.slice(0, -1).every((i) => i.json.resumeFrom === undefined)).toBe(true);
		expect(JSON.parse(String(resumeOf(result.items)))).toEqual({ searchAfter: expect.any(Array) });
		expect(result.items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const hints = hintsOf(result);
		expect(hints).toHaveLength(1);
		expect(hints[0]).toMatchObject({ type: 'warning' });
		expect(hints[0].message).toMatch(/stopped after 2 GHL requests \(Max Requests 2\) with 1000 contacts; more may remain.*Resume From/);
	});

	it('Resume From goes on where the last run stopped: over several runs every contact once, in order', async () => {
		const whole = ids((await run({ resource: 'contact', operation: 'getMany', returnAll: true })).items);
		expect(whole).toHaveLength(2500);
		state.sb.clearRequests();
		const runs = await walkAll(run, { resource: 'contact', operation: 'getMany' }, 2);
		expect(runs.map((r) => r.items.length)).toEqual([1000, 1000, 500]);
		expect(runs.flatMap((r) => ids(r.items))).toEqual(whole);
		// The last run reached the end: no marker, no hint.
		expect(resumeOf(runs[2].items)).toBeUndefined();
		expect(hintsOf(runs[2])).toEqual([]);
		// Resumed runs continue by GHL's searchAfter keys, not by page number.
		const bodies = state.sb.requests.map((r) => r.body as { page?: number; searchAfter?: unknown[] });
		expect(bodies[2].searchAfter).toEqual(expect.any(Array));
		expect(bodies[2].page).toBeUndefined();
	});

	it('a contact added while the walk is paused is still returned, none twice', async () => {
		const first = await run({ resource: 'contact', operation: 'getMany', returnAll: true, options: { maxRequests: 3 } });
		const added = state.sb.store.addContact(state.sb.locationId, { firstName: 'Late' }).id;
		const rest = await run({ resource: 'contact', operation: 'getMany', returnAll: true, options: { resumeFrom: resumeOf(first.items) } });
		const all = [...ids(first.items), ...ids(rest.items)];
		expect(new Set(all).size).toBe(2501);
		expect(all).toContain(added);
	});

	it('without Max Requests and without the daily header, Return All reads everything (the automatic budget is not hit)', async () => {
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true });
		expect(result.items).toHaveLength(2500);
		expect(resumeOf(result.items)).toBeUndefined();
	});
});

describe.each([
	[12, 2],
	[20, 4],
])('GHL node: the automatic budget is a quarter of X-RateLimit-Daily-Remaining (daily quota %i)', (dailyMax, pages) => {
	const { state, run } = ghlSuite({ seed: { contacts: 2500 }, rateLimit: { max: 1_000_000, intervalMs: 10_000, dailyMax } });

	it(`the first answer says ${dailyMax - 1} are left today, so the run asks for ${pages} pages and stops`, async () => {
		const result = await run({ resource: 'contact', operation: 'getMany', returnAll: true, options: { maxRequests: 0 } });
		expect(result.error).toBeUndefined();
		expect(state.sb.requests).toHaveLength(pages);
		expect(result.items).toHaveLength(pages * 500);
		expect(resumeOf(result.items)).toEqual(expect.any(String));
		expect(hintsOf(result)[0].message).toMatch(new RegExp(`stopped after ${pages} GHL requests \\(Max Requests ${pages}\\)`));
	});
});

describe('GHL node: Max Requests on the skip and startAfter lists', () => {
	const { state, run } = ghlSuite({ seed: { contacts: 350, tasksPerContact: 1 }, rateLimit: false });

	it('Task → Search Location: stops at 100 a request and resumes by skip until every task is returned once', async () => {
		const whole = ids((await run({ resource: 'task', operation: 'searchLocation', returnAll: true })).items);
		expect(whole).toHaveLength(350);
		const runs = await walkAll(run, { resource: 'task', operation: 'searchLocation' }, 1);
		expect(runs.map((r) => r.items.length)).toEqual([100, 100, 100, 50]);
		expect(JSON.parse(String(resumeOf(runs[0].items)))).toEqual({ skip: 100 });
		expect(runs.flatMap((r) => ids(r.items))).toEqual(whole);
	});

	it('Contact → Get Many (Legacy): resumes by GHL\'s startAfter / startAfterId', async () => {
		const whole = ids((await run({ resource: 'contact', operation: 'getManyLegacy', returnAll: true })).items);
		const runs = await walkAll(run, { resource: 'contact', operation: 'getManyLegacy' }, 2);
		expect(runs.map((r) => r.items.length)).toEqual([200, 150]);
		expect(JSON.parse(String(resumeOf(runs[0].items)))).toEqual({ startAfter: expect.anything(), startAfterId: expect.any(String) });
		expect(runs.flatMap((r) => ids(r.items))).toEqual(whole);
	});

	it('a bad Max Requests fails the item before any request; under Continue On Fail it is an error item and the others run', async () => {
		const result = await run(
			{ resource: 'task', operation: 'searchLocation', returnAll: true, options: { maxRequests: '={{ $json.max }}' } },
			[{ max: 1 }, { max: -1 }, { max: 1.5 }],
			true,
		);
		expect(result.items.filter((i) => i.json.error).map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 1 }, 'Max Requests: must be at least 0 [item 1]'],
			[{ item: 2 }, 'Max Requests: "1.5" is not an integer [item 2]'],
		]);
		expect(result.items.filter((i) => !i.json.error)).toHaveLength(100);
		expect(state.sb.requests).toHaveLength(1);
	});
});
