import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation } from '../ghlApi';
import type { ChildCounts, Deletions } from './children';
import { reconcileChildren } from './children';
import { allOrFirstError } from './errors';
import { readGhlContact } from './ghlSource';
import type { GhlContactBundle } from './ghlSource';
import { contactFields, differingFields, tagDiff, tagSet, unmappableFields } from './mapping';
import { contactsByRef, deleteContact, listChildren, rankrCaller, setTags, upsertContact } from './rankrTarget';
import { contactRef } from './refs';

/**
 * Makes Rankr hold what GHL holds for one contact: the contact's fields, its tags, and the tasks and notes
 * that came from GHL. Everything is read and compared first; only differences are written, so a second run
 * sends nothing but GETs and reports no change.
 */

export type ContactChange = 'created' | 'updated' | 'unchanged' | 'deleted';

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

function result(ghlContactId: string, rankrContactId: string | null, changes: SyncResult['changes']): SyncResult {
	const childChanged = (c: ChildCounts) => c.created + c.updated + c.deleted > 0;
	const changed =
		changes.contact !== 'unchanged' ||
		childChanged(changes.tasks) ||
		childChanged(changes.notes) ||
		changes.tags.added.length + changes.tags.removed.length > 0;
	return { ghlContactId, rankrContactId, changes, changed };
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
		contactsByRef(call, externalRef),
	]);
	const existing = matches[0];
	const noTags = { added: [], removed: [] };

	if (!source) {
		// GHL no longer has the contact (404).
		if (!existing || deletions === 'keep') {
			return result(ghlContactId, (existing?.id as string) ?? null, { contact: 'unchanged', tasks: noCounts(), notes: noCounts(), tags: noTags });
		}
		for (const match of matches) await deleteContact(call, String(match.id));
		return result(ghlContactId, String(existing.id), { contact: 'deleted', tasks: noCounts(), notes: noCounts(), tags: noTags });
	}

	const wanted = contactFields(source.contact);
	const tags = tagSet(source.contact.tags);
	let contact: ContactChange = 'unchanged';
	let rankrContactId: string;
	let tagChange: SyncResult['changes']['tags'];
	let rankrTasks: IDataObject[] = [];
	let rankrNotes: IDataObject[] = [];

	const readChildren = async (id: string) =>
		await allOrFirstError<[IDataObject[], IDataObject[]]>([listChildren(call, 'task', id), listChildren(call, 'note', id)]);

	if (!existing) {
		// A new contact: fields and tags in one upsert; it has no tasks or notes yet, so none are read
		// (unless another run created it meanwhile, which the upsert's answer tells).
		const answer = await upsertContact(call, { externalRef, ...wanted, tags });
		rankrContactId = String(answer.contact.id);
		contact = answer.action as ContactChange;
		tagChange = tagDiff(tags, answer.action === 'created' ? [] : answer.contact.tags);
		if (answer.action !== 'created') [rankrTasks, rankrNotes] = await readChildren(rankrContactId);
	} else {
		rankrContactId = String(existing.id);
		[rankrTasks, rankrNotes] = await readChildren(rankrContactId);
		const differing = differingFields(wanted, existing);
		if (differing.length) {
			await upsertContact(call, { externalRef, ...Object.fromEntries(differing.map((f) => [f, wanted[f]])) });
			contact = 'updated';
		}
		tagChange = tagDiff(tags, existing.tags);
		if (tagChange.added.length || tagChange.removed.length) await setTags(call, rankrContactId, tags);
	}

	const target = { locationId, rankrContactId, deletions };
	const [tasks, notes] = await allOrFirstError<[ChildCounts, ChildCounts]>([
		reconcileChildren(call, 'task', target, source.tasks, rankrTasks),
		reconcileChildren(call, 'note', target, source.notes, rankrNotes),
	]);
	const out = result(ghlContactId, rankrContactId, { contact, tasks, notes, tags: tagChange });
	// GHL values Rankr would refuse are not written (Rankr keeps its value) and are named here.
	const skipped = unmappableFields(source.contact);
	return skipped.length ? { ...out, skipped } : out;
}
