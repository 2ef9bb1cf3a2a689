import type { IDataObject } from 'n8n-workflow';

import { allOrFirstError } from './errors';
import type { GhlCall } from './ghlTarget';
import { createGhlChild, setGhlTaskCompleted, updateGhlChild } from './ghlTarget';
import { agreedSnapshot, decideFields, ghlNoteAsRankr, ghlTaskAsRankr, ghlTaskBody, newer, wantedTask } from './inverse';
import type { FieldDecision } from './inverse';
import { ghlChildLink, ghlLink, withGhlLinks } from './links';
import { differingFields } from './mapping';
import type { RankrCall } from './rankrTarget';
import { updateChild } from './rankrTarget';
import { childRef } from './refs';
import type { ChildKind } from './refs';

/** Making one GHL contact's tasks (or notes) match the Rankr contact's, writing only differences. */

export interface GhlChildCounts {
	created: number;
	updated: number;
	completed: number;
	reopened: number;
	unchanged: number;
}

export interface ChildTarget {
	ghl: GhlCall;
	rankr: RankrCall;
	rankrContactId: string;
	ghlContactId: string;
	completeStatuses: string[];
}

const wantedOf = (kind: ChildKind, rankr: IDataObject, completeStatuses: string[]): IDataObject =>
	kind === 'task' ? wantedTask(rankr, completeStatuses) : { body: rankr.body };
const ghlAsRankr = (kind: ChildKind, ghl: IDataObject) => (kind === 'task' ? ghlTaskAsRankr(ghl) : ghlNoteAsRankr(ghl));

/**
 * Rankr records linked to a GHL record of this contact are compared and updated; records with no GHL
 * record here (made in Rankr or Clio, or moved here by a merge) are created in GHL and linked back.
 * A linked record GHL deleted is not made again: GHL's deletion is Sync Contact's to carry.
 */
export async function pushChildren(
	t: ChildTarget,
	kind: ChildKind,
	rankrRecords: IDataObject[],
	ghlRecords: IDataObject[],
	foreignGhlIds: Set<string>,
): Promise<{ counts: GhlChildCounts; conflicts: Array<{ record: string; field: string; winner: string }> }> {
	const byId = new Map(ghlRecords.map((r) => [String(r.id), r]));
	const counts: GhlChildCounts = { created: 0, updated: 0, completed: 0, reopened: 0, unchanged: 0 };
	const conflicts: Array<{ record: string; field: string; winner: string }> = [];
	const jobs = rankrRecords.map(async (record) => {
		const link = ghlChildLink(t.ghl.locationId, kind, record);
		const ghl = link ? byId.get(link.id) : undefined;
		if (link && !ghl && !foreignGhlIds.has(link.id)) return;
		const wanted = wantedOf(kind, record, t.completeStatuses);
		if (!ghl) {
			await createAndLink(t, kind, record, wanted);
			counts.created++;
			return;
		}
		const current = ghlAsRankr(kind, ghl);
		const differing = differingFields(wanted, current);
		const decision: FieldDecision = decideFields(differing, wanted, current, link?.snapshot, newer(record.updatedAt, ghl.dateUpdated), 'rankr');
		for (const c of decision.conflicts) conflicts.push({ record: String(record.id), ...c });
		if (!decision.write.length) {
			counts.unchanged++;
			return;
		}
		const fields = decision.write.filter((f) => f !== 'completed');
		if (fields.length) await updateGhlChild(t.ghl, kind, t.ghlContactId, String(ghl.id), kind === 'task' ? ghlTaskBody(wanted, fields, ghl.dueDate) : { body: wanted.body });
		if (decision.write.includes('completed')) {
			await setGhlTaskCompleted(t.ghl, t.ghlContactId, String(ghl.id), wanted.completed === true);
			counts[wanted.completed ? 'completed' : 'reopened']++;
		}
		if (fields.length) counts.updated++;
		const agreed = { ...current, ...Object.fromEntries(decision.write.map((f) => [f, wanted[f]])) };
		await relink(t, kind, record, String(ghl.id), agreed);
	});
	await allOrFirstError(jobs);
	return { counts, conflicts };
}

async function createAndLink(t: ChildTarget, kind: ChildKind, record: IDataObject, wanted: IDataObject): Promise<void> {
	const body = kind === 'task' ? ghlTaskBody(wanted, ['title', 'description', 'dueAt'], record.createdAt) : { body: wanted.body };
	const made = await createGhlChild(t.ghl, kind, t.ghlContactId, body);
	if (kind === 'task' && wanted.completed === true) await setGhlTaskCompleted(t.ghl, t.ghlContactId, String(made.id), true);
	await relink(t, kind, record, String(made.id), { ...ghlAsRankr(kind, { ...made, ...body }), ...(kind === 'task' ? { completed: wanted.completed } : {}) });
}

/** Points the Rankr record at its GHL record (externalRef when free or ours, and the link with the agreed values). */
async function relink(t: ChildTarget, kind: ChildKind, record: IDataObject, ghlId: string, agreed: IDataObject): Promise<void> {
	const ref = childRef(t.ghl.locationId, kind, ghlId);
	const ours = record.externalRef === null || record.externalRef === undefined || String(record.externalRef).startsWith(`ghl:${t.ghl.locationId}:`);
	const snapshot = agreedSnapshot(Object.keys(agreed), agreed);
	await updateChild(t.rankr, kind, t.rankrContactId, String(record.id), {
		...(ours && record.externalRef !== ref ? { externalRef: ref } : {}),
		links: withGhlLinks(t.ghl.locationId, record, [ghlLink(t.ghl.locationId, ghlId, snapshot)]),
	});
}
