import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation } from '../ghlApi';
import { RequestBudget } from '../requestBudget';
import { allOrFirstError } from './errors';
import { searchGhlContacts } from './ghlSource';
import { countingContext } from './parityBudget';
import type { ChildrenOf } from './parityChildren';
import { childPairs, compareChildren, loadSeen, nextSeen, saveSeen, selectPairs } from './parityChildren';
import type { ParityReport } from './parityCompare';
import { agrees, compareContacts } from './parityCompare';
import type { RepairOutcome } from './parityRepair';
import { repairDifferences } from './parityRepair';
import type { ToGhlReport } from './parityToGhl';
import { compareToGhl } from './parityToGhl';
import { listAll, rankrCaller } from './rankrTarget';
import { holdsGhlTag } from './tags';

/**
 * Parity Check: reads both sides and compares them, GHL → Rankr (what Sync Contact would write), Rankr → GHL
 * (what Sync to GHL would write) or both; with Repair, runs those syncs for what it found (never deleting).
 * Every request is counted against a GHL budget; when it runs out the check stops between contacts and says
 * what it covered.
 */

export type ParityDirection = 'ghlToRankr' | 'rankrToGhl' | 'both';

export interface ParityOptions {
	direction: ParityDirection;
	query?: string;
	tag?: string;
	/** Also compare tags, and the tasks and notes of the contacts `childrenOf` picks (two GHL reads each). */
	compareChildren: boolean;
	childrenOf: ChildrenOf;
	sampleSize: number;
	repair: boolean;
	/** GHL requests this check may send; undefined: a quarter of the day's remaining quota. */
	maxRequests: number | undefined;
}

export interface ParitySummary extends IDataObject {
	direction: ParityDirection;
	ghlCount: number;
	inParity: boolean;
	compared: IDataObject;
	complete: boolean;
	stoppedByBudget: boolean;
	requests: { ghl: number; rankr: number; maxGhl: number | null };
}

export interface ParityResult {
	summary: ParitySummary;
	ghlToRankr?: ParityReport;
	rankrToGhl?: ToGhlReport;
}

export async function parityCheck(ctx: IExecuteFunctions, itemIndex: number, options: ParityOptions): Promise<ParityResult> {
	const budget = new RequestBudget(options.maxRequests);
	const counted = countingContext(ctx, budget);
	const locationId = await ghlLocation(counted);
	const call = rankrCaller(counted, itemIndex);
	const requests = () => ({ ghl: budget.ghl, rankr: budget.rankr, maxGhl: budget.max ?? null });
	const base = { direction: options.direction };

	// The automatic budget is learnt from the first answer's daily header; each further page must fit.
	let pages = 0;
	let ranOut = false;
	const mayRead = async () => {
		if (pages++ > 0) await budget.learn(counted);
		ranOut = !budget.fits(1);
		return !ranOut;
	};
	const [ghlContacts, rankrContacts] = await allOrFirstError<[IDataObject[], IDataObject[]]>([
		searchGhlContacts(counted, itemIndex, locationId, { query: options.query, tag: options.tag }, mayRead),
		// Every Rankr contact (of the tag): one linked to GHL by `links` alone, or with no GHL link, is a Rankr one too.
		listAll(call, '/v1/contacts', options.tag ? { tag: options.tag } : {}),
	]);
	await budget.learn(counted);
	if (ranOut) {
		// A part of GHL's list would make every contact not yet read look missing: nothing is judged.
		const none = () => ({ rankrCount: 0, missing: [], extra: [], duplicated: [], different: [] });
		const summary: ParitySummary = {
			...base,
			ghlCount: ghlContacts.length,
			...(options.direction === 'rankrToGhl' ? {} : none()),
			...(options.direction === 'ghlToRankr' ? {} : { rankrToGhl: none() }),
			inParity: false,
			compared: { ghlContacts: 0, rankrContacts: 0, children: 0 },
			complete: false,
			stoppedByBudget: true,
			covers: `Nothing: the request budget ran out while reading GHL's contacts (${ghlContacts.length} read), so no contact was compared.`,
			requests: requests(),
			...(options.repair ? { repaired: [], repairFailures: [] } : {}),
		};
		return { summary };
	}

	const ghlToRankr =
		options.direction === 'rankrToGhl'
			? undefined
			: compareContacts(locationId, ghlContacts, options.tag ? rankrContacts.filter((c) => holdsGhlTag(c, options.tag as string)) : rankrContacts, {
					compareTags: options.compareChildren,
					// A text query means different things in the two systems: only the GHL contacts found are checked.
					reportExtras: !options.query,
				});
	const rankrToGhl = options.direction === 'ghlToRankr' ? undefined : compareToGhl(locationId, ghlContacts, rankrContacts, { compareTags: options.compareChildren });
	const reports = { ghlToRankr: ghlToRankr?.report, rankrToGhl: rankrToGhl?.report };

	let childrenCompared = 0;
	let childrenStopped = false;
	if (options.compareChildren) {
		const staticData = ctx.getWorkflowStaticData('node');
		const stateKey = `${locationId}|${options.direction}`;
		const seen = options.childrenOf === 'changed' ? loadSeen(staticData, stateKey) : {};
		const pairs = childPairs(ghlToRankr?.pairs, rankrToGhl?.pairs);
		const selected = selectPairs(pairs, options.childrenOf, options.sampleSize, seen);
		const run = { ctx: counted, itemIndex, call, budget, locationId, ...reports };
		const { compared, equal, stoppedByBudget } = await compareChildren(run, selected);
		childrenCompared = compared;
		childrenStopped = stoppedByBudget;
		const wholeLocation = !options.query && !options.tag;
		if (options.childrenOf === 'changed') saveSeen(staticData, stateKey, nextSeen(seen, pairs, selected.slice(0, compared), equal, wholeLocation));
	}

	const inParity = (!reports.ghlToRankr || agrees(reports.ghlToRankr)) && (!reports.rankrToGhl || agrees(reports.rankrToGhl));
	const repair: RepairOutcome | undefined = options.repair && !inParity && !childrenStopped ? await repairDifferences(counted, itemIndex, budget, reports) : undefined;
	const stoppedByBudget = childrenStopped || Boolean(repair?.stoppedByBudget);
	const summary: ParitySummary = {
		...base,
		ghlCount: ghlContacts.length,
		...(reports.ghlToRankr ?? {}),
		...(reports.rankrToGhl ? { rankrToGhl: reports.rankrToGhl } : {}),
		inParity,
		compared: {
			ghlContacts: ghlContacts.length,
			rankrContacts: rankrContacts.length,
			children: childrenCompared,
			...(options.compareChildren ? { childrenOf: options.childrenOf } : {}),
		},
		complete: !stoppedByBudget,
		stoppedByBudget,
		...(stoppedByBudget ? { covers: covers(childrenStopped, childrenCompared, repair) } : {}),
		requests: requests(),
		...(options.repair ? { repaired: repair?.repaired ?? [], repairFailures: repair?.repairFailures ?? [], ...(repair?.repairsLeft ? { repairsLeft: repair.repairsLeft } : {}) } : {}),
	};
	return { summary, ...reports };
}

function covers(childrenStopped: boolean, childrenCompared: number, repair: RepairOutcome | undefined): string {
	if (childrenStopped) {
		return `Every contact's fields${childrenCompared ? `, and the tasks and notes of ${childrenCompared} contacts` : ''}: the request budget ran out before the other contacts' tasks and notes were compared${repair ? '' : ', and nothing was repaired'}.`;
	}
	return `Everything was compared; the request budget ran out with ${repair?.repairsLeft ?? 0} repairs left for the next run.`;
}
