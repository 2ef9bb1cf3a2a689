import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../shared/ghlApi';
import type { PageBudget, SearchCursor } from '../shared/transport/pagination';
import { collectPagesWithin, nextSearchCursor } from '../shared/transport/pagination';

/** What GHL's search returns per page at most (SPEC-QUIRKS 2). */
const CONTACT_PAGE = 500;

export type ContactTimeField = 'dateAdded' | 'dateUpdated';

export interface ContactQuery {
	field: ContactTimeField;
	direction: 'asc' | 'desc';
	/** Inclusive lower bound (ISO) on `field`. */
	from?: string;
	limit?: number;
	/**
	 * Stop paging once `ms` have passed, but not before the walk is past `after` (ms since epoch): the
	 * first pages re-read changes already emitted, and each poll must get further than the last.
	 */
	budget?: { ms: number; after: number };
	/** The poll's request budget (Max Requests per Poll): paging stops between pages when it is spent. */
	requests?: PageBudget;
	/** Go on after these sort keys (where an earlier poll stopped) instead of from the first page. */
	after?: unknown[];
}

export interface ContactWalk {
	records: IDataObject[];
	/** Set when a budget stopped the walk: the sort keys of the last record read, where the next poll goes on. */
	stoppedAfter?: unknown[];
}

/**
 * Contacts sorted by a time field, from a bound. Pages follow GHL's `searchAfter` keys when GHL gives
 * them (numbered pages shift when a contact changes during the walk, which would skip one), else numbers.
 */
export async function searchContacts(ctx: IPollFunctions, query: ContactQuery): Promise<IDataObject[]> {
	return (await walkContacts(ctx, query)).records;
}

/** searchContacts that also says where it stopped when a budget (time or requests) cut the walk short. */
export async function walkContacts(ctx: IPollFunctions, query: ContactQuery): Promise<ContactWalk> {
	const locationId = await ghlLocation(ctx);
	const startedAt = Date.now();
	let seen = 0;
	let timeUp = false;
	const walk = await collectPagesWithin<IDataObject, SearchCursor>(
		async (cursor, pageSize) => {
			const body: IDataObject = {
				locationId,
				pageLimit: pageSize,
				sort: [{ field: query.field, direction: query.direction }],
				...(query.from ? { filters: [{ field: query.field, operator: 'range', value: { gte: query.from } }] } : {}),
				...(cursor && 'searchAfter' in cursor ? { searchAfter: cursor.searchAfter } : { page: cursor?.page ?? 1 }),
			};
			const response = await ghlRequest<{ contacts?: IDataObject[]; total?: number }>(ctx, {
				method: 'POST',
				path: '/contacts/search',
				body,
				idempotent: true,
			});
			const contacts = response.contacts ?? [];
			seen += contacts.length;
			const more = nextSearchCursor(cursor, contacts as Array<{ searchAfter?: unknown[] }>, pageSize, response.total, seen);
			const keys = contacts[contacts.length - 1]?.searchAfter;
			const lastAt = Date.parse(String(contacts[contacts.length - 1]?.[query.field] ?? ''));
			const overBudget = !!query.budget && Date.now() - startedAt > query.budget.ms && lastAt > query.budget.after;
			if (more && overBudget) timeUp = true;
			const next: SearchCursor | undefined = !more || overBudget ? undefined : Array.isArray(keys) ? { searchAfter: keys } : more;
			return { items: contacts, next };
		},
		{ pageSize: CONTACT_PAGE, limit: query.limit, budget: query.requests, start: query.after ? { searchAfter: query.after } : undefined },
	);
	const last = walk.items;
	const keys = last[last.length - 1]?.searchAfter;
	const stopped = walk.resume !== undefined || timeUp;
	return { records: walk.items, ...(stopped && Array.isArray(keys) ? { stoppedAfter: keys as unknown[] } : {}) };
}

function ms(value: unknown): number {
	if (typeof value === 'number') return value;
	return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

export const contactTime = (field: ContactTimeField) => (record: IDataObject) => ms(record[field]);

/**
 * When a task was completed, where GHL says so: `completedAt`, else its last update. GHL's TaskSchema has
 * neither, so this only orders what a poll emits; it never decides what is new.
 */
export const taskCompletedTime = (record: IDataObject) => {
	const completed = ms(record.completedAt);
	return Number.isNaN(completed) ? ms(record.dateUpdated ?? record.updatedAt) : completed;
};
