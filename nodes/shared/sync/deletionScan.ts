import type { IDataObject } from 'n8n-workflow';

import type { LocationCursor } from './locationCursor';
import type { GhlReader } from './locationRead';
import { allContactIds, contactOrGone } from './locationRead';
import type { RankrCall } from './rankrTarget';
import { archiveContact, deleteContact, listAll } from './rankrTarget';
import { contactIdOfRef, contactRefPrefix } from './refs';

/**
 * GHL's search shows no deleted contacts, so a sync by dateUpdated never sees a deletion. Every so often
 * (daily by default) a run holds the IDs of every GHL contact (search pages of 500) against the Rankr
 * contacts from this location (pages of 100); a Rankr contact whose GHL contact is missing there counts as
 * gone only when GHL's own read answers "not found" twice, as in Sync Contact. Then: archive (default),
 * keep, or hard delete.
 */

const DAY_MS = 86_400_000;

interface ScanRun {
	reader: GhlReader;
	call: RankrCall;
	summary: IDataObject & { archived: number; deleted: number };
	cursor: LocationCursor;
}

export async function scanDeletions(
	run: ScanRun,
	options: { deletions: 'keep' | 'archive' | 'delete'; deletionScan: 'daily' | 'everyRun' | 'never' },
	now: number,
): Promise<void> {
	const { reader, call, summary, cursor } = run;
	if (options.deletions === 'keep' || options.deletionScan === 'never') return;
	const last = cursor.lastDeletionScan ? Date.parse(cursor.lastDeletionScan) : undefined;
	if (options.deletionScan === 'daily' && last !== undefined && now - last < DAY_MS) return;

	const ghlIds = await allContactIds(reader);
	if (!ghlIds) {
		summary.deletionScanPostponed = true;
		return;
	}
	// Archive looks at contacts not archived yet; hard delete at all of them (an archived copy too).
	const rankr = await listAll(call, '/v1/contacts', {
		externalRefPrefix: contactRefPrefix(reader.locationId),
		...(options.deletions === 'archive' ? { archived: false } : {}),
	});
	for (const contact of rankr) {
		const ghlId = contactIdOfRef(reader.locationId, contact.externalRef as string | null);
		if (ghlId === undefined || ghlIds.has(ghlId)) continue;
		if (!reader.budget.fits(2)) {
			summary.deletionScanPostponed = true;
			return;
		}
		if (await contactOrGone(reader, ghlId)) continue;
		if (options.deletions === 'archive') {
			await archiveContact(call, String(contact.id));
			summary.archived++;
		} else {
			await deleteContact(call, String(contact.id));
			summary.deleted++;
		}
	}
	cursor.lastDeletionScan = new Date(now).toISOString();
}
