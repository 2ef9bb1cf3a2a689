import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ghlLocation } from '../ghlApi';
import type { BatchCounts, ContactOutcome } from './batchWrite';
import { noBatchCounts, writeChildren, writeContacts } from './batchWrite';
import type { Deletions } from './children';
import { scanDeletions } from './deletionScan';
import { nodeError } from '../apiErrors';
import { allOrFirstError } from './errors';
import type { LocationCursor } from './locationCursor';
import { emptyCursor, loadCursor, saveCursor, trimRecent } from './locationCursor';
import type { GhlReader } from './locationRead';
import { CHANGED_PAGE, contactOrGone, notesOfMany, ReadQueue, searchChanged, tasksOf } from './locationRead';
import { RequestBudget } from '../requestBudget';
import type { RankrCall } from './rankrTarget';
import { rankrCaller } from './rankrTarget';

/**
 * Makes Rankr match every GHL contact that changed since the last run, with its tags, tasks and notes, at a
 * cost that follows what changed: contacts from GHL's search by dateUpdated (100 a page), their tasks from
 * the location task search (100 contacts a request), a notes read per changed contact, and Rankr's batch
 * upserts (100 records a request). The same rules as Sync Contact: only differences are written, tags only
 * as far as they came from GHL, unmappable values skipped and reported, a contact GHL deleted archived (not
 * deleted) by default. Stops between contacts when the request budget runs out, and says where it goes on.
 */

export interface SyncLocationOptions {
	firstRun: 'everything' | 'fromNow';
	deletions: Deletions;
	/** GHL requests this run may send; undefined: a quarter of what GHL says is left of the day's quota. */
	maxRequests: number | undefined;
	overlapMinutes: number;
	deletionScan: 'daily' | 'everyRun' | 'never';
}

export interface LocationSummary extends IDataObject {
	read: number;
	created: number;
	updated: number;
	unchanged: number;
	restored: number;
	archived: number;
	deleted: number;
	skipped: number;
	failed: number;
	tasks: BatchCounts;
	notes: BatchCounts;
	requests: { ghl: number; rankr: number; maxGhl: number | null };
	complete: boolean;
	stoppedByBudget: boolean;
	cursor: { since: string | null; until: string | null; resumeAfter: unknown[] | null; retry: number };
	/** The contacts this run created, updated or restored in Rankr (the first 100): what a workflow enriches next. */
	changedContacts: Array<{ ghlContactId: string; rankrContactId: string; status: 'created' | 'updated' | 'restored' }>;
	skippedValues: Array<{ ghlContactId: string; field: string; ghl: string }>;
	failures: Array<{ ghlContactId: string; error: string }>;
}

const LISTED = 100;

function countingCall(call: RankrCall, budget: RequestBudget): RankrCall {
	const counted = async (request: Parameters<RankrCall>[0]) => {
		budget.rankr++;
		return await call(request);
	};
	return Object.assign(counted, { node: call.node });
}

function newSummary(): LocationSummary {
	return {
		read: 0, created: 0, updated: 0, unchanged: 0, restored: 0, archived: 0, deleted: 0, skipped: 0, failed: 0,
		tasks: noBatchCounts(), notes: noBatchCounts(),
		requests: { ghl: 0, rankr: 0, maxGhl: null },
		complete: true, stoppedByBudget: false,
		cursor: { since: null, until: null, resumeAfter: null, retry: 0 },
		changedContacts: [], skippedValues: [], failures: [],
	};
}

const addCounts = (into: BatchCounts, from: BatchCounts) => {
	for (const k of Object.keys(into) as Array<keyof BatchCounts>) into[k] += from[k];
};

interface Run {
	reader: GhlReader;
	call: RankrCall;
	summary: LocationSummary;
	cursor: LocationCursor;
	/** The notes reads of every page being read share it: up to READS_IN_FLIGHT at once. */
	queue: ReadQueue;
}

interface ReadBatch {
	/** How many of the contacts given (in order) are read (or being read): fewer when the budget could not pay for the rest. */
	done: number;
	batch: IDataObject[];
	tasks: Map<string, IDataObject[]>;
	/** Still being read when readBatch returns; a write waits for it (see whole). */
	notes: Promise<Map<string, IDataObject[]>>;
}

/**
 * The GHL side of these contacts (already found): their tasks in bulk, then their notes queued (and charged
 * to the budget) but not awaited, so the caller can search the next page while they are read.
 */
async function readBatch(run: Run, contacts: IDataObject[]): Promise<ReadBatch> {
	const { reader } = run;
	const none: ReadBatch = { done: 0, batch: [], tasks: new Map(), notes: Promise.resolve(new Map()) };
	// Each contact costs one notes read, and the task search at least one request.
	let take = Math.min(contacts.length, Math.max(0, reader.budget.left - 1));
	if (take === 0) return none;
	const tasks = await tasksOf(reader, contacts.slice(0, take).map((c) => String(c.id)));
	if (!tasks) return none;
	take = Math.min(take, Math.max(0, reader.budget.left));
	const batch = contacts.slice(0, take);
	if (!batch.length) return none;
	const notes = notesOfMany(reader, batch.map((c) => String(c.id)), run.queue);
	// Awaited later (whole); until then a failure must not count as unhandled.
	notes.catch(() => undefined);
	return { done: take, batch, tasks, notes };
}

type WholeBatch = Omit<ReadBatch, 'notes'> & { notes: Map<string, IDataObject[]> };

/** Waits until every read of the batch is in: no contact is written before its reads are whole. */
async function whole(read: ReadBatch): Promise<WholeBatch> {
	return { ...read, notes: await read.notes };
}

/** The Rankr side: contacts first (their Rankr IDs), then their tasks and notes, in batches. */
async function writeBatch(run: Run, read: WholeBatch): Promise<ContactOutcome[]> {
	const { call, summary, reader } = run;
	const { locationId } = reader;
	if (!read.batch.length) return [];
	const outcomes = await writeContacts(call, locationId, read.batch);
	const written = outcomes.filter((o): o is ContactOutcome & { rankrContactId: string } => o.status !== 'failed' && o.rankrContactId !== undefined);
	const [tasks, notes] = await allOrFirstError<[BatchCounts, BatchCounts]>([
		writeChildren(call, 'task', locationId, written.map((o) => ({ rankrContactId: o.rankrContactId, records: read.tasks.get(o.ghlContactId) ?? [] }))),
		writeChildren(call, 'note', locationId, written.map((o) => ({ rankrContactId: o.rankrContactId, records: read.notes.get(o.ghlContactId) ?? [] }))),
	]);
	addCounts(summary.tasks, tasks);
	addCounts(summary.notes, notes);
	for (const o of outcomes) {
		summary.read++;
		summary[o.status]++;
		if (o.skipped.length) {
			summary.skipped++;
			for (const s of o.skipped) if (summary.skippedValues.length < LISTED) summary.skippedValues.push({ ghlContactId: o.ghlContactId, ...s });
		}
		if (o.error && summary.failures.length < LISTED) summary.failures.push({ ghlContactId: o.ghlContactId, error: o.error });
		if ((o.status === 'created' || o.status === 'updated' || o.status === 'restored') && o.rankrContactId && summary.changedContacts.length < LISTED) {
			summary.changedContacts.push({ ghlContactId: o.ghlContactId, rankrContactId: o.rankrContactId, status: o.status });
		}
	}
	return outcomes;
}

async function syncContacts(run: Run, contacts: IDataObject[]): Promise<{ done: number; outcomes: ContactOutcome[] }> {
	const read = await whole(await readBatch(run, contacts));
	return { done: read.done, outcomes: await writeBatch(run, read) };
}

/** Contacts whose Rankr write failed last time, read again by ID (a contact GHL deleted meanwhile is the deletion scan's). */
async function retryFailed(run: Run): Promise<boolean> {
	const { reader, cursor } = run;
	const contacts: IDataObject[] = [];
	const left: string[] = [];
	for (const id of cursor.retry) {
		if (!reader.budget.fits(3)) left.push(id);
		else {
			const contact = await contactOrGone(reader, id);
			if (contact) contacts.push(contact);
		}
	}
	const { done, outcomes } = await syncContacts(run, contacts);
	const failedAgain = outcomes.filter((o) => o.status === 'failed').map((o) => o.ghlContactId);
	cursor.retry = [...failedAgain, ...contacts.slice(done).map((c) => String(c.id)), ...left];
	return left.length === 0 && done === contacts.length;
}

export async function syncLocation(ctx: IExecuteFunctions, itemIndex: number, options: SyncLocationOptions): Promise<LocationSummary> {
	const locationId = await ghlLocation(ctx);
	const staticData = ctx.getWorkflowStaticData('node');
	const budget = new RequestBudget(options.maxRequests);
	const reader: GhlReader = { ctx, itemIndex, budget, locationId };
	const summary = newSummary();
	const startedAt = Date.now();
	let cursor = loadCursor(staticData, locationId);
	const finish = () => {
		saveCursor(staticData, locationId, cursor as LocationCursor);
		summary.requests = { ghl: budget.ghl, rankr: budget.rankr, maxGhl: budget.max ?? null };
		summary.cursor = {
			since: cursor?.since ?? null,
			until: cursor?.pending?.until ?? null,
			resumeAfter: cursor?.pending?.after ?? null,
			retry: cursor?.retry.length ?? 0,
		};
		return summary;
	};
	if (!cursor && options.firstRun === 'fromNow') {
		// Nothing is copied on the first run: from now on, changes are.
		cursor = { ...emptyCursor(new Date(startedAt).toISOString()), notBefore: new Date(startedAt).toISOString() };
		return finish();
	}
	cursor = cursor ?? emptyCursor(null);
	const run: Run = { reader, call: countingCall(rankrCaller(ctx, itemIndex), budget), summary, cursor, queue: new ReadQueue() };

	const overlapMs = options.overlapMinutes * 60_000;
	const until = cursor.pending?.until ?? new Date(startedAt).toISOString();
	const lookBack = cursor.since ? Math.max(Date.parse(cursor.since) - overlapMs, cursor.notBefore ? Date.parse(cursor.notBefore) : 0) : undefined;
	const from = lookBack === undefined ? null : new Date(lookBack).toISOString();
	let after = cursor.pending?.after ?? null;
	cursor.pending = { until, after };

	let finished = cursor.retry.length ? await retryFailed(run) : true;
	// Three pages at a time: one being written to Rankr, the next with its notes being read, and the one
	// after that being searched (and its tasks read) meanwhile, so GHL's window never waits on a search.
	// A page is written only once its reads are whole, and the cursor moves past it once its writes are done.
	let writing: Promise<void> | undefined;
	let writeError: unknown;
	const settle = async () => {
		await writing;
		if (writeError) throw nodeError(ctx.getNode(), writeError);
	};
	const commit = (page: IDataObject[], todo: IDataObject[], done: number, outcomes: ContactOutcome[], position: unknown[] | null) => {
		const failed = new Set(outcomes.filter((o) => o.status === 'failed').map((o) => o.ghlContactId));
		for (const c of todo.slice(0, done)) {
			const id = String(c.id);
			if (failed.has(id)) run.cursor.retry.push(id);
			else if (typeof c.dateUpdated === 'string' && Date.parse(c.dateUpdated) >= Date.parse(until) - overlapMs) run.cursor.recent[id] = c.dateUpdated;
		}
		run.cursor.pending = { until, after: position };
		ctx.logger.info(`GHL Rankr Sync → Sync Location: ${summary.read} contacts synced (${summary.created} created, ${summary.updated} updated), ${budget.ghl} GHL requests`, {
			locationId,
			read: summary.read,
			pageSize: page.length,
		});
	};
	interface PageRead {
		page: IDataObject[];
		todo: IDataObject[];
		read: ReadBatch;
		position: unknown[] | null;
	}
	let reading: PageRead | undefined;
	/** The page read before: once its notes are in and the page before it is written, its write starts. */
	const handOff = async (p: PageRead) => {
		const read = await whole(p.read);
		await settle();
		writing = writeBatch(run, read).then(
			(outcomes) => commit(p.page, p.todo, read.done, outcomes, p.position),
			(error: unknown) => {
				writeError = error;
			},
		);
	};
	try {
		while (finished) {
			if (!budget.fits(3)) {
				finished = false;
				break;
			}
			const page = await searchChanged(reader, { from, until }, after);
			const todo = page.contacts.filter((c) => cursor?.recent[String(c.id)] !== c.dateUpdated);
			const read = await readBatch(run, todo);
			// Where the search goes on: after the last contact done (and the already-synced ones before the next).
			const stopAt = read.done < todo.length ? page.contacts.indexOf(todo[read.done]) : page.contacts.length;
			if (stopAt > 0) after = page.contacts[stopAt - 1].searchAfter ?? null;
			const previous = reading;
			reading = { page: page.contacts, todo, read, position: after };
			if (previous) await handOff(previous);
			if (stopAt < page.contacts.length) {
				finished = false;
				break;
			}
			if (page.contacts.length < CHANGED_PAGE) break;
			if (!after) throw new NodeOperationError(ctx.getNode(), 'GHL’s search answered a full page without a searchAfter position; the sync cannot page on', { itemIndex });
		}
		const last = reading;
		reading = undefined;
		if (last) await handOff(last);
	} finally {
		// Nothing of this run goes on after it: reads still in flight (after a failure) and the last write.
		await reading?.read.notes.catch(() => undefined);
		await writing;
	}
	await settle();
	if (finished) {
		cursor.since = until;
		cursor.pending = null;
		cursor.recent = trimRecent(cursor.recent, Date.parse(until) - overlapMs);
		await scanDeletions(run, options, startedAt);
	}
	summary.complete = finished && !summary.deletionScanPostponed;
	summary.stoppedByBudget = !finished || Boolean(summary.deletionScanPostponed);
	return finish();
}
