import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../shared/ghlApi';
import { isNotFound, nodeError } from '../shared/sync/errors';
import { collectPages, nextSkip } from '../shared/transport/pagination';
import { apiPath } from '../shared/transport/path';

/** The location task search's documented maximum page. */
export const TASK_PAGE = 100;

/**
 * One page of POST /locations/{locationId}/tasks/search. The search filters by `completed` but has no
 * date filter, no sort and no total (TaskSearchParamsDto), so the trigger cannot ask for "what is new".
 */
export async function searchTaskPage(ctx: IPollFunctions, completed: boolean, skip: number, limit: number): Promise<IDataObject[]> {
	const locationId = await ghlLocation(ctx);
	const response = await ghlRequest<{ tasks?: unknown[] }>(ctx, {
		method: 'POST',
		path: apiPath`/locations/${locationId}/tasks/search`,
		body: { completed, limit, skip },
		idempotent: true,
	});
	// The spec types `tasks` as an array of arrays (SPEC-QUIRKS 7); GHL sends a flat list.
	return (response.tasks ?? []).flat() as IDataObject[];
}

/** Every open (or every completed) task of the location. */
export async function allTasks(ctx: IPollFunctions, completed: boolean): Promise<IDataObject[]> {
	return await collectPages<IDataObject, number>(
		async (skip, pageSize) => {
			const tasks = await searchTaskPage(ctx, completed, skip ?? 0, pageSize);
			return { items: tasks, next: nextSkip(skip, tasks.length, pageSize) };
		},
		{ pageSize: TASK_PAGE },
	);
}

/**
 * How many open (or completed) tasks the location has, when that is `expected` or up to a page more; one
 * request. The search gives no total, so it looks from the expected last one on: `undefined` means fewer
 * than expected (some deleted or re-opened) or more than a page more.
 */
export async function countNear(ctx: IPollFunctions, completed: boolean, expected: number): Promise<number | undefined> {
	const from = Math.max(expected - 1, 0);
	const tail = await searchTaskPage(ctx, completed, from, TASK_PAGE);
	if (expected > 0 && tail.length === 0) return undefined;
	if (tail.length === TASK_PAGE) return undefined;
	return from + tail.length;
}

/** A contact's tasks (GET /contacts/{contactId}/tasks, one request); `undefined` once the contact is gone. */
export async function tasksOfContact(ctx: IPollFunctions, contactId: string): Promise<IDataObject[] | undefined> {
	try {
		const response = await ghlRequest<{ tasks?: IDataObject[] }>(ctx, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks` });
		return response.tasks ?? [];
	} catch (error) {
		// GHL answers an unknown contact with 400 "Contact not found" (SPEC-QUIRKS 9): its tasks went with it.
		if (isNotFound(error)) return undefined;
		throw nodeError(ctx.getNode(), error);
	}
}
