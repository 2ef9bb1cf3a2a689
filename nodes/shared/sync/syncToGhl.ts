import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation } from '../ghlApi';
import { apiPath } from '../transport/path';
import { isNotFound, nodeError } from '../apiErrors';
import { allOrFirstError } from './errors';
import type { GhlChildCounts } from './ghlChildren';
import { pushChildren } from './ghlChildren';
import type { GhlCall } from './ghlTarget';
import {
	addGhlTags,
	createGhlContact,
	deleteGhlContact,
	findGhlDuplicate,
	getGhlContact,
	listGhlChildren,
	removeGhlTags,
	softDeleteGhlContact,
	updateGhlContact,
} from './ghlTarget';
import { agreedSnapshot, contactDifferences, CREATE_ONLY_GHL_FIELDS, decideFields, ghlContactBody, newer } from './inverse';
import { ghlContactLinks, ghlLink, withGhlLinks } from './links';
import { CONTACT_FIELDS, tagSet } from './mapping';
import type { RankrCall } from './rankrTarget';
import { listChildren, rankrCaller } from './rankrTarget';
import { contactRef } from './refs';

/**
 * Rankr → GHL for one contact: find its GHL contact (link, else GHL's duplicate lookup by email then phone,
 * else create), write the link back, then make the GHL contact's fields, Rankr's own tags, tasks and notes
 * match, writing only differences. A deleted Rankr contact is soft-deleted in GHL (tag + DND) unless hard
 * delete is chosen; a merged one (several GHL links) gets the others' records and they are soft-deleted.
 */

export type GhlDeletions = 'softDelete' | 'delete' | 'keep';

export interface SyncToGhlOptions {
	rankrContactId: string;
	completeStatuses: string[];
	deletions: GhlDeletions;
	softDeleteTag: string;
	/** Whose GHL contact to delete when Rankr no longer has the contact (from the contact.deleted event). */
	ghlContactIdIfGone?: string;
}

async function readRankrContact(call: RankrCall, id: string): Promise<IDataObject | undefined> {
	try {
		return await call({ method: 'GET', path: apiPath`/v1/contacts/${id}` });
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw nodeError(call.node, error);
	}
}

async function goneFromRankr(g: GhlCall, options: SyncToGhlOptions): Promise<IDataObject> {
	const base = { rankrContactId: options.rankrContactId, ghlContactId: options.ghlContactIdIfGone ?? null };
	const ghl = options.ghlContactIdIfGone ? await getGhlContact(g, options.ghlContactIdIfGone) : undefined;
	if (!ghl || options.deletions === 'keep') return { ...base, changes: { contact: 'unchanged' }, changed: false };
	if (options.deletions === 'delete') {
		await deleteGhlContact(g, String(ghl.id));
		return { ...base, changes: { contact: 'deleted' }, changed: true };
	}
	const changed = await softDeleteGhlContact(g, ghl, options.softDeleteTag);
	return { ...base, changes: { contact: changed ? 'softDeleted' : 'unchanged' }, changed };
}

export async function syncToGhl(ctx: IExecuteFunctions, itemIndex: number, options: SyncToGhlOptions): Promise<IDataObject> {
	const locationId = await ghlLocation(ctx);
	const g: GhlCall = { ctx, itemIndex, locationId };
	const call = rankrCaller(ctx, itemIndex);
	const rankr = await readRankrContact(call, options.rankrContactId);
	if (!rankr) return await goneFromRankr(g, options);

	// The first live GHL contact linked is the survivor; the others were merged into this Rankr contact.
	const links = ghlContactLinks(locationId, rankr);
	const linked = await allOrFirstError(links.map(async (l) => ({ link: l, ghl: await getGhlContact(g, l.id) })));
	const live = linked.filter((x) => x.ghl);
	let primary = live[0];
	let contact: string = 'unchanged';
	const conflicts: IDataObject[] = [];
	if (!primary) {
		// Linked, but GHL no longer has the contact: a user deleted it in GHL, and Sync Contact carries that to
		// Rankr (it archives). Finding or creating another GHL contact would undo the user's delete.
		if (links.length > 0 || typeof rankr.archivedAt === 'string') {
			return { rankrContactId: String(rankr.id), ghlContactId: links[0]?.id ?? null, changes: { contact: 'unchanged' }, changed: false, skipped: 'the linked GHL contact was deleted in GHL' };
		}
		const found = await findGhlDuplicate(g, rankr.email, rankr.phone);
		const ghl = found ?? (await createGhlContact(g, ghlContactBody(rankr, CONTACT_FIELDS.map((f) => f.rankr))));
		primary = { link: { system: 'ghl', id: String(ghl.id), account: locationId }, ghl };
		contact = found ? 'linked' : 'created';
	}
	const ghlId = String(primary.link.id);
	let ghl = primary.ghl as IDataObject;
	// Soft-deleted because Rankr deleted its contact: a Rankr copy made again meanwhile (Sync Contact ran for a
	// GHL event still queued) must not undo the soft delete (take DND off, write fields over it).
	if (tagSet(ghl.tags).includes(options.softDeleteTag.toLowerCase()) && contact === 'unchanged') {
		return { rankrContactId: String(rankr.id), ghlContactId: ghlId, changes: { contact: 'unchanged' }, changed: false, skipped: 'the GHL contact is soft-deleted' };
	}
	const snapshot = primary.link.snapshot ?? undefined;

	// Fields: only differences, and of those only what Rankr changed since the last sync (or, both, the newer).
	const { differing, ghlAsRankr } = contactDifferences(rankr, ghl);
	const decided = decideFields(differing, rankr, ghlAsRankr, snapshot, newer(rankr.updatedAt, ghl.dateUpdated), 'rankr');
	const fields = contact === 'created' ? decided : { ...decided, write: decided.write.filter((f) => !CREATE_ONLY_GHL_FIELDS.includes(f)) };
	conflicts.push(...fields.conflicts);
	if (fields.write.length && contact !== 'created') {
		ghl = await updateGhlContact(g, ghlId, ghlContactBody(rankr, fields.write));
		if (contact === 'unchanged') contact = 'updated';
	}

	// Tags: Rankr's own (not those GHL supplied, unless this sync pushed them) go to GHL; those it pushed and Rankr dropped leave.
	const pushedBefore = tagSet(snapshot?.rankrTags);
	const fromGhl = tagSet(rankr.externalTags).filter((t) => !pushedBefore.includes(t));
	const merged = live.slice(1);
	const mergedTags = merged.flatMap((m) => tagSet(m.ghl?.tags));
	const own = tagSet(rankr.tags).filter((t) => !fromGhl.includes(t));
	const ghlTags = tagSet(ghl.tags);
	const add = tagSet([...own, ...mergedTags]).filter((t) => !ghlTags.includes(t) && t !== options.softDeleteTag.toLowerCase());
	const remove = pushedBefore.filter((t) => !own.includes(t) && ghlTags.includes(t) && !tagSet(rankr.tags).includes(t));
	await addGhlTags(g, ghlId, add);
	await removeGhlTags(g, ghlId, remove);
	const tagsAfter = tagSet([...ghlTags.filter((t) => !remove.includes(t)), ...add]);

	// Tasks and notes, with the merged contacts' GHL records counted as "not here yet".
	const [rankrTasks, rankrNotes, ghlTasks, ghlNotes, ...mergedChildren] = await allOrFirstError<IDataObject[][]>([
		listChildren(call, 'task', String(rankr.id)),
		listChildren(call, 'note', String(rankr.id)),
		listGhlChildren(g, 'task', ghlId),
		listGhlChildren(g, 'note', ghlId),
		...merged.flatMap((m) => [listGhlChildren(g, 'task', m.link.id), listGhlChildren(g, 'note', m.link.id)]),
	]);
	const foreign = new Set(mergedChildren.flat().map((r) => String(r.id)));
	const target = { ghl: g, rankr: call, rankrContactId: String(rankr.id), ghlContactId: ghlId, completeStatuses: options.completeStatuses };
	const [tasks, notes] = await allOrFirstError([
		pushChildren(target, 'task', rankrTasks, ghlTasks, foreign),
		pushChildren(target, 'note', rankrNotes, ghlNotes, foreign),
	]);
	for (const m of merged) await softDeleteGhlContact(g, m.ghl as IDataObject, options.softDeleteTag);

	// The link back, written only when something changed or it is new: what both sides now agree on.
	const agreed = agreedSnapshot(
		CONTACT_FIELDS.map((f) => f.rankr).filter((f) => f in ghlAsRankr || fields.write.includes(f)),
		{ ...ghlAsRankr, ...Object.fromEntries(fields.write.map((f) => [f, rankr[f]])) },
		{ rankrTags: own.filter((t) => tagsAfter.includes(t)) },
	);
	const linkChanged = contact !== 'unchanged' || fields.write.length > 0 || add.length + remove.length > 0 || merged.length > 0 || !primary.link.snapshot;
	if (linkChanged) {
		const externalRef = rankr.externalRef === null || rankr.externalRef === undefined ? { externalRef: contactRef(locationId, ghlId) } : {};
		await call({
			method: 'PATCH',
			path: apiPath`/v1/contacts/${String(rankr.id)}`,
			body: { ...externalRef, externalTags: tagsAfter, links: withGhlLinks(locationId, rankr, [ghlLink(locationId, ghlId, agreed, ghl.dateUpdated)]) },
		});
	}
	const changes = { contact, fields: contact === 'created' ? [] : fields.write, tags: { added: add, removed: remove }, tasks: tasks.counts, notes: notes.counts, merged: merged.map((m) => m.link.id) };
	const childChanged = (c: GhlChildCounts) => c.created + c.updated + c.completed + c.reopened > 0;
	const changed = contact !== 'unchanged' || fields.write.length > 0 || add.length + remove.length > 0 || childChanged(tasks.counts) || childChanged(notes.counts) || merged.length > 0;
	const allConflicts = [...conflicts, ...tasks.conflicts.map((c) => ({ ...c, kind: 'task' })), ...notes.conflicts.map((c) => ({ ...c, kind: 'note' }))];
	return { rankrContactId: String(rankr.id), ghlContactId: ghlId, changes, changed, ...(allConflicts.length ? { conflicts: allConflicts } : {}) };
}
