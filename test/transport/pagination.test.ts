import { collectPages, nextSearchCursor, nextSkip, nextStartAfter } from '../../nodes/shared/transport/pagination';

describe('pagination', () => {
	const records = Array.from({ length: 23 }, (_, i) => ({ id: `c${i}` }));

	it('collects every page once and stops at the last', async () => {
		const asked: Array<[number | undefined, number]> = [];
		const all = await collectPages<{ id: string }, number>(
			async (skip, size) => {
				asked.push([skip, size]);
				const items = records.slice(skip ?? 0, (skip ?? 0) + size);
				return { items, next: nextSkip(skip, items.length, size) };
			},
			{ pageSize: 10 },
		);
		expect(all.map((r) => r.id)).toEqual(records.map((r) => r.id));
		expect(asked).toEqual([
			[undefined, 10],
			[10, 10],
			[20, 10],
		]);
	});

	it('asks for no more than the limit and keeps one page size throughout', async () => {
		const sizes: number[] = [];
		const some = await collectPages<{ id: string }, number>(
			async (skip, size) => {
				sizes.push(size);
				const items = records.slice(skip ?? 0, (skip ?? 0) + size);
				return { items, next: nextSkip(skip, items.length, size) };
			},
			{ pageSize: 10, limit: 15 },
		);
		expect(some).toHaveLength(15);
		expect(sizes).toEqual([10, 10]);
		const few = await collectPages<{ id: string }, number>(
			async (_skip, size) => ({ items: records.slice(0, size), next: 99 }),
			{ pageSize: 100, limit: 3 },
		);
		expect(few).toHaveLength(3);
	});

	it('pages GHL search by number up to 10,000 records, then by searchAfter', () => {
		const page = Array.from({ length: 500 }, (_, i) => ({ searchAfter: [i, `id${i}`] }));
		expect(nextSearchCursor(undefined, page, 500, 50_000, 500)).toEqual({ page: 2 });
		expect(nextSearchCursor({ page: 19 }, page, 500, 50_000, 9500)).toEqual({ page: 20 });
		expect(nextSearchCursor({ page: 20 }, page, 500, 50_000, 10_000)).toEqual({ searchAfter: [499, 'id499'] });
		expect(nextSearchCursor({ searchAfter: [1] }, page, 500, 50_000, 10_500)).toEqual({ searchAfter: [499, 'id499'] });
		expect(nextSearchCursor({ page: 3 }, page.slice(0, 10), 500, 50_000, 1010)).toBeUndefined();
		expect(nextSearchCursor({ page: 2 }, page, 500, 1000, 1000)).toBeUndefined();
	});

	it("follows GHL's legacy startAfter cursor", () => {
		expect(nextStartAfter({ startAfter: 1700000000000, startAfterId: 'abc' }, 100, 100)).toEqual({
			startAfter: 1700000000000,
			startAfterId: 'abc',
		});
		expect(nextStartAfter({ startAfter: 1, startAfterId: 'abc' }, 40, 100)).toBeUndefined();
		expect(nextStartAfter({ startAfter: null, startAfterId: null }, 100, 100)).toBeUndefined();
	});
});
