import type { IDataObject } from 'n8n-workflow';

import { contactDifferences, decideFields, ghlNoteAsRankr, ghlTaskAsRankr, newer, wantedTask } from './inverse';
import type { Link } from './links';
import { ghlChildLink, ghlContactLinks, linksOf } from './links';
import { differingFields, tagSet } from './mapping';
import type { ContactDifference, Differences, FieldDifference } from './parityCompare';
import type { ChildKind } from './refs';
import { SOFT_DELETED_IN_RANKR } from './refs';

/**
 * Pure comparison, Rankr → GHL: the Rankr contacts that should be in GHL (those linked to this location, and
 * those with no GHL link at all, e.g. made by Clio's connector) against the location's GHL contacts. A field
 * counts as different only when Sync to GHL would write it (syncToGhl.ts, ghlChildren.ts): Rankr blanks never
 * blank GHL, and a field only GHL changed since the link's snapshot is GHL's.
 */

export interface ToGhlPair {
	rankr: IDataObject;
	ghl: IDataObject;
	link: Link;
}

export interface ToGhlReport extends Differences {
	rankrCount: number;
}

/** What Sync to GHL compares tasks with by default (its *Statuses That Count as Complete*). */
export const COMPLETE_STATUSES = ['complete'];
/** Sync to GHL's default *Soft Delete Tag*: never pushed as one of Rankr's tags. */
export const SOFT_DELETE_TAG = SOFT_DELETED_IN_RANKR;

const label = (c: IDataObject) => [c.firstName, c.lastName].filter(Boolean).join(' ') || String(c.email ?? c.phone ?? '') || undefined;
const byCreation = (a: IDataObject, b: IDataObject) => String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? ''));

/** Linked to GHL, but to another location: not this check's to judge. */
function linkedElsewhere(contact: IDataObject): boolean {
	return linksOf(contact).some((l) => l.system === 'ghl') || String(contact.externalRef ?? '').startsWith('ghl:');
}

export function compareToGhl(
	locationId: string,
	ghlContacts: IDataObject[],
	rankrContacts: IDataObject[],
	options: { compareTags: boolean },
): { report: ToGhlReport; pairs: ToGhlPair[] } {
	const ghlById = new Map(ghlContacts.map((c) => [String(c.id), c]));
	const report: ToGhlReport = { rankrCount: 0, missing: [], extra: [], duplicated: [], different: [] };
	const byGhl = new Map<string, Array<{ rankr: IDataObject; link: Link }>>();
	for (const rankr of rankrContacts) {
		// Archived: kept in Rankr after GHL deleted the contact; GHL is not meant to have it.
		if (typeof rankr.archivedAt === 'string') continue;
		const links = ghlContactLinks(locationId, rankr);
		if (!links.length && linkedElsewhere(rankr)) continue;
		report.rankrCount++;
		const base = { rankrContactId: String(rankr.id), name: label(rankr), email: (rankr.email as string) ?? null, sourceSystem: (rankr.sourceSystem as string) ?? null };
		if (!links.length) {
			report.missing.push({ ...base, reason: 'not in GHL' });
			continue;
		}
		// The first live link is the one Sync to GHL keeps (the others were merged into this contact).
		const live = links.find((l) => ghlById.has(l.id));
		if (!live) {
			// GHL deleted it: Sync Contact archives the Rankr copy, Sync to GHL would make it again. Not repaired.
			report.missing.push({ ...base, ghlContactId: links[0].id, reason: 'deleted in GHL' });
			continue;
		}
		byGhl.set(live.id, [...(byGhl.get(live.id) ?? []), { rankr, link: live }]);
	}
	const pairs: ToGhlPair[] = [];
	for (const [ghlId, group] of byGhl) {
		const [kept, ...copies] = group.sort((a, b) => byCreation(a.rankr, b.rankr));
		if (copies.length) report.duplicated.push({ ghlContactId: ghlId, rankrContactIds: group.map((g) => String(g.rankr.id)) });
		const pair = { rankr: kept.rankr, ghl: ghlById.get(ghlId) as IDataObject, link: kept.link };
		pairs.push(pair);
		const fields = [...contactFieldDifferences(pair), ...(options.compareTags ? tagDifferences(pair) : [])];
		if (fields.length) report.different.push({ ghlContactId: ghlId, rankrContactId: String(kept.rankr.id), fields } as ContactDifference);
	}
	for (const ghl of ghlContacts) {
		const id = String(ghl.id);
		// Soft-deleted because Rankr deleted it: what Sync to GHL is meant to leave, not an extra.
		const softDeleted = Array.isArray(ghl.tags) && (ghl.tags as unknown[]).includes(SOFT_DELETED_IN_RANKR);
		if (!byGhl.has(id) && !softDeleted) report.extra.push({ ghlContactId: id, name: label(ghl), email: (ghl.email as string) ?? null, reason: 'no Rankr contact linked' });
	}
	return { report, pairs };
}

function contactFieldDifferences({ rankr, ghl, link }: ToGhlPair): FieldDifference[] {
	const { differing, ghlAsRankr } = contactDifferences(rankr, ghl);
	const write = decideFields(differing, rankr, ghlAsRankr, link.snapshot, newer(rankr.updatedAt, ghl.dateUpdated), 'rankr').write;
	return write.map((field) => ({ field, ghl: ghlAsRankr[field] ?? null, rankr: rankr[field] ?? null }));
}

/** The tags Sync to GHL would add or remove: Rankr's own (not those GHL supplied), and those it pushed earlier that Rankr dropped. */
function tagDifferences({ rankr, ghl, link }: ToGhlPair): FieldDifference[] {
	const pushedBefore = tagSet(link.snapshot?.rankrTags);
	const fromGhl = tagSet(rankr.externalTags).filter((t) => !pushedBefore.includes(t));
	const own = tagSet(rankr.tags).filter((t) => !fromGhl.includes(t));
	const ghlTags = tagSet(ghl.tags);
	const add = own.filter((t) => !ghlTags.includes(t) && t !== SOFT_DELETE_TAG);
	const remove = pushedBefore.filter((t) => !own.includes(t) && ghlTags.includes(t) && !tagSet(rankr.tags).includes(t));
	return add.length + remove.length ? [{ field: 'tags', ghl: ghlTags, rankr: own }] : [];
}

/**
 * A contact's Rankr tasks or notes against its GHL ones, as Sync to GHL's pushChildren decides: a Rankr record
 * with no GHL record is missing there; a linked one whose GHL record GHL deleted is not (Sync Contact's to carry).
 */
export function childDifferencesToGhl(locationId: string, kind: ChildKind, rankr: IDataObject[], ghl: IDataObject[]): FieldDifference[] {
	const byId = new Map(ghl.map((r) => [String(r.id), r]));
	const out: FieldDifference[] = [];
	for (const record of rankr) {
		const link = ghlChildLink(locationId, kind, record);
		const target = link ? byId.get(link.id) : undefined;
		if (link && !target) continue;
		const wanted = kind === 'task' ? wantedTask(record, COMPLETE_STATUSES) : { body: record.body };
		if (!target) {
			out.push({ field: `${kind}:${String(record.id)}`, ghl: null, rankr: ((kind === 'task' ? record.title : record.body) as string) ?? null });
			continue;
		}
		const current = kind === 'task' ? ghlTaskAsRankr(target) : ghlNoteAsRankr(target);
		const write = decideFields(differingFields(wanted, current), wanted, current, link?.snapshot, newer(record.updatedAt, target.dateUpdated), 'rankr').write;
		for (const field of write) out.push({ field: `${kind}:${String(target.id)}.${field}`, ghl: current[field] ?? null, rankr: wanted[field] ?? null });
	}
	return out;
}
