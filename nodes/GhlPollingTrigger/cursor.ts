import type { IDataObject } from 'n8n-workflow';

/**
 * A poll cursor that neither repeats nor skips. `since` is the newest change time emitted; each poll
 * asks for changes from a little before it (GHL's search index can show a change a moment late), and
 * `recent` remembers which record versions (id + change time) in that overlap were already emitted —
 * which also covers several records sharing one timestamp. `floor` is the first activation's "now"
 * (the newest record's time, by GHL's clock): nothing before it is emitted.
 */
export interface PollCursor {
	since: string;
	floor: string;
	/** id → change time (ms) of records emitted at or after `since` minus the overlap. */
	recent: Record<string, number>;
	/**
	 * A walk a poll's budget stopped: its lower bound and the sort keys of the last record read. The next
	 * poll goes on after them (same bound) instead of starting over, so a backlog larger than one poll's
	 * budget is read across polls, each record once.
	 */
	walk?: { from: string; after: unknown[] };
}

/** How far back each poll looks again for changes the search index showed late. */
export const OVERLAP_MS = 60_000;
/** Bounds the static data on very busy locations (only the oldest of the overlap is forgotten). */
export const MAX_RECENT = 5000;

export type TimeOf = (record: IDataObject) => number;

export function recordId(record: IDataObject): string {
	return String(record.id ?? record._id ?? '');
}

export function isCursor(value: unknown): value is PollCursor {
	const c = value as PollCursor | undefined;
	return !!c && typeof c.since === 'string' && typeof c.floor === 'string' && !!c.recent && typeof c.recent === 'object';
}

/** The sort keys a stopped walk goes on after (undefined: start a new walk). */
export function walkAfter(cursor: PollCursor): unknown[] | undefined {
	return cursor.walk && typeof cursor.walk.from === 'string' && Array.isArray(cursor.walk.after) ? cursor.walk.after : undefined;
}

/** The lower bound (inclusive) of the next query: a stopped walk's own, else a little before `since`. */
export function queryFrom(cursor: PollCursor): string {
	if (walkAfter(cursor) && cursor.walk) return cursor.walk.from;
	const from = Math.max(Date.parse(cursor.floor), Date.parse(cursor.since) - OVERLAP_MS);
	return new Date(from).toISOString();
}

/**
 * The first activation: start after the newest existing record, remembering the records that share its
 * timestamp, so the next poll emits only what changes from now on.
 */
export function startCursor(existing: IDataObject[], timeOf: TimeOf): PollCursor {
	let newest = 0;
	for (const r of existing) newest = Math.max(newest, timeOf(r) || 0);
	const recent: Record<string, number> = {};
	for (const r of existing) if (timeOf(r) === newest) recent[recordId(r)] = newest;
	const at = new Date(newest).toISOString();
	return { since: at, floor: at, recent };
}

/** Splits what a poll found into the changes not yet emitted, and the cursor after them. */
export function advance(cursor: PollCursor, records: IDataObject[], timeOf: TimeOf): { fresh: IDataObject[]; next: PollCursor } {
	const from = Date.parse(queryFrom(cursor));
	const floor = Date.parse(cursor.floor);
	// One record can appear twice in a walk when it changes meanwhile: keep its newest version.
	const latest = new Map<string, { record: IDataObject; at: number }>();
	for (const record of records) {
		const id = recordId(record);
		const at = timeOf(record);
		if (!id || Number.isNaN(at) || at < from || at < floor) continue;
		if (cursor.recent[id] === at) continue;
		const known = latest.get(id);
		if (!known || at >= known.at) latest.set(id, { record, at });
	}
	const fresh = [...latest.values()].sort((a, b) => a.at - b.at || recordId(a.record).localeCompare(recordId(b.record)));
	let newest = Date.parse(cursor.since);
	for (const f of fresh) newest = Math.max(newest, f.at);

	const recent: Record<string, number> = { ...cursor.recent };
	for (const f of fresh) recent[recordId(f.record)] = f.at;
	const keepFrom = newest - OVERLAP_MS;
	let entries = Object.entries(recent).filter(([, at]) => at >= keepFrom);
	if (entries.length > MAX_RECENT) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_RECENT);

	return {
		fresh: fresh.map((f) => f.record),
		next: { since: new Date(newest).toISOString(), floor: cursor.floor, recent: Object.fromEntries(entries) },
	};
}
