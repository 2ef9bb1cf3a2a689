import type { IDataObject } from 'n8n-workflow';

import { allOrFirstError } from './errors';
import { differingFields, noteFields, taskFields } from './mapping';
import { childIdOfRef, childRef } from './refs';
import type { ChildKind } from './refs';
import type { RankrCall } from './rankrTarget';
import { completeTask, createChild, deleteChild, updateChild } from './rankrTarget';

/** Making one contact's Rankr tasks (or notes) match GHL's, touching only records GHL is the source of. */

export type Deletions = 'delete' | 'keep';

export interface ChildCounts {
	created: number;
	updated: number;
	deleted: number;
	unchanged: number;
}

export const childFields = (kind: ChildKind, ghl: IDataObject): IDataObject => (kind === 'task' ? taskFields(ghl) : noteFields(ghl));

/** Rankr records of `kind` that came from this location, by the GHL ID their externalRef names. */
export function bySourceId(locationId: string, kind: ChildKind, rankr: IDataObject[]): Map<string, IDataObject> {
	const out = new Map<string, IDataObject>();
	for (const record of rankr) {
		const id = childIdOfRef(locationId, kind, record.externalRef as string | null);
		if (id !== undefined) out.set(id, record);
	}
	return out;
}

export async function reconcileChildren(
	call: RankrCall,
	kind: ChildKind,
	target: { locationId: string; rankrContactId: string; deletions: Deletions },
	ghl: IDataObject[],
	rankr: IDataObject[],
): Promise<ChildCounts> {
	const counts: ChildCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
	const existing = bySourceId(target.locationId, kind, rankr);
	const contactId = target.rankrContactId;
	const writes: Array<Promise<void>> = [];
	for (const source of ghl) {
		const sourceId = String(source.id);
		const wanted = childFields(kind, source);
		const record = existing.get(sourceId);
		existing.delete(sourceId);
		if (!record) {
			counts.created++;
			writes.push(createChild(call, kind, contactId, { externalRef: childRef(target.locationId, kind, sourceId), ...wanted }));
			continue;
		}
		const differing = differingFields(wanted, record);
		if (!differing.length) {
			counts.unchanged++;
			continue;
		}
		counts.updated++;
		writes.push(updateRecord(call, kind, contactId, String(record.id), wanted, differing));
	}
	// What is left came from GHL but GHL no longer has it.
	if (target.deletions === 'delete') {
		for (const record of existing.values()) {
			counts.deleted++;
			writes.push(deleteChild(call, kind, contactId, String(record.id)));
		}
	}
	await allOrFirstError<void[]>(writes);
	return counts;
}

/** Field changes with PATCH; a task's completion with the complete endpoint, so Rankr records completedAt and fires task.completed. */
async function updateRecord(call: RankrCall, kind: ChildKind, contactId: string, id: string, wanted: IDataObject, differing: string[]): Promise<void> {
	const fields = differing.filter((f) => !(kind === 'task' && f === 'completed'));
	if (fields.length) await updateChild(call, kind, contactId, id, Object.fromEntries(fields.map((f) => [f, wanted[f]])));
	if (fields.length !== differing.length) await completeTask(call, contactId, id, wanted.completed === true);
}
