import { createHash } from 'crypto';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { recordId } from './cursor';
import { countNear, readTasks, tasksOfContact } from './taskSources';

/**
 * "Task Completed" without timestamps. GHL's TaskSchema has no completedAt or dateUpdated, and its location
 * task search has no date filter, sort or total: the only sign of a completion is a task that was open and
 * now is completed. So the trigger remembers which tasks are open and which are completed, and asks GHL
 * cheaply whether either count moved:
 *   - nothing moved (the usual poll): two requests, whatever the size of the location;
 *   - something moved: it reads the open tasks, and each contact whose open task disappeared (one request
 *     per contact) to tell a completion from a deletion;
 *   - the completed count still does not add up (a task created completed, or created and completed
 *     between two polls, or completed tasks deleted), or an hour has passed: it reads every completed task
 *     and emits those it has never seen.
 */
export interface TaskWatch {
	/** Fingerprints of the completed tasks known, FINGERPRINT characters each, concatenated. */
	done: string;
	/** How many completed tasks GHL has, as far as the trigger knows. */
	doneCount: number;
	/** The open tasks seen last: task id → contact id. */
	open: Record<string, string>;
	/** How many open tasks GHL had (open holds them unless there are more than watchLimits.open). */
	openCount: number;
	/** When every completed task was last read (ISO). */
	syncedAt: string;
}

/** 48 bits of SHA-1 in base64url: a new id matches one of 20,000 known ids about once in 10^10. */
const FINGERPRINT = 8;
/**
 * Bounds the static data (160 kB of fingerprints, the open tasks with their contacts) and each read (200 and
 * 50 pages), so a poll stays within n8n's poll time budget. Changed only by tests.
 */
export const watchLimits = { done: 20_000, open: 5_000 };
/** How often every completed task is read anyway, to catch changes the counts cannot show. */
export const FULL_READ_EVERY_MS = 3_600_000;

export function fingerprint(id: string): string {
	return createHash('sha1').update(id).digest('base64url').slice(0, FINGERPRINT);
}

function fingerprints(done: string): Set<string> {
	const set = new Set<string>();
	for (let i = 0; i + FINGERPRINT <= done.length; i += FINGERPRINT) set.add(done.slice(i, i + FINGERPRINT));
	return set;
}

export function isTaskWatch(value: unknown): value is TaskWatch {
	const w = value as TaskWatch | undefined;
	return !!w && typeof w.done === 'string' && typeof w.doneCount === 'number' && typeof w.syncedAt === 'string' && !!w.open && typeof w.open === 'object';
}

function openMap(tasks: IDataObject[]): Map<string, IDataObject> {
	const map = new Map<string, IDataObject>();
	for (const task of tasks) if (recordId(task)) map.set(recordId(task), task);
	return map;
}

/** The open tasks to watch one by one (task id → contact id); none once the location has more than the limit. */
function remember(open: Map<string, IDataObject>, openCount: number): Record<string, string> {
	if (openCount > watchLimits.open || open.size > watchLimits.open) return {};
	return Object.fromEntries([...open].map(([id, task]) => [id, String(task.contactId ?? '')]));
}

/** First activation: remember the tasks as they stand; emit nothing. */
export async function startTaskWatch(ctx: IPollFunctions): Promise<TaskWatch> {
	const open = await readTasks(ctx, false, watchLimits.open);
	const completed = await readTasks(ctx, true, watchLimits.done);
	warnIfTooMany(ctx, completed.count, open.count);
	return {
		done: completed.tasks.map((t) => fingerprint(recordId(t))).join(''),
		doneCount: completed.count,
		open: remember(openMap(open.tasks), open.count),
		openCount: open.count,
		syncedAt: new Date().toISOString(),
	};
}

function warnIfTooMany(ctx: IPollFunctions, done: number, open: number): void {
	if (done > watchLimits.done) {
		ctx.logger.warn(
			`GHL Polling Trigger: the location has ${done} completed tasks, more than the ${watchLimits.done} it can remember; a task created already completed (or created and completed between two polls) may not be emitted`,
		);
	}
	if (open > watchLimits.open) {
		ctx.logger.warn(
			`GHL Polling Trigger: the location has ${open} open tasks, more than the ${watchLimits.open} it can watch one by one; completions may be missed, and each costs a read of the completed tasks`,
		);
	}
}

/** Tasks completed since the last poll, and the watch after it. `next` is `watch` itself when nothing changed. */
export async function pollTaskWatch(ctx: IPollFunctions, watch: TaskWatch): Promise<{ fresh: IDataObject[]; next: TaskWatch }> {
	const fullReadDue = Date.now() - Date.parse(watch.syncedAt) >= FULL_READ_EVERY_MS;
	const openNow = await countNear(ctx, false, watch.openCount);
	const doneNow = await countNear(ctx, true, watch.doneCount);
	if (!fullReadDue && openNow === watch.openCount && doneNow === watch.doneCount) return { fresh: [], next: watch };

	const done = fingerprints(watch.done);
	let doneCount = watch.doneCount;
	const openRead = await readTasks(ctx, false, watchLimits.open);
	const open = openMap(openRead.tasks);
	for (const id of open.keys()) {
		// Re-opened: completing it again is a new completion.
		if (done.delete(fingerprint(id))) doneCount--;
	}

	const fresh: IDataObject[] = [];
	const goneByContact = new Map<string, string[]>();
	for (const [id, contactId] of Object.entries(watch.open)) {
		if (open.has(id)) continue;
		goneByContact.set(contactId, [...(goneByContact.get(contactId) ?? []), id]);
	}
	for (const [contactId, ids] of goneByContact) {
		const tasks = contactId ? await tasksOfContact(ctx, contactId) : undefined;
		for (const id of ids) {
			const task = tasks?.find((t) => recordId(t) === id);
			if (!task) continue; // deleted, with or without its contact
			if (task.completed === true) {
				fresh.push(task);
				if (!done.has(fingerprint(id))) doneCount++;
				done.add(fingerprint(id));
			} else {
				open.set(id, task); // still open: the paged walk missed it while tasks moved
			}
		}
	}

	if (!fullReadDue && doneNow !== undefined && doneNow === doneCount) {
		return { fresh, next: { ...watch, done: [...done].join(''), doneCount, open: remember(open, openRead.count), openCount: openRead.count } };
	}

	// The counts do not add up (or it is time): read every completed task; emit those never seen.
	const completed = await readTasks(ctx, true, watchLimits.done);
	warnIfTooMany(ctx, completed.count, openRead.count);
	const emitted = new Set(fresh.map(recordId));
	// Past the bound the trigger cannot tell an old completed task from a new one (warned above).
	const remembered = completed.count <= watchLimits.done;
	for (const task of completed.tasks) {
		const id = recordId(task);
		if (!id || emitted.has(id) || done.has(fingerprint(id))) continue;
		if (remembered) fresh.push(task);
	}
	// Known ones the walk did not show stay known: a task re-opened during the walk shifts the pages, so one
	// completed task can be skipped, and forgetting it would emit it again next time. Ids are never reused.
	const read = completed.tasks.map((t) => fingerprint(recordId(t)));
	const readSet = new Set(read);
	const kept = [...done].filter((f) => !readSet.has(f));
	return {
		fresh,
		next: {
			done: [...read, ...kept].slice(0, watchLimits.done).join(''),
			doneCount: completed.count,
			open: remember(open, openRead.count),
			openCount: openRead.count,
			syncedAt: new Date().toISOString(),
		},
	};
}
