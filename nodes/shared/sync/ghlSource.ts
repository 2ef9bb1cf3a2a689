import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../ghlApi';
import { omitKeys } from '../omitKeys';
import { apiPath } from '../transport/path';
import type { SearchCursor } from '../transport/pagination';
import { collectPages, nextSearchCursor } from '../transport/pagination';
import { isNotFound, nodeError } from '../apiErrors';
import { allOrFirstError } from './errors';

/** Reading the GHL side of a sync: one contact with its tasks and notes, or a location's contacts. */

export interface GhlContactBundle {
	contact: IDataObject;
	tasks: IDataObject[];
	notes: IDataObject[];
}

export async function readGhlChildren(ctx: IExecuteFunctions, itemIndex: number, contactId: string): Promise<Omit<GhlContactBundle, 'contact'>> {
	const [tasks, notes] = await allOrFirstError<[{ tasks?: IDataObject[] }, { notes?: IDataObject[] }]>([
		ghlRequest<{ tasks?: IDataObject[] }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks`, itemIndex }),
		ghlRequest<{ notes?: IDataObject[] }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/notes`, itemIndex }),
	]);
	return { tasks: tasks.tasks ?? [], notes: notes.notes ?? [] };
}

/**
 * The contact with its tasks and notes, or undefined when GHL no longer has it. Only the contact's own read
 * answering "not found", confirmed by a second read, counts as gone: a "not found" from the tasks or notes
 * read (or a one-off glitch) is an error, never a reason to touch Rankr data.
 */
export async function readGhlContact(ctx: IExecuteFunctions, itemIndex: number, contactId: string): Promise<GhlContactBundle | undefined> {
	const readContact = async () =>
		await ghlRequest<{ contact: IDataObject }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}`, itemIndex });
	let contact: { contact: IDataObject };
	try {
		contact = await readContact();
	} catch (error) {
		if (!isNotFound(error)) throw nodeError(ctx.getNode(), error);
		try {
			contact = await readContact();
		} catch (again) {
			if (isNotFound(again)) return undefined;
			throw nodeError(ctx.getNode(), again);
		}
	}
	try {
		return { contact: contact.contact, ...(await readGhlChildren(ctx, itemIndex, contactId)) };
	} catch (error) {
		throw nodeError(ctx.getNode(), error);
	}
}

// pageLimit's maximum is undocumented; 500 is the commonly cited one (SPEC-QUIRKS 2).
const SEARCH_PAGE = 500;

/**
 * Every contact of the location matching the query and tag (both optional), through GHL's search.
 * `mayRead` (asked before each page) ends the walk early when it answers false: a request budget ran out.
 */
export async function searchGhlContacts(
	ctx: IExecuteFunctions,
	itemIndex: number,
	locationId: string,
	filter: { query?: string; tag?: string },
	mayRead?: () => Promise<boolean>,
): Promise<IDataObject[]> {
	let seen = 0;
	const sort = [{ field: 'dateAdded', direction: 'asc' }];
	const contacts = await collectPages<IDataObject & { searchAfter?: unknown[] }, SearchCursor>(
		async (cursor, pageSize) => {
			if (mayRead && !(await mayRead())) return { items: [] };
			const body: IDataObject = {
				locationId,
				pageLimit: pageSize,
				sort,
				...(filter.query ? { query: filter.query } : {}),
				...(filter.tag ? { filters: [{ field: 'tags', operator: 'eq', value: filter.tag }] } : {}),
				...(cursor && 'searchAfter' in cursor ? { searchAfter: cursor.searchAfter } : { page: cursor && 'page' in cursor ? cursor.page : 1 }),
			};
			const response = await ghlRequest<{ contacts: Array<IDataObject & { searchAfter?: unknown[] }>; total?: number }>(ctx, {
				method: 'POST',
				path: '/contacts/search',
				body,
				idempotent: true,
				itemIndex,
			});
			seen += response.contacts.length;
			return { items: response.contacts, next: nextSearchCursor(cursor, response.contacts, pageSize, response.total, seen) };
		},
		{ pageSize: SEARCH_PAGE },
	);
	return contacts.map((contact) => omitKeys(contact, 'searchAfter'));
}
