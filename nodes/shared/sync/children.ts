import type { IDataObject } from 'n8n-workflow';

import { nodeError } from '../apiErrors';
import { allOrFirstError, isConflict } from './errors';
import { decideFields, newer } from './inverse';
import { ghlChildLink, linksOf } from './links';
import { differingFields, noteFields, taskFields } from './mapping';
import { childRef } from './refs';
import type { ChildKind } from './refs';
import type { RankrCall } from './rankrTarget';
import { completeTask, createChild, deleteChild, listChildren, updateChild } from './rankrTarget';

/** Making one contact's Rankr tasks (or notes) match GHL's, touching only records GHL is the source of. */

/**
 * What a sync does with records copied from GHL that GHL no longer has: keep them; archive a contact GHL
 * deleted (kept with all it holds, restored when GHL has it again); or delete them in Rankr.
 */
export type Deletions = 'keep' | 'archive' | 'delete';

export interface ChildCounts {
	created: number;
	updated: number;
	deleted: number;
	unchanged: number;
}

export const childFields = (kind: ChildKind, ghl: IDataObject): IDataObject => (kind === 'task' ? taskFields(ghl) : noteFields(ghl));

/**
 * Rankr records of `kind` linked to a GHL record of this location, by that GHL ID: the one their link names,
 * else their externalRef (a Clio task Sync to GHL put into GHL is linked but may keep Clio's externalRef).
 */
export function bySourceId(locationId: string, kind: ChildKind, rankr: IDataObject[]): Map<string, IDataObject> {
	const out = new Map<string, IDataObject>();
	for (const record of rankr) {
		const id = ghlChildLink(locationId, kind, record)?.id;
		if (id !== undefined) out.set(id, record);
	}
	return out;
}

type Outcome = keyof ChildCounts;

export async function reconcileChildren(
	call: RankrCall,
	kind: ChildKind,
	target: { locationId: string; rankrContactId: string; deletions: Deletions },
	ghl: IDataObject[],
	rankr: IDataObject[],
): Promise<ChildCounts> {
	const existing = bySourceId(target.locationId, kind, rankr);
	const contactId = target.rankrContactId;
	const outcomes: Array<Promise<Outcome>> = [];
	for (const source of ghl) {
		const sourceId = String(source.id);
		const wanted = childFields(kind, source);
		const record = existing.get(sourceId);
		existing.delete(sourceId);
		outcomes.push(
			record ? matchRecord(call, kind, contactId, record, wanted, source.dateUpdated) : createOrAdopt(call, kind, contactId, childRef(target.locationId, kind, sourceId), wanted),
		);
	}
	// What is left came from GHL but GHL no longer has it.
	if (target.deletions === 'delete') {
		for (const record of existing.values()) outcomes.push(deleteChild(call, kind, contactId, String(record.id)).then(() => 'deleted' as const));
	}
	const counts: ChildCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
	for (const outcome of await allOrFirstError<Outcome[]>(outcomes)) counts[outcome]++;
	return counts;
}

/**
 * Writes only the fields of an existing Rankr record that differ from what GHL holds. A record Sync to GHL
 * linked carries a snapshot of what both sides agreed on: a field GHL has not changed since is Rankr's to
 * keep (no echo), and one both changed goes to the newer side.
 */
async function matchRecord(call: RankrCall, kind: ChildKind, contactId: string, record: IDataObject, wanted: IDataObject, ghlUpdatedAt?: unknown): Promise<Outcome> {
	const link = linksOf(record).find((l) => l.system === 'ghl');
	const differing = decideFields(differingFields(wanted, record), wanted, record, link?.snapshot, newer(ghlUpdatedAt, record.updatedAt), 'ghl').write;
	if (!differing.length) return 'unchanged';
	// The snapshot moves on with what was written (both sides agree on it now); left behind, the next change
	// on either side would look like a conflict and could go to the side that did not make it.
	const links = link?.snapshot
		? { links: linksOf(record).map((l) => (l === link ? { ...l, snapshot: { ...link.snapshot, ...Object.fromEntries(differing.map((f) => [f, wanted[f] ?? null])) } } : l)) }
		: undefined;
	await updateRecord(call, kind, contactId, String(record.id), wanted, differing, links);
	return 'updated';
}

/**
 * Creates the record; if Rankr answers 409 because the externalRef is taken, another run for the same contact
 * (two GHL events at once) created it after this run read the list: that record is made to match instead.
 */
async function createOrAdopt(call: RankrCall, kind: ChildKind, contactId: string, externalRef: string, wanted: IDataObject): Promise<Outcome> {
	try {
		await createChild(call, kind, contactId, { externalRef, ...wanted });
		return 'created';
	} catch (error) {
		if (!isConflict(error)) throw nodeError(call.node, error);
		const [record] = await listChildren(call, kind, contactId, { externalRef });
		if (!record) throw nodeError(call.node, error);
		return await matchRecord(call, kind, contactId, record, wanted);
	}
}

/** Field changes with PATCH; a task's completion with the complete endpoint, so Rankr records completedAt and fires task.completed. */
async function updateRecord(call: RankrCall, kind: ChildKind, contactId: string, id: string, wanted: IDataObject, differing: string[], links?: IDataObject): Promise<void> {
	const fields = differing.filter((f) => !(kind === 'task' && f === 'completed'));
	if (fields.length) await updateChild(call, kind, contactId, id, { ...Object.fromEntries(fields.map((f) => [f, wanted[f]])), ...links });
	if (fields.length !== differing.length) await completeTask(call, contactId, id, wanted.completed === true);
	if (!fields.length && links) await updateChild(call, kind, contactId, id, links);
}
