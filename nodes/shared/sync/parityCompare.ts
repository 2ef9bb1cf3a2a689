import type { IDataObject } from 'n8n-workflow';

import { bySourceId, childFields } from './children';
import { decideFields, newer } from './inverse';
import type { Link } from './links';
import { ghlContactLinks, linksOf } from './links';
import { contactFields, differingFields, tagSet } from './mapping';
import { childRef, contactRef, SOFT_DELETED_IN_RANKR } from './refs';
import type { ChildKind } from './refs';
import { ghlSourcedTags } from './tags';

/**
 * Pure comparison, GHL → Rankr, of a GHL location's contacts with Rankr's: no I/O, so every rule here is
 * unit-testable. A Rankr contact belongs to a GHL contact through its links (externalRef or `links`, as the
 * syncs find it), and a field counts as different only when Sync Contact would write it: on a contact Sync
 * to GHL linked, a field only Rankr changed since the link's snapshot is Rankr's (see parityToGhl.ts).
 */

export interface FieldDifference extends IDataObject {
	field: string;
	ghl: IDataObject[string];
	rankr: IDataObject[string];
}

export interface ContactDifference extends IDataObject {
	ghlContactId: string;
	rankrContactId: string;
	fields: FieldDifference[];
}

/** What one direction found; `different` entries name the contact on both sides. */
export interface Differences extends IDataObject {
	missing: IDataObject[];
	extra: IDataObject[];
	duplicated: IDataObject[];
	different: ContactDifference[];
}

export interface ParityReport extends Differences {
	ghlCount: number;
	rankrCount: number;
	inParity: boolean;
}

export interface MatchedPair {
	ghl: IDataObject;
	rankr: IDataObject;
	/** The Rankr contact's link to this GHL contact (its snapshot decides who changed a field). */
	link?: Link;
}

const label = (c: IDataObject) =>
	[c.firstName, c.lastName].filter(Boolean).join(' ') || String(c.name ?? c.email ?? c.phone ?? '') || undefined;

const byCreation = (a: IDataObject, b: IDataObject) => String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? ''));

export function compareContacts(
	locationId: string,
	ghlContacts: IDataObject[],
	rankrContacts: IDataObject[],
	options: { compareTags: boolean; reportExtras: boolean },
): { report: ParityReport; pairs: MatchedPair[] } {
	const inGhl = new Set(ghlContacts.map((c) => String(c.id)));
	// Without extras (a text search narrowed only GHL's side), Rankr's side is narrowed to the contacts found.
	const inScope = (id: string) => options.reportExtras || inGhl.has(id);
	const groups = new Map<string, IDataObject[]>();
	let rankrCount = 0;
	for (const contact of rankrContacts) {
		let counted = false;
		for (const { id } of ghlContactLinks(locationId, contact)) {
			if (!inScope(id)) continue;
			// Archived because GHL deleted it: what a sync is meant to leave, so neither an extra nor counted.
			if (typeof contact.archivedAt === 'string' && !inGhl.has(id)) continue;
			if (!counted) rankrCount++;
			counted = true;
			groups.set(id, [...(groups.get(id) ?? []), contact]);
		}
	}
	const report: ParityReport = { ghlCount: ghlContacts.length, rankrCount, missing: [], extra: [], duplicated: [], different: [], inParity: true };
	const pairs: MatchedPair[] = [];

	for (const [id, group] of groups) {
		if (group.length < 2) continue;
		const [kept, ...copies] = group.sort(byCreation);
		report.duplicated.push({ externalRef: contactRef(locationId, id), ghlContactId: id, rankrContactIds: [kept, ...copies].map((c) => String(c.id)) });
		for (const copy of copies) report.extra.push({ rankrContactId: String(copy.id), externalRef: contactRef(locationId, id), reason: 'duplicate' });
	}
	for (const ghl of ghlContacts) {
		const id = String(ghl.id);
		const rankr = groups.get(id)?.[0];
		// Soft-deleted in GHL because Rankr deleted it: what a sync is meant to leave, so neither missing nor counted.
		if (!rankr && Array.isArray(ghl.tags) && (ghl.tags as unknown[]).includes(SOFT_DELETED_IN_RANKR)) {
			report.ghlCount--;
			continue;
		}
		if (!rankr) {
			report.missing.push({ ghlContactId: id, externalRef: contactRef(locationId, id), name: label(ghl), email: (ghl.email as string) ?? null });
			continue;
		}
		const link = ghlContactLinks(locationId, rankr).find((l) => l.id === id);
		pairs.push({ ghl, rankr, link });
		const fields = syncedFieldDifferences(ghl, rankr, link);
		// GHL has the contact but Rankr's copy is archived (a sync restores it).
		if (typeof rankr.archivedAt === 'string') fields.push({ field: 'archivedAt', ghl: null, rankr: rankr.archivedAt });
		if (options.compareTags) fields.push(...tagDifference(ghl.tags, rankr));
		if (fields.length) report.different.push({ ghlContactId: id, rankrContactId: String(rankr.id), fields });
	}
	for (const [id, group] of groups) {
		if (!inGhl.has(id)) report.extra.push({ rankrContactId: String(group[0].id), externalRef: contactRef(locationId, id), reason: 'not in GHL' });
	}
	return { report: settle(report), pairs };
}

function fieldDifferences(wanted: IDataObject, rankr: IDataObject, prefix = '', fields = differingFields(wanted, rankr)): FieldDifference[] {
	return fields.map((field) => ({ field: prefix + field, ghl: wanted[field] ?? null, rankr: rankr[field] ?? null }));
}

/** The contact fields Sync Contact would write: those differing, less those only Rankr changed since the link's snapshot. */
function syncedFieldDifferences(ghl: IDataObject, rankr: IDataObject, link: Link | undefined): FieldDifference[] {
	const wanted = contactFields(ghl);
	const write = decideFields(differingFields(wanted, rankr), wanted, rankr, link?.snapshot, newer(ghl.dateUpdated, rankr.updatedAt), 'ghl').write;
	return fieldDifferences(wanted, rankr, '', write);
}

/** GHL's tags against the Rankr tags that came from GHL; tags only Rankr added are not a difference. */
function tagDifference(ghlTags: unknown, rankrContact: IDataObject): FieldDifference[] {
	const ghl = tagSet(ghlTags);
	const rankr = ghlSourcedTags(rankrContact, ghl);
	return ghl.join('\n') === rankr.join('\n') ? [] : [{ field: 'tags', ghl, rankr }];
}

/** A contact's tasks or notes: each GHL one must be in Rankr with the same content; GHL-sourced Rankr ones must exist in GHL. */
export function childDifferences(locationId: string, kind: ChildKind, ghl: IDataObject[], rankr: IDataObject[]): FieldDifference[] {
	const out: FieldDifference[] = [];
	const existing = bySourceId(locationId, kind, rankr);
	const summary = (r: IDataObject) => (kind === 'task' ? r.title : r.body) ?? null;
	for (const source of ghl) {
		const id = String(source.id);
		const wanted = childFields(kind, source);
		const record = existing.get(id);
		existing.delete(id);
		if (!record) out.push({ field: `${kind}:${id}`, ghl: summary(wanted), rankr: null });
		else {
			// As Sync Contact decides: a field only Rankr changed since the link's snapshot is Rankr's.
			const link = linksOf(record).find((l) => l.system === 'ghl');
			const write = decideFields(differingFields(wanted, record), wanted, record, link?.snapshot, newer(source.dateUpdated, record.updatedAt), 'ghl').write;
			out.push(...fieldDifferences(wanted, record, `${kind}:${id}.`, write));
		}
	}
	for (const [id, record] of existing) out.push({ field: `${kind}:${id}`, ghl: null, rankr: summary(record), externalRef: childRef(locationId, kind, id) });
	return out;
}

/** Adds a contact's child differences to the report. */
export function addDifferences(report: ParityReport, pair: MatchedPair, fields: FieldDifference[]): void {
	addContactDifferences(report.different, String(pair.ghl.id), String(pair.rankr.id), fields);
	settle(report);
}

export const agrees = (d: Differences) => !d.missing.length && !d.extra.length && !d.duplicated.length && !d.different.length;

function settle(report: ParityReport): ParityReport {
	report.inParity = agrees(report);
	return report;
}

/** Adds a contact's differences to a direction's list (one entry per contact). */
export function addContactDifferences(into: ContactDifference[], ghlContactId: string, rankrContactId: string, fields: FieldDifference[]): void {
	if (!fields.length) return;
	const entry = into.find((d) => d.ghlContactId === ghlContactId && d.rankrContactId === rankrContactId);
	if (entry) entry.fields.push(...fields);
	else into.push({ ghlContactId, rankrContactId, fields });
}

/** One item per difference, for workflows that act on each (e.g. sync the missing ones). */
export function differenceItems(report: Differences, direction: 'ghlToRankr' | 'rankrToGhl'): IDataObject[] {
	return [
		...report.missing.map((m) => ({ kind: 'missing', direction, ...m })),
		...report.extra.map((e) => ({ kind: 'extra', direction, ...e })),
		...report.duplicated.map((d) => ({ kind: 'duplicated', direction, ...d })),
		...report.different.map((d) => ({ kind: 'different', direction, ...d })),
	];
}
