import type { IDataObject } from 'n8n-workflow';

import { countryCode } from './countries';

/**
 * How GHL records become Rankr records. Sync and Parity Check both read GHL through these functions, so
 * what the sync writes is exactly what the parity check expects to find. Values Rankr's contract would
 * refuse (a 3-letter country, a malformed phone) map to null rather than failing the whole contact.
 */
type Fit = (value: unknown) => string | boolean | null;

const text =
	(max: number): Fit =>
	(value) => {
		if (value === undefined || value === null) return null;
		const s = String(value).trim();
		return s ? s.slice(0, max) : null;
	};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{3,32}$/;

const email: Fit = (value) => {
	const s = text(254)(value);
	return typeof s === 'string' && EMAIL.test(s) ? s.toLowerCase() : null;
};
const phone: Fit = (value) => {
	const s = text(32)(value);
	return typeof s === 'string' && PHONE.test(s) ? s : null;
};
const country: Fit = (value) => {
	const s = text(255)(value);
	return typeof s === 'string' ? countryCode(s) : null;
};
const flag: Fit = (value) => value === true;

/** Rankr contact field ← GHL contact field. Tags are synced separately (tags.ts: only those that came from GHL). */
export const CONTACT_FIELDS: ReadonlyArray<{ rankr: string; ghl: string; fit: Fit }> = [
	{ rankr: 'firstName', ghl: 'firstName', fit: text(255) },
	{ rankr: 'lastName', ghl: 'lastName', fit: text(255) },
	{ rankr: 'email', ghl: 'email', fit: email },
	{ rankr: 'phone', ghl: 'phone', fit: phone },
	{ rankr: 'companyName', ghl: 'companyName', fit: text(255) },
	{ rankr: 'website', ghl: 'website', fit: text(255) },
	{ rankr: 'address1', ghl: 'address1', fit: text(255) },
	{ rankr: 'city', ghl: 'city', fit: text(255) },
	{ rankr: 'state', ghl: 'state', fit: text(255) },
	{ rankr: 'postalCode', ghl: 'postalCode', fit: text(32) },
	{ rankr: 'country', ghl: 'country', fit: country },
	{ rankr: 'timezone', ghl: 'timezone', fit: text(64) },
	{ rankr: 'source', ghl: 'source', fit: text(255) },
	{ rankr: 'dnd', ghl: 'dnd', fit: flag },
];

const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/**
 * The Rankr fields for a GHL contact. A GHL value Rankr cannot take (an unknown country, a phone Rankr
 * refuses) is left out, so the sync never writes it as empty over what Rankr holds: see unmappableFields.
 */
export function contactFields(ghl: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const { rankr, ghl: from, fit } of CONTACT_FIELDS) {
		const value = fit(ghl[from]);
		if (value === null && !isBlank(ghl[from])) continue;
		out[rankr] = value;
	}
	return out;
}

/** The GHL values contactFields left out because Rankr's contract would refuse them (reported as skipped). */
export function unmappableFields(ghl: IDataObject): Array<{ field: string; ghl: string }> {
	return CONTACT_FIELDS.filter(({ ghl: from, fit }) => fit(ghl[from]) === null && !isBlank(ghl[from])).map(({ rankr, ghl: from }) => ({
		field: rankr,
		ghl: String(ghl[from]),
	}));
}

/** Tags as Rankr stores them: trimmed, lower case, each once, at most 64 characters and 100 tags. */
export function tagSet(tags: unknown): string[] {
	const list = Array.isArray(tags) ? tags : [];
	const clean = list.map((t) => String(t).trim().toLowerCase()).filter((t) => t.length > 0 && t.length <= 64);
	return [...new Set(clean)].sort().slice(0, 100);
}

/** Rankr answers dates as it stored them; compare instants, not spellings. */
function isoDate(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	const t = Date.parse(String(value));
	return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export function taskFields(ghl: IDataObject): IDataObject {
	return {
		title: text(255)(ghl.title) ?? '(untitled task)',
		description: text(5000)(ghl.body),
		dueAt: isoDate(ghl.dueDate),
		assignee: text(255)(ghl.assignedTo),
		completed: ghl.completed === true,
	};
}

export function noteFields(ghl: IDataObject): IDataObject {
	// Rankr refuses an empty note body; GHL allows one.
	return { body: text(10000)(ghl.body) ?? text(10000)(ghl.title) ?? '(empty note)' };
}

function same(field: string, wanted: unknown, actual: unknown): boolean {
	if (field === 'dueAt') return isoDate(wanted) === isoDate(actual);
	if (field === 'dnd' || field === 'completed') return Boolean(wanted) === Boolean(actual);
	return (wanted ?? null) === (actual ?? null);
}

/** The fields of `wanted` whose value the Rankr record does not hold. */
export function differingFields(wanted: IDataObject, rankr: IDataObject): string[] {
	return Object.keys(wanted).filter((field) => !same(field, wanted[field], rankr[field]));
}
