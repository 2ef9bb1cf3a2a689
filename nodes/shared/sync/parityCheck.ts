import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation } from '../ghlApi';
import { readGhlChildren, searchGhlContacts } from './ghlSource';
import type { MatchedPair, ParityReport } from './parityCompare';
import { addDifferences, childDifferences, compareContacts } from './parityCompare';
import { listAll, listChildren, rankrCaller } from './rankrTarget';
import { contactRefPrefix } from './refs';

/** Reads both sides and compares them; reads only, never writes. */

export interface ParityOptions {
	query?: string;
	tag?: string;
	/** Also compare each matched contact's tags, tasks and notes (two more reads per contact on each side). */
	compareChildren: boolean;
}

/** Matched contacts whose children are compared at once; the transport paces them. */
const PARALLEL_CONTACTS = 8;

export async function parityCheck(ctx: IExecuteFunctions, itemIndex: number, options: ParityOptions): Promise<ParityReport> {
	const locationId = await ghlLocation(ctx);
	const call = rankrCaller(ctx, itemIndex);
	const [ghlContacts, rankrContacts] = await Promise.all([
		searchGhlContacts(ctx, itemIndex, locationId, { query: options.query, tag: options.tag }),
		// Rankr's own tag filter narrows its side the same way; a text query means different things in the two
		// systems, so with one only the GHL contacts found are checked and extras are not reported.
		listAll(call, '/v1/contacts', { externalRefPrefix: contactRefPrefix(locationId), ...(options.tag ? { tag: options.tag } : {}) }),
	]);
	const { report, pairs } = compareContacts(locationId, ghlContacts, rankrContacts, {
		compareTags: options.compareChildren,
		reportExtras: !options.query,
	});
	if (!options.compareChildren) return report;

	let next = 0;
	const worker = async () => {
		while (next < pairs.length) {
			const pair: MatchedPair = pairs[next++];
			const rankrId = String(pair.rankr.id);
			const [ghl, rankrTasks, rankrNotes] = await Promise.all([
				readGhlChildren(ctx, itemIndex, String(pair.ghl.id)),
				listChildren(call, 'task', rankrId),
				listChildren(call, 'note', rankrId),
			]);
			addDifferences(report, pair, [
				...childDifferences(locationId, 'task', ghl.tasks, rankrTasks),
				...childDifferences(locationId, 'note', ghl.notes, rankrNotes),
			]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL_CONTACTS, pairs.length) }, worker));
	return report;
}
