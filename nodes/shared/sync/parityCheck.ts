import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation } from '../ghlApi';
import { nodeError } from '../apiErrors';
import { allOrFirstError } from './errors';
import { readGhlChildren, searchGhlContacts } from './ghlSource';
import type { MatchedPair, ParityReport } from './parityCompare';
import { addDifferences, childDifferences, compareContacts } from './parityCompare';
import { listAll, listChildren, rankrCaller } from './rankrTarget';
import { contactRefPrefix } from './refs';
import { holdsGhlTag } from './tags';

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
	const [ghlContacts, rankrContacts] = await allOrFirstError<[IDataObject[], IDataObject[]]>([
		searchGhlContacts(ctx, itemIndex, locationId, { query: options.query, tag: options.tag }),
		// Rankr's own tag filter narrows its side the same way; a text query means different things in the two
		// systems, so with one only the GHL contacts found are checked and extras are not reported.
		listAll(call, '/v1/contacts', { externalRefPrefix: contactRefPrefix(locationId), ...(options.tag ? { tag: options.tag } : {}) }),
	]);
	// With a tag, a Rankr contact holding it only as a tag of Rankr's own is not one of GHL's tagged contacts.
	const inScope = options.tag ? rankrContacts.filter((c) => holdsGhlTag(c, options.tag as string)) : rankrContacts;
	const { report, pairs } = compareContacts(locationId, ghlContacts, inScope, {
		compareTags: options.compareChildren,
		reportExtras: !options.query,
	});
	if (!options.compareChildren) return report;

	let next = 0;
	let failed = false;
	const compareOne = async (pair: MatchedPair) => {
		const rankrId = String(pair.rankr.id);
		const [ghl, rankrTasks, rankrNotes] = await allOrFirstError<[Awaited<ReturnType<typeof readGhlChildren>>, IDataObject[], IDataObject[]]>([
			readGhlChildren(ctx, itemIndex, String(pair.ghl.id)),
			listChildren(call, 'task', rankrId),
			listChildren(call, 'note', rankrId),
		]);
		addDifferences(report, pair, [
			...childDifferences(locationId, 'task', ghl.tasks, rankrTasks),
			...childDifferences(locationId, 'note', ghl.notes, rankrNotes),
		]);
	};
	const worker = async () => {
		// After one failure the others stop taking contacts: the check fails as a whole.
		while (!failed && next < pairs.length) {
			try {
				await compareOne(pairs[next++]);
			} catch (error) {
				failed = true;
				throw nodeError(ctx.getNode(), error);
			}
		}
	};
	await allOrFirstError<void[]>(Array.from({ length: Math.min(PARALLEL_CONTACTS, pairs.length) }, worker));
	return report;
}
