import type { IDataObject } from 'n8n-workflow';

import { tagSet } from './mapping';

/**
 * Which of a Rankr contact's tags came from GHL. Rankr keeps, on the contact, the set of tags the last sync
 * took from GHL (`externalTags`), so a sync adds and removes only those and leaves the tags Rankr's own
 * rules or users added alone. A contact that has no record yet (synced before this existed, or made in
 * Rankr) counts the tags both sides hold as GHL's: removing one in GHL then removes it in Rankr.
 */

const RANKR_MAX_TAGS = 100;

export interface TagPlan {
	add: string[];
	remove: string[];
	/** What to record as GHL's tags after the writes: GHL's set. */
	externalTags: string[];
	/** GHL tags Rankr had no room for (a contact holds at most 100). */
	skipped: string[];
}

/** The tags the last sync took from GHL, or (no record yet) those both sides hold now. */
export function previousGhlTags(rankr: IDataObject, ghlTags: string[]): string[] {
	const recorded = rankr.externalTags;
	if (Array.isArray(recorded)) return tagSet(recorded);
	return tagSet(rankr.tags).filter((t) => ghlTags.includes(t));
}

/** Adds GHL's tags Rankr lacks; removes those GHL had at the last sync and has no longer. */
export function planTags(ghlTags: string[], rankr: IDataObject): TagPlan {
	const have = tagSet(rankr.tags);
	const previous = previousGhlTags(rankr, ghlTags);
	const remove = have.filter((t) => previous.includes(t) && !ghlTags.includes(t));
	const missing = ghlTags.filter((t) => !have.includes(t));
	const room = Math.max(0, RANKR_MAX_TAGS - (have.length - remove.length));
	return { add: missing.slice(0, room), remove, externalTags: ghlTags, skipped: missing.slice(room) };
}

/** Whether Rankr's record of GHL's tags is not this set (null, "never recorded", differs from every set). */
export function externalTagsDiffer(rankr: IDataObject, ghlTags: string[]): boolean {
	if (!Array.isArray(rankr.externalTags)) return true;
	return tagSet(rankr.externalTags).join('\n') !== ghlTags.join('\n');
}

/** The Rankr contact's tags a parity check holds against GHL's: all but those only Rankr added. */
export function ghlSourcedTags(rankr: IDataObject, ghlTags: string[]): string[] {
	const previous = previousGhlTags(rankr, ghlTags);
	return tagSet(rankr.tags).filter((t) => previous.includes(t) || ghlTags.includes(t));
}

/** Whether a Rankr contact holds `tag` as one that came from GHL (for a parity check narrowed to a tag). */
export function holdsGhlTag(rankr: IDataObject, tag: string): boolean {
	const recorded = rankr.externalTags;
	return tagSet(rankr.tags).includes(tag) && (!Array.isArray(recorded) || tagSet(recorded).includes(tag));
}
