import type { IDataObject } from 'n8n-workflow';

import type { RankrCall } from './rankrTarget';
import { contactFields, noteFields, tagSet, taskFields, unmappableFields } from './mapping';
import { childRef, contactRef } from './refs';

/**
 * Sync Location's Rankr side: the contract's batch upserts (100 records a request, a result per record,
 * idempotent). Rankr compares each record with what it holds and answers `unchanged` when nothing differs,
 * so only differences are written, as Sync Contact writes them; tags go through `syncExternalTags`, which
 * adds and removes only tags that came from GHL. Each record carries its GHL `link` too: a Rankr record that
 * reached GHL from Rankr (Sync to GHL, say from Clio) keeps another system's externalRef, and Rankr finds it
 * through that link instead of creating a second copy (as Sync Contact finds it).
 */

const BATCH = 100;

/** The GHL record a batch record mirrors: what Rankr matches by when no record holds its externalRef. */
const matchLink = (locationId: string, id: unknown) => ({ system: 'ghl', id: String(id), account: locationId });

export interface BatchCounts {
	created: number;
	updated: number;
	unchanged: number;
	failed: number;
}

export const noBatchCounts = (): BatchCounts => ({ created: 0, updated: 0, unchanged: 0, failed: 0 });

interface BatchResult {
	index: number;
	status: 'created' | 'updated' | 'unchanged' | 'failed';
	changedFields: string[];
	skippedTags?: string[];
	contact?: IDataObject | null;
	error: { code: string; message: string } | null;
}

async function batches(call: RankrCall, path: string, key: string, records: IDataObject[]): Promise<BatchResult[]> {
	const results: BatchResult[] = [];
	for (let i = 0; i < records.length; i += BATCH) {
		const answer = await call({ method: 'POST', path, body: { [key]: records.slice(i, i + BATCH) } });
		for (const r of answer.results as BatchResult[]) results.push({ ...r, index: r.index + i });
	}
	return results;
}

export interface ContactOutcome {
	ghlContactId: string;
	rankrContactId?: string;
	status: BatchResult['status'] | 'restored';
	skipped: Array<{ field: string; ghl: string }>;
	error?: string;
}

/** Upserts the contacts (fields, GHL's tags, restoring an archived copy GHL still has). */
export async function writeContacts(call: RankrCall, locationId: string, contacts: IDataObject[]): Promise<ContactOutcome[]> {
	const records = contacts.map((c) => ({
		externalRef: contactRef(locationId, String(c.id)),
		link: matchLink(locationId, c.id),
		...contactFields(c),
		syncExternalTags: tagSet(c.tags),
		archived: false,
	}));
	const results = await batches(call, '/v1/contacts/batch-upsert', 'contacts', records);
	return results.map((r) => {
		const ghl = contacts[r.index];
		const skipped = [...unmappableFields(ghl), ...(r.skippedTags ?? []).map((tag) => ({ field: 'tags', ghl: tag }))];
		// Recording GHL's tags alone is bookkeeping, not a change the user sees (as in Sync Contact).
		const visible = r.changedFields.filter((f) => f !== 'externalTags');
		let status: ContactOutcome['status'] = r.status;
		if (r.status === 'updated' && visible.includes('archivedAt')) status = 'restored';
		else if (r.status === 'updated' && visible.length === 0) status = 'unchanged';
		return {
			ghlContactId: String(ghl.id),
			rankrContactId: r.contact ? String(r.contact.id) : undefined,
			status,
			skipped,
			...(r.error ? { error: `${r.error.code}: ${r.error.message}` } : {}),
		};
	});
}

/** Upserts the tasks (or notes) GHL holds for contacts now in Rankr; those GHL deleted are left as they are. */
export async function writeChildren(
	call: RankrCall,
	kind: 'task' | 'note',
	locationId: string,
	byContact: Array<{ rankrContactId: string; records: IDataObject[] }>,
): Promise<BatchCounts> {
	const records = byContact.flatMap(({ rankrContactId, records: ghl }) =>
		ghl.map((g) => ({
			contactId: rankrContactId,
			externalRef: childRef(locationId, kind, String(g.id)),
			link: matchLink(locationId, g.id),
			...(kind === 'task' ? taskFields(g) : noteFields(g)),
		})),
	);
	const counts = noBatchCounts();
	const path = kind === 'task' ? '/v1/tasks/batch-upsert' : '/v1/notes/batch-upsert';
	for (const r of await batches(call, path, kind === 'task' ? 'tasks' : 'notes', records)) counts[r.status]++;
	return counts;
}
