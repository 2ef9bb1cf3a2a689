import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../ghlApi';
import type { RequestBudget } from '../requestBudget';
import type { ApiRequest } from '../transport/types';
import { apiPath } from '../transport/path';
import { isNotFound, nodeError } from '../apiErrors';
import { allOrFirstError } from './errors';

/** Reading a GHL location for Sync Location: changed contacts, their tasks in bulk, their notes; each request counted. */

export interface GhlReader {
	ctx: IExecuteFunctions;
	itemIndex: number;
	budget: RequestBudget;
	locationId: string;
}

/** `prepaid`: the request was charged to the budget when it was queued (see notesOfMany). */
async function ghl<T>(reader: GhlReader, request: Omit<ApiRequest, 'itemIndex'>, prepaid = false): Promise<T> {
	if (!prepaid) reader.budget.ghl++;
	try {
		const answer = await ghlRequest<T>(reader.ctx, { ...request, itemIndex: reader.itemIndex });
		await reader.budget.learn(reader.ctx);
		return answer;
	} catch (error) {
		throw nodeError(reader.ctx.getNode(), error);
	}
}

/** The search page size: one Rankr batch (100) per page, so a page is the unit a budget stops between. */
export const CHANGED_PAGE = 100;

export interface ChangedPage {
	contacts: Array<IDataObject & { searchAfter?: unknown[] }>;
	total?: number;
}

/** One page of the contacts whose dateUpdated lies in the window, oldest change first. */
export async function searchChanged(reader: GhlReader, window: { from: string | null; until: string }, after: unknown[] | null, pageLimit = CHANGED_PAGE): Promise<ChangedPage> {
	const range: IDataObject = { lte: window.until, ...(window.from ? { gte: window.from } : {}) };
	const body: IDataObject = {
		locationId: reader.locationId,
		pageLimit,
		sort: [{ field: 'dateUpdated', direction: 'asc' }],
		filters: [{ field: 'dateUpdated', operator: 'range', value: range }],
		...(after ? { searchAfter: after } : {}),
	};
	const answer = await ghl<ChangedPage>(reader, { method: 'POST', path: '/contacts/search', body, idempotent: true });
	return { contacts: answer.contacts ?? [], total: answer.total };
}

/** GHL's location task search answers at most 100 a request and says nothing of a total: page until a short page. */
const TASK_PAGE = 100;

/** The tasks of many contacts (up to 100 IDs) at once, by contact; undefined when the budget ran out first. */
export async function tasksOf(reader: GhlReader, contactIds: string[]): Promise<Map<string, IDataObject[]> | undefined> {
	const byContact = new Map<string, IDataObject[]>(contactIds.map((id) => [id, []]));
	for (let skip = 0; ; skip += TASK_PAGE) {
		if (!reader.budget.fits(1)) return undefined;
		const page = await ghl<{ tasks?: IDataObject[] }>(reader, {
			method: 'POST',
			path: apiPath`/locations/${reader.locationId}/tasks/search`,
			body: { contactId: contactIds, limit: TASK_PAGE, skip },
			idempotent: true,
		});
		const tasks = page.tasks ?? [];
		for (const task of tasks) byContact.get(String(task.contactId))?.push(task);
		if (tasks.length < TASK_PAGE) return byContact;
	}
}

export async function notesOf(reader: GhlReader, contactId: string, prepaid = false): Promise<IDataObject[]> {
	const answer = await ghl<{ notes?: IDataObject[] }>(reader, { method: 'GET', path: apiPath`/contacts/${contactId}/notes` }, prepaid);
	return answer.notes ?? [];
}

/** The contact, or undefined when GHL answers "not found" twice (the sync module's one rule for "gone"). */
export async function contactOrGone(reader: GhlReader, contactId: string): Promise<IDataObject | undefined> {
	for (let attempt = 0; ; attempt++) {
		try {
			return (await ghl<{ contact: IDataObject }>(reader, { method: 'GET', path: apiPath`/contacts/${contactId}` })).contact;
		} catch (error) {
			if (!isNotFound(error)) throw nodeError(reader.ctx.getNode(), error);
			if (attempt === 1) return undefined;
		}
	}
}

/**
 * GHL reads Sync Location keeps in flight. Filling a rate window takes (max ÷ interval) × round trip in
 * flight (Little's law), and the pacer keeps a slot busy for a round trip plus the interval: GHL's 100 per
 * 10 s at a 0.3–1 s round trip needs 3–10; the benchmarks' 10× faster window (100 per 1 s) at 0.1–0.3 s on a
 * loaded machine needs 10–25. 32 fills both; what the window has no room for the pacer holds back. A
 * page's notes are held until its write anyway, so more in flight adds no memory.
 */
export const READS_IN_FLIGHT = 32;

/** First come, first served: at most `limit` tasks running, the rest waiting in order (shared by the pages being read). */
export class ReadQueue {
	private running = 0;
	private readonly waiting: Array<() => void> = [];
	constructor(readonly limit: number = READS_IN_FLIGHT) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.running < this.limit) this.running++;
		else await new Promise<void>((resolve) => this.waiting.push(resolve));
		try {
			return await task();
		} finally {
			// The slot passes straight to the next in line (running stays the same), or is freed.
			const next = this.waiting.shift();
			if (next) next();
			else this.running--;
		}
	}
}

/**
 * The notes of several contacts through the queue. Every read is charged to the budget now, before any is
 * sent: reads of the next page are planned while these are still queued, and must see what these will cost.
 * Settles only when every read has (allOrFirstError), so none outlives a failure.
 */
export async function notesOfMany(reader: GhlReader, contactIds: string[], queue: ReadQueue): Promise<Map<string, IDataObject[]>> {
	// Runs as the call is made (before the first await), so the charge is there when the caller goes on.
	reader.budget.ghl += contactIds.length;
	const reads = contactIds.map(async (id) => await queue.run(async () => await notesOf(reader, id, true)));
	const notes = await allOrFirstError<IDataObject[][]>(reads);
	return new Map(contactIds.map((id, k) => [id, notes[k]]));
}

/** Every contact ID of the location (search pages of 500, by dateAdded): what a deletion scan holds Rankr against. */
export async function allContactIds(reader: GhlReader): Promise<Set<string> | undefined> {
	const ids = new Set<string>();
	let after: unknown[] | null = null;
	for (;;) {
		if (!reader.budget.fits(1)) return undefined;
		const body: IDataObject = {
			locationId: reader.locationId,
			pageLimit: 500,
			sort: [{ field: 'dateAdded', direction: 'asc' }],
			...(after ? { searchAfter: after } : {}),
		};
		const page = await ghl<ChangedPage>(reader, { method: 'POST', path: '/contacts/search', body, idempotent: true });
		const contacts = page.contacts ?? [];
		for (const c of contacts) ids.add(String(c.id));
		if (contacts.length < 500) return ids;
		after = contacts[contacts.length - 1].searchAfter ?? null;
		// Without a position the rest cannot be read: a partial list must never pass for the whole location.
		if (!after) return undefined;
	}
}
