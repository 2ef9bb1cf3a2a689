import type { IDataObject } from 'n8n-workflow';

import { bySourceId, childFields } from './children';
import { contactFields, differingFields, tagSet } from './mapping';
import { childRef, contactIdOfRef, contactRef } from './refs';
import type { ChildKind } from './refs';
import { ghlSourcedTags } from './tags';

/** Pure comparison of a GHL location's contacts with Rankr's: no I/O, so every rule here is unit-testable. */

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

export interface ParityReport extends IDataObject {
	ghlCount: number;
	rankrCount: number;
	missing: IDataObject[];
	extra: IDataObject[];
	duplicated: IDataObject[];
	different: ContactDifference[];
	inParity: boolean;
}

export interface MatchedPair {
	ghl: IDataObject;
	rankr: IDataObject;
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
		const id = contactIdOfRef(locationId, contact.externalRef as string | null);
		if (id === undefined || !inScope(id)) continue;
		// Archived because GHL deleted it: what a sync is meant to leave, so neither an extra nor counted.
		if (typeof contact.archivedAt === 'string' && !inGhl.has(id)) continue;
		rankrCount++;
		groups.set(id, [...(groups.get(id) ?? []), contact]);
	}
	const report: ParityReport = { ghlCount: ghlContacts.length, rankrCount, missing: [], extra: [], duplicated: [], different: [], inParity: true };
	const pairs: MatchedPair[] = [];

	for (const [id, group] of groups) {
		if (group.length < 2) continue;
		const [kept, ...copies] = group.sort(byCreation);
		report.duplicated.push({ externalRef: kept.externalRef as string, ghlContactId: id, rankrContactIds: group.map((c) => String(c.id)) });
		for (const copy of copies) report.extra.push({ rankrContactId: String(copy.id), externalRef: copy.externalRef as string, reason: 'duplicate' });
	}
	for (const ghl of ghlContacts) {
		const id = String(ghl.id);
		const rankr = groups.get(id)?.[0];
		if (!rankr) {
			report.missing.push({ ghlContactId: id, externalRef: contactRef(locationId, id), name: label(ghl), email: (ghl.email as string) ?? null });
			continue;
		}
		pairs.push({ ghl, rankr });
		const fields = fieldDifferences(contactFields(ghl), rankr);
		// GHL has the contact but Rankr's copy is archived (a sync restores it).
		if (typeof rankr.archivedAt === 'string') fields.push({ field: 'archivedAt', ghl: null, rankr: rankr.archivedAt });
		if (options.compareTags) fields.push(...tagDifference(ghl.tags, rankr));
		if (fields.length) report.different.push({ ghlContactId: id, rankrContactId: String(rankr.id), fields });
	}
	for (const [id, group] of groups) {
		if (!inGhl.has(id)) report.extra.push({ rankrContactId: String(group[0].id), externalRef: group[0].externalRef as string, reason: 'not in GHL' });
	}
	return { report: settle(report), pairs };
}

function fieldDifferences(wanted: IDataObject, rankr: IDataObject, prefix = ''): FieldDifference[] {
	return differingFields(wanted, rankr).map((field) => ({ field: prefix + field, ghl: wanted[field] ?? null, rankr: rankr[field] ?? null }));
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
		else out.push(...fieldDifferences(wanted, record, `${kind}:${id}.`));
	}
	for (const [id, record] of existing) out.push({ field: `${kind}:${id}`, ghl: null, rankr: summary(record), externalRef: childRef(locationId, kind, id) });
	return out;
}

/** Adds a contact's child differences to the report. */
export function addDifferences(report: ParityReport, pair: MatchedPair, fields: FieldDifference[]): void {
	if (!fields.length) return;
	const ghlContactId = String(pair.ghl.id);
	let entry = report.different.find((d) => d.ghlContactId === ghlContactId);
	if (!entry) {
		entry = { ghlContactId, rankrContactId: String(pair.rankr.id), fields: [] };
		report.different.push(entry);
	}
	entry.fields.push(...fields);
	settle(report);
}

function settle(report: ParityReport): ParityReport {
	report.inParity = !report.missing.length && !report.extra.length && !report.duplicated.length && !report.different.length;
	return report;
}

/** One item per difference, for workflows that act on each (e.g. sync the missing ones). */
export function differenceItems(report: ParityReport): IDataObject[] {
	return [
		...report.missing.map((m) => ({ kind: 'missing', ...m })),
		...report.extra.map((e) => ({ kind: 'extra', ...e })),
		...report.duplicated.map((d) => ({ kind: 'duplicated', ...d })),
		...report.different.map((d) => ({ kind: 'different', ...d })),
	];
}
