import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation } from '../ghlApi';
import type { ChildCounts, Deletions } from './children';
import { reconcileChildren } from './children';
import { allOrFirstError } from './errors';
import { readGhlContact } from './ghlSource';
import type { GhlContactBundle } from './ghlSource';
import { decideFields, newer } from './inverse';
import { ghlContactLinks, linksOf } from './links';
import type { Link } from './links';
import { contactFields, differingFields, tagSet, unmappableFields } from './mapping';
import type { RankrCall } from './rankrTarget';
import { addTags, archiveContact, contactsByLink, contactsByRef, deleteContact, listChildren, rankrCaller, removeTag, updateContact, upsertContact } from './rankrTarget';
import { contactRef, SOFT_DELETED_IN_RANKR } from './refs';
import { externalTagsDiffer, planTags } from './tags';

/**
 * Makes Rankr hold what GHL holds for one contact: the contact's fields, the tags that came from GHL, and
 * the tasks and notes that came from GHL. Everything is read and compared first; only differences are
 * written, so a second run sends nothing but GETs and reports no change. Tags, tasks and notes Rankr made
 * itself are never removed.
 */

export type ContactChange = 'created' | 'updated' | 'unchanged' | 'archived' | 'restored' | 'deleted';

export interface SyncResult extends IDataObject {
	ghlContactId: string;
	rankrContactId: string | null;
	changes: {
		contact: ContactChange;
		tasks: ChildCounts;
		notes: ChildCounts;
		tags: { added: string[]; removed: string[] };
	};
	changed: boolean;
}

const noCounts = (): ChildCounts => ({ created: 0, updated: 0, deleted: 0, unchanged: 0 });
const noTags = () => ({ added: [], removed: [] });

function result(ghlContactId: string, rankrContactId: string | null, changes: SyncResult['changes']): SyncResult {
	const childChanged = (c: ChildCounts) => c.created + c.updated + c.deleted > 0;
	const changed =
		changes.contact !== 'unchanged' ||
		childChanged(changes.tasks) ||
		childChanged(changes.notes) ||
		changes.tags.added.length + changes.tags.removed.length > 0;
	return { ghlContactId, rankrContactId, changes, changed };
}

const isArchived = (contact: IDataObject) => typeof contact.archivedAt === 'string';

/**
 * The contact's links with this link's snapshot moved on to the values just written: both sides now agree on
 * them, and a snapshot left behind would make the next change on either side look like a conflict (which the
 * newer side wins, possibly the one that did not change the field).
 */
function withFreshSnapshot(contact: IDataObject, link: Link, written: string[], values: IDataObject): Link[] {
	const snapshot = { ...link.snapshot, ...Object.fromEntries(written.map((f) => [f, values[f] ?? null])) } as IDataObject;
	return linksOf(contact).map((l) => (l.system === link.system && l.id === link.id && l.account === link.account ? { ...l, snapshot } : l));
}

/** GHL no longer has the contact (confirmed by a second read): keep, archive or delete the Rankr copy. */
async function goneFromGhl(call: RankrCall, ghlContactId: string, matches: IDataObject[], deletions: Deletions): Promise<SyncResult> {
	const existing = matches[0];
	const unchanged = () => result(ghlContactId, (existing?.id as string) ?? null, { contact: 'unchanged', tasks: noCounts(), notes: noCounts(), tags: noTags() });
	if (!existing || deletions === 'keep') return unchanged();
	if (deletions === 'archive') {
		const live = matches.filter((m) => !isArchived(m));
		for (const match of live) await archiveContact(call, String(match.id));
		return live.length ? result(ghlContactId, String(existing.id), { contact: 'archived', tasks: noCounts(), notes: noCounts(), tags: noTags() }) : unchanged();
	}
	for (const match of matches) await deleteContact(call, String(match.id));
	return result(ghlContactId, String(existing.id), { contact: 'deleted', tasks: noCounts(), notes: noCounts(), tags: noTags() });
}

/**
 * The Rankr copies of a GHL contact: those its externalRef names, else those linked to it in this location.
 * A contact that reached GHL from Rankr (Sync to GHL, say from Clio) is linked but may carry another
 * system's externalRef (`clio:…`): found through the link, it is updated rather than copied a second time.
 */
async function rankrCopies(call: RankrCall, locationId: string, ghlContactId: string): Promise<IDataObject[]> {
	const byRef = await contactsByRef(call, contactRef(locationId, ghlContactId));
	if (byRef.length) return byRef;
	const linked = await contactsByLink(call, 'ghl', ghlContactId);
	return linked.filter((c) => ghlContactLinks(locationId, c).some((l) => l.id === ghlContactId));
}

/**
 * Writes fields to an existing copy: upserted by externalRef when it is ours, else updated by ID (an upsert
 * by our externalRef would not find it), taking our externalRef only when it has none.
 */
async function writeExisting(call: RankrCall, existing: IDataObject, externalRef: string, body: IDataObject): Promise<void> {
	if (existing.externalRef === externalRef) await upsertContact(call, { externalRef, ...body });
	else await updateContact(call, String(existing.id), { ...(existing.externalRef ? {} : { externalRef }), ...body });
}

export async function syncContact(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: { ghlContactId: string; deletions: Deletions },
): Promise<SyncResult> {
	const { ghlContactId, deletions } = options;
	const locationId = await ghlLocation(ctx);
	const call = rankrCaller(ctx, itemIndex);
	const externalRef = contactRef(locationId, ghlContactId);
	const [source, matches] = await allOrFirstError<[GhlContactBundle | undefined, IDataObject[]]>([
		readGhlContact(ctx, itemIndex, ghlContactId),
		rankrCopies(call, locationId, ghlContactId),
	]);
	if (!source) return await goneFromGhl(call, ghlContactId, matches, deletions);

	const existing = matches[0];
	const wanted = contactFields(source.contact);
	const tags = tagSet(source.contact.tags);
	let contact: ContactChange = 'unchanged';
	let rankrContactId: string;
	let tagChange: SyncResult['changes']['tags'];
	let tagsSkipped: string[] = [];
	let rankrTasks: IDataObject[] = [];
	let rankrNotes: IDataObject[] = [];

	const readChildren = async (id: string) =>
		await allOrFirstError<[IDataObject[], IDataObject[]]>([listChildren(call, 'task', id), listChildren(call, 'note', id)]);

	if (!existing && tags.includes(SOFT_DELETED_IN_RANKR)) {
		// Sync to GHL soft-deleted it because Rankr deleted (or merged away) its contact: making a new Rankr
		// contact from it would bring back what the user deleted.
		return { ...result(ghlContactId, null, { contact: 'unchanged', tasks: noCounts(), notes: noCounts(), tags: noTags() }), skipped: [{ field: 'contact', ghl: SOFT_DELETED_IN_RANKR }] };
	}
	if (!existing) {
		// A new contact: fields and tags (recorded as GHL's) in one upsert; it has no tasks or notes yet, so
		// none are read (unless another run created it meanwhile, which the upsert's answer tells).
		const answer = await upsertContact(call, { externalRef, ...wanted, tags, externalTags: tags });
		rankrContactId = String(answer.contact.id);
		contact = answer.action as ContactChange;
		tagChange = { added: answer.action === 'created' ? tags : [], removed: [] };
		if (answer.action !== 'created') [rankrTasks, rankrNotes] = await readChildren(rankrContactId);
	} else {
		rankrContactId = String(existing.id);
		[rankrTasks, rankrNotes] = await readChildren(rankrContactId);
		// Tags first, then the record of GHL's tags: a run cut short between the two repeats the tag writes
		// next time rather than forgetting a tag GHL removed.
		const plan = planTags(tags, existing);
		await addTags(call, rankrContactId, plan.add);
		for (const tag of plan.remove) await removeTag(call, rankrContactId, tag);
		tagChange = { added: plan.add, removed: plan.remove };
		tagsSkipped = plan.skipped;
		// A contact Sync to GHL linked keeps a snapshot: only what GHL changed since is written (no echo).
		const link = ghlContactLinks(locationId, existing).find((l) => l.id === ghlContactId);
		const differing = decideFields(differingFields(wanted, existing), wanted, existing, link?.snapshot, newer(source.contact.dateUpdated, existing.updatedAt), 'ghl').write;
		// GHL has this contact, so an archived Rankr copy (archived when GHL seemed to have deleted it) is restored.
		const restore = isArchived(existing);
		const recordTags = externalTagsDiffer(existing, tags);
		if (differing.length || restore || recordTags) {
			await writeExisting(call, existing, externalRef, {
				...Object.fromEntries(differing.map((f) => [f, wanted[f]])),
				...(link?.snapshot && differing.length ? { links: withFreshSnapshot(existing, link, differing, wanted) } : {}),
				...(restore ? { archived: false } : {}),
				...(recordTags ? { externalTags: tags } : {}),
			});
		}
		// Recording GHL's tags alone is bookkeeping, not a change the user sees.
		if (restore) contact = 'restored';
		else if (differing.length) contact = 'updated';
	}

	const target = { locationId, rankrContactId, deletions };
	const [tasks, notes] = await allOrFirstError<[ChildCounts, ChildCounts]>([
		reconcileChildren(call, 'task', target, source.tasks, rankrTasks),
		reconcileChildren(call, 'note', target, source.notes, rankrNotes),
	]);
	const out = result(ghlContactId, rankrContactId, { contact, tasks, notes, tags: tagChange });
	// GHL values Rankr would refuse are not written (Rankr keeps its value) and are named here.
	const skipped = [...unmappableFields(source.contact), ...tagsSkipped.map((tag) => ({ field: 'tags', ghl: tag }))];
	return skipped.length ? { ...out, skipped } : out;
}
