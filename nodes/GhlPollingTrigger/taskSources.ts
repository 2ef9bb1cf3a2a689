import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../shared/ghlApi';
import { isNotFound, nodeError } from '../shared/apiErrors';
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

/**
 * The open (or completed) tasks of the location, the first `max` of them, and how many there are in all:
 * past `max` the count comes from a few probes (doubling, then halving the skip) instead of every page.
 */
export async function readTasks(ctx: IPollFunctions, completed: boolean, max: number): Promise<{ tasks: IDataObject[]; count: number }> {
	const tasks = await collectPages<IDataObject, number>(
		async (skip, pageSize) => {
			const page = await searchTaskPage(ctx, completed, skip ?? 0, pageSize);
			return { items: page, next: nextSkip(skip, page.length, pageSize) };
		},
		{ pageSize: TASK_PAGE, limit: max + 1 },
	);
	if (tasks.length <= max) return { tasks, count: tasks.length };
	return { tasks: tasks.slice(0, max), count: await countFrom(ctx, completed, max) };
}

/** How many tasks there are, knowing there are more than `known`: galloping probes, then halving. */
async function countFrom(ctx: IPollFunctions, completed: boolean, known: number): Promise<number> {
	// A page at `skip` holding 1..99 tasks gives the count; a full one says "at least skip + 100"; an empty one "at most skip".
	const probe = async (skip: number) => (await searchTaskPage(ctx, completed, skip, TASK_PAGE)).length;
	let low = known;
	let high = Number.POSITIVE_INFINITY;
	for (let skip = low, step = TASK_PAGE; high === Number.POSITIVE_INFINITY; step *= 2) {
		const found = await probe(skip);
		if (found > 0 && found < TASK_PAGE) return skip + found;
		if (found === 0) high = skip;
		else {
			low = skip + TASK_PAGE;
			skip = low + step;
		}
	}
	while (low < high) {
		const mid = Math.floor((low + high) / 2);
		const found = await probe(mid);
		if (found > 0 && found < TASK_PAGE) return mid + found;
		if (found === 0) high = mid;
		else low = mid + TASK_PAGE;
	}
	return low;
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
