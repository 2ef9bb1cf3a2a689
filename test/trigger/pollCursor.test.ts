/** The polling cursor as a pure function: no repeats, no gaps, bounded memory. */
import type { IDataObject } from 'n8n-workflow';

import type { PollCursor } from '../../nodes/GhlPollingTrigger/cursor';
import { advance, MAX_RECENT, OVERLAP_MS, queryFrom, startCursor } from '../../nodes/GhlPollingTrigger/cursor';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const rec = (id: string, ms: number): IDataObject => ({ id, dateUpdated: at(ms) });
const timeOf = (r: IDataObject) => Date.parse(String(r.dateUpdated));
const idsOf = (records: IDataObject[]) => records.map((r) => r.id);

describe('poll cursor', () => {
	it('starts after the newest existing record, remembering those sharing its time', () => {
		const cursor = startCursor([rec('a', 10), rec('b', 30), rec('c', 30), rec('d', 20)], timeOf);
		expect(cursor).toEqual({ since: at(30), floor: at(30), recent: { b: T0 + 30, c: T0 + 30 } });
		// History is never emitted, even inside the overlap.
		const { fresh } = advance(cursor, [rec('a', 10), rec('d', 20), rec('b', 30), rec('c', 30), rec('e', 30), rec('f', 31)], timeOf);
		expect(idsOf(fresh)).toEqual(['e', 'f']);
	});

	it('with nothing yet, starts at the epoch so the first records ever are new', () => {
		const cursor = startCursor([], timeOf);
		expect(cursor.since).toBe('1970-01-01T00:00:00.000Z');
		expect(idsOf(advance(cursor, [rec('a', 1)], timeOf).fresh)).toEqual(['a']);
	});

	it('never repeats a record version, even when it comes back in the overlap or at the same time', () => {
		let cursor: PollCursor = startCursor([rec('old', 0)], timeOf);
		const emitted: unknown[] = [];
		const polls = [
			[rec('a', 100), rec('b', 100)],
			[rec('a', 100), rec('b', 100), rec('c', 100)],
			[rec('c', 100), rec('d', 150), rec('a', 200)],
			[rec('d', 150), rec('a', 200), rec('late', 180)],
			[rec('a', 200), rec('late', 180)],
		];
		for (const records of polls) {
			const { fresh, next } = advance(cursor, records, timeOf);
			emitted.push(...fresh.map((r) => `${String(r.id)}@${timeOf(r) - T0}`));
			cursor = next;
		}
		expect(emitted).toEqual(['a@100', 'b@100', 'c@100', 'd@150', 'a@200', 'late@180']);
	});

	it('keeps only the newest version of a record seen twice in one walk, in time order', () => {
		const { fresh } = advance(startCursor([], timeOf), [rec('x', 5), rec('y', 3), rec('x', 9)], timeOf);
		expect(fresh.map((r) => `${String(r.id)}@${timeOf(r) - T0}`)).toEqual(['y@3', 'x@9']);
	});

	it('asks again from one overlap before the cursor, never before the floor', () => {
		const cursor = startCursor([rec('a', 0)], timeOf);
		expect(queryFrom(cursor)).toBe(at(0));
		const { next } = advance(cursor, [rec('b', 5 * OVERLAP_MS)], timeOf);
		expect(queryFrom(next)).toBe(at(4 * OVERLAP_MS));
		// Records below the query bound are not news (they were seen, or are history).
		expect(advance(next, [rec('z', 3 * OVERLAP_MS)], timeOf).fresh).toEqual([]);
	});

	it('forgets versions older than the overlap, and keeps at most MAX_RECENT', () => {
		let { next } = advance(startCursor([], timeOf), [rec('a', 1), rec('b', 2)], timeOf);
		({ next } = advance(next, [rec('c', 2 + OVERLAP_MS)], timeOf));
		expect(Object.keys(next.recent).sort()).toEqual(['b', 'c']);
		const burst = Array.from({ length: MAX_RECENT + 50 }, (_, i) => rec(`r${i}`, 10 * OVERLAP_MS + i));
		({ next } = advance(next, burst, timeOf));
		expect(Object.keys(next.recent)).toHaveLength(MAX_RECENT);
		expect(next.recent[`r${MAX_RECENT + 49}`]).toBeDefined();
		expect(next.recent.r0).toBeUndefined();
	});
});
