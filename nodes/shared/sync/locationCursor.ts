import type { IDataObject } from 'n8n-workflow';

/**
 * Where a location sync stands, kept in the workflow's static data (one entry per GHL location, so one
 * workflow may sync several credentials). A run reads the contacts whose dateUpdated falls in a window
 * (`since - overlap` .. `until`); a run that stops early (the request budget) keeps its window and the
 * search position of the last contact it finished, and the next run goes on from there.
 */
export interface LocationCursor extends IDataObject {
	/** The lower end of the next window (the upper end of the last finished one); null: from the beginning. */
	since: string | null;
	/** A window begun and not finished: its upper end and the search position after the last contact done. */
	pending: { until: string; after: unknown[] | null } | null;
	/**
	 * Contacts synced inside the overlap, with the dateUpdated they were synced at: the next run reads them
	 * again (GHL indexes some changes late) but syncs only those whose dateUpdated moved.
	 */
	recent: Record<string, string>;
	/** Contacts whose Rankr write failed: synced again by the next run before its window. */
	retry: string[];
	/** When the last scan for contacts GHL deleted finished. */
	lastDeletionScan: string | null;
	/** "From Now On": when the first run was; no window (overlap included) reaches back before it. */
	notBefore: string | null;
}

const STATE_KEY = 'ghlRankrSyncLocation';
const MAX_RETRY = 1000;

export function emptyCursor(since: string | null): LocationCursor {
	return { since, pending: null, recent: {}, retry: [], lastDeletionScan: null, notBefore: null };
}

/** The cursor of this location, or undefined on the first run. */
export function loadCursor(staticData: IDataObject, locationId: string): LocationCursor | undefined {
	const all = staticData[STATE_KEY] as Record<string, LocationCursor> | undefined;
	const found = all?.[locationId];
	if (!found || typeof found !== 'object') return undefined;
	return { ...emptyCursor(null), ...found, retry: [...(found.retry ?? [])], recent: { ...(found.recent ?? {}) } };
}

/** Writes the cursor back (n8n saves static data when the execution ends). */
export function saveCursor(staticData: IDataObject, locationId: string, cursor: LocationCursor): void {
	const all = ((staticData[STATE_KEY] as IDataObject | undefined) ?? {}) as Record<string, LocationCursor>;
	all[locationId] = { ...cursor, retry: [...new Set(cursor.retry)].slice(0, MAX_RETRY) };
	staticData[STATE_KEY] = all;
}

/** Keeps only the contacts synced at or after `from` (the part of the window the next run reads again). */
export function trimRecent(recent: Record<string, string>, from: number): Record<string, string> {
	return Object.fromEntries(Object.entries(recent).filter(([, at]) => Date.parse(at) >= from));
}
