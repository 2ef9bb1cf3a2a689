import type { IDataObject } from 'n8n-workflow';

/**
 * A poll cursor that neither repeats nor skips: the newest timestamp seen, plus the ids already emitted
 * at exactly that timestamp (several records can share one, and the next poll asks ">= cursor").
 */
export interface PollCursor {
	since: string;
	idsAtSince: string[];
}

export function advance(cursor: PollCursor, records: IDataObject[], timeField: string): { fresh: IDataObject[]; next: PollCursor } {
	const seen = new Set(cursor.idsAtSince);
	const since = Date.parse(cursor.since);
	const fresh = records.filter((r) => {
		const at = Date.parse(String(r[timeField]));
		if (Number.isNaN(at) || at < since) return false;
		return !(at === since && seen.has(String(r.id)));
	});
	let newest = since;
	for (const r of fresh) newest = Math.max(newest, Date.parse(String(r[timeField])));
	const atNewest = fresh.filter((r) => Date.parse(String(r[timeField])) === newest).map((r) => String(r.id));
	const next: PollCursor = {
		since: new Date(newest).toISOString(),
		idsAtSince: newest === since ? [...cursor.idsAtSince, ...atNewest] : atNewest,
	};
	return { fresh, next };
}
