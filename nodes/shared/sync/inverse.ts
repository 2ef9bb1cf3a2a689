import type { IDataObject } from 'n8n-workflow';

import { CONTACT_FIELDS, contactFields, differingFields, noteFields, taskFields } from './mapping';

/**
 * Rankr → GHL: the inverse of mapping.ts, and the rule both directions use to tell who changed a field.
 * Values are compared in Rankr's form (GHL's record read through mapping.ts), so what one direction writes
 * is exactly what the other finds equal: a Sync to GHL followed by a Sync Contact writes nothing.
 *
 * Each link keeps a snapshot: the values both sides held after the last sync (in Rankr's form). A field
 * that differs now changed on the side whose value is not the snapshot's; when both changed it is a
 * conflict and the newer record wins (Rankr updatedAt against GHL dateUpdated).
 */

export type Snapshot = IDataObject;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Contact fields GHL takes only when a contact is created: its update (UpdateContactDto) has no companyName
 * and refuses the whole request when it is sent (422), so a later change of it cannot reach GHL.
 */
export const CREATE_ONLY_GHL_FIELDS: readonly string[] = ['companyName'];

/** GHL contact field ← Rankr contact field; Rankr blanks are never sent (a sync never blanks GHL). */
export function ghlContactBody(rankr: IDataObject, fields: string[]): IDataObject {
	const body: IDataObject = {};
	for (const { rankr: from, ghl } of CONTACT_FIELDS) if (fields.includes(from) && !blank(rankr[from])) body[ghl] = rankr[from];
	return body;
}

/** A Rankr task's wanted GHL values in Rankr's form; complete when its status is one of `completeStatuses`. */
export function wantedTask(rankr: IDataObject, completeStatuses: string[]): IDataObject {
	// A Rankr blank (no description, no due date) is no wish: GHL keeps its value.
	return {
		title: rankr.title,
		...(blank(rankr.description) ? {} : { description: rankr.description }),
		...(blank(rankr.dueAt) ? {} : { dueAt: rankr.dueAt }),
		completed: completeStatuses.includes(String(rankr.status ?? (rankr.completed ? 'complete' : 'pending'))),
	};
}

/** GHL's task body for Rankr-form fields. GHL requires a due date: a Rankr task without one is due when it was made. */
export function ghlTaskBody(wanted: IDataObject, fields: string[], fallbackDue: unknown): IDataObject {
	const body: IDataObject = {};
	if (fields.includes('title')) body.title = wanted.title;
	if (fields.includes('description') && !blank(wanted.description)) body.body = wanted.description;
	if (fields.includes('dueAt')) body.dueDate = (wanted.dueAt ?? fallbackDue) as string;
	return body;
}

/** A GHL task as Rankr fields, without the assignee (GHL user IDs mean nothing in Rankr). */
export const ghlTaskAsRankr = (ghl: IDataObject) => {
	const fields: IDataObject = { ...taskFields(ghl) };
	delete fields.assignee;
	return fields;
};
export const ghlNoteAsRankr = (ghl: IDataObject) => noteFields(ghl);

export interface FieldDecision {
	/** Fields to write to the target. */
	write: string[];
	/** Fields both sides changed since the snapshot, and which side won. */
	conflicts: Array<{ field: string; winner: 'rankr' | 'ghl' }>;
}

/**
 * Which differing fields the sync from `source` to `target` writes. Without a snapshot (never synced this
 * way) the source wins, as the one-way sync always did. `sourceIsNewer` breaks a tie when both changed.
 */
export function decideFields(
	differing: string[],
	source: IDataObject,
	target: IDataObject,
	snapshot: Snapshot | null | undefined,
	sourceIsNewer: boolean,
	sourceName: 'rankr' | 'ghl',
): FieldDecision {
	const decision: FieldDecision = { write: [], conflicts: [] };
	const other = sourceName === 'rankr' ? 'ghl' : 'rankr';
	for (const field of differing) {
		if (!snapshot || !(field in snapshot)) {
			decision.write.push(field);
			continue;
		}
		const sourceChanged = differingFields({ [field]: snapshot[field] }, { [field]: source[field] }).length > 0;
		const targetChanged = differingFields({ [field]: snapshot[field] }, { [field]: target[field] }).length > 0;
		if (sourceChanged && !targetChanged) decision.write.push(field);
		else if (sourceChanged && targetChanged) {
			decision.conflicts.push({ field, winner: sourceIsNewer ? sourceName : other });
			if (sourceIsNewer) decision.write.push(field);
		}
		// Only the target changed: its value stands; the sync the other way carries it.
	}
	return decision;
}

/** The Rankr fields a GHL contact maps to, for comparing with a Rankr contact (blanks on Rankr's side skipped). */
export function contactDifferences(rankr: IDataObject, ghl: IDataObject): { differing: string[]; ghlAsRankr: IDataObject } {
	const ghlAsRankr = contactFields(ghl);
	const wanted: IDataObject = {};
	for (const { rankr: field } of CONTACT_FIELDS) if (!blank(rankr[field])) wanted[field] = rankr[field];
	return { differing: differingFields(wanted, ghlAsRankr), ghlAsRankr };
}

/** The snapshot after a sync: the values the two sides now agree on, in Rankr's form. */
export function agreedSnapshot(fields: string[], values: IDataObject, extra: IDataObject = {}): Snapshot {
	const out: Snapshot = {};
	for (const f of fields) out[f] = (values[f] ?? null) as IDataObject[string];
	return { ...out, ...extra };
}

export const newer = (a: unknown, b: unknown) => (Date.parse(String(a ?? '')) || 0) > (Date.parse(String(b ?? '')) || 0);
