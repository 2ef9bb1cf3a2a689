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

async function ghl<T>(reader: GhlReader, request: Omit<ApiRequest, 'itemIndex'>): Promise<T> {
	reader.budget.ghl++;
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

export async function notesOf(reader: GhlReader, contactId: string): Promise<IDataObject[]> {
	const answer = await ghl<{ notes?: IDataObject[] }>(reader, { method: 'GET', path: apiPath`/contacts/${contactId}/notes` });
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

/** The notes of several contacts, a few at a time (the transport paces them). */
export async function notesOfMany(reader: GhlReader, contactIds: string[]): Promise<Map<string, IDataObject[]>> {
	const out = new Map<string, IDataObject[]>();
	const PARALLEL = 8;
	for (let i = 0; i < contactIds.length; i += PARALLEL) {
		const slice = contactIds.slice(i, i + PARALLEL);
		const notes = await allOrFirstError<IDataObject[][]>(slice.map((id) => notesOf(reader, id)));
		slice.forEach((id, k) => out.set(id, notes[k]));
	}
	return out;
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
