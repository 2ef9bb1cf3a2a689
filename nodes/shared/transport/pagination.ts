/**
 * Paging, once for every cursor style the APIs use. An operation describes how to fetch one page; the
 * collector asks for no more than the caller's limit and stops at the last page.
 */
export interface Page<T, C> {
	items: T[];
	/** Cursor of the next page; undefined when this was the last one. */
	next?: C;
}

export type PageFetcher<T, C> = (cursor: C | undefined, pageSize: number) => Promise<Page<T, C>>;

export async function collectPages<T, C>(
	fetchPage: PageFetcher<T, C>,
	options: { limit?: number; pageSize: number },
): Promise<T[]> {
	return (await collectPagesWithin(fetchPage, options)).items;
}

/** A request budget as paging sees it: asked before each page, told after each answer. */
export interface PageBudget {
	/** Whether one more page may be asked for. */
	fits(): boolean;
	/** One page was answered (an automatic budget learns its size from the first answer). */
	paid(): Promise<void>;
}

export interface CollectedPages<T, C> {
	items: T[];
	/** Set when the budget stopped the walk: the cursor of the first page not read. Whole pages only. */
	resume?: C;
}

/**
 * collectPages with a request budget and a starting cursor: it stops between pages when the budget is
 * spent (the first page is always read), and says where the walk would have gone on.
 */
export async function collectPagesWithin<T, C>(
	fetchPage: PageFetcher<T, C>,
	options: {
		limit?: number;
		pageSize: number;
		budget?: PageBudget;
		/** Where to start (a resume cursor of an earlier walk); undefined: the first page. */
		start?: C;
		/** Keep pageSize even under a smaller limit (numbered pages of a resumed walk must keep their size). */
		fixedSize?: boolean;
	},
): Promise<CollectedPages<T, C>> {
	const out: T[] = [];
	let cursor: C | undefined = options.start;
	// One page size for the whole walk: numbered pages shift if the size changes between them.
	const size = !options.fixedSize && options.limit !== undefined && options.limit < options.pageSize ? options.limit : options.pageSize;
	for (let pages = 0; ; pages++) {
		if (options.limit !== undefined && out.length >= options.limit) break;
		if (pages > 0 && options.budget && !options.budget.fits()) return { items: out, resume: cursor };
		const page = await fetchPage(cursor, size);
		await options.budget?.paid();
		for (const item of page.items) {
			if (options.limit !== undefined && out.length >= options.limit) break;
			out.push(item);
		}
		if (page.next === undefined || page.items.length === 0) break;
		cursor = page.next;
	}
	return { items: out };
}

/** GHL's legacy list (GET /contacts/): `meta.startAfter` + `meta.startAfterId` name the next page. */
export interface StartAfterCursor {
	startAfter: number | string;
	startAfterId: string;
}

export function nextStartAfter(
	meta: { startAfter?: number | string | null; startAfterId?: string | null; nextPageUrl?: string | null } | undefined,
	received: number,
	pageSize: number,
): StartAfterCursor | undefined {
	if (!meta || received < pageSize || !meta.startAfterId || meta.startAfter === undefined || meta.startAfter === null) {
		return undefined;
	}
	return { startAfter: meta.startAfter, startAfterId: meta.startAfterId };
}

/**
 * GHL's contact search: numbered pages reach 10,000 records; past that only `searchAfter` (the sort
 * values of the last record seen) goes on. We page by number while allowed, then switch.
 */
export type SearchCursor = { page: number } | { searchAfter: unknown[] };

export const SEARCH_PAGE_WINDOW = 10_000;

export function nextSearchCursor(
	current: SearchCursor | undefined,
	items: Array<{ searchAfter?: unknown[] }>,
	pageSize: number,
	total: number | undefined,
	seen: number,
): SearchCursor | undefined {
	if (items.length < pageSize) return undefined;
	if (total !== undefined && seen >= total) return undefined;
	const page = current && 'page' in current ? current.page : current ? undefined : 1;
	if (page !== undefined && (page + 1) * pageSize <= SEARCH_PAGE_WINDOW) return { page: page + 1 };
	const last = items[items.length - 1]?.searchAfter;
	return Array.isArray(last) ? { searchAfter: last } : undefined;
}

/** skip/limit style (contacts by business, location task search). */
export function nextSkip(currentSkip: number | undefined, received: number, pageSize: number): number | undefined {
	return received < pageSize ? undefined : (currentSkip ?? 0) + received;
}

/** Rankr's opaque cursor: `nextCursor` is null on the last page. */
export function nextOpaqueCursor(nextCursor: string | null | undefined): string | undefined {
	return nextCursor ? nextCursor : undefined;
}
