import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { nodeError } from '../apiErrors';
import type { RequestBudget } from '../requestBudget';
import { allOrFirstError } from './errors';
import { readGhlChildren } from './ghlSource';
import { eachWithinBudget } from './parityBudget';
import type { MatchedPair, ParityReport } from './parityCompare';
import { addContactDifferences, addDifferences, childDifferences } from './parityCompare';
import type { ToGhlPair, ToGhlReport } from './parityToGhl';
import { childDifferencesToGhl } from './parityToGhl';
import type { RankrCall } from './rankrTarget';
import { listChildren } from './rankrTarget';

/**
 * Tasks and notes cost two GHL reads (and two Rankr reads) per contact, so a daily check compares them only
 * where something may have changed: contacts whose GHL `dateUpdated` (or Rankr `updatedAt`) moved since the
 * last check found their children equal, kept per location in the workflow's static data; or a random sample;
 * or every contact.
 */

export type ChildrenOf = 'changed' | 'sample' | 'all';

export interface ChildPair {
	ghl: IDataObject;
	rankr: IDataObject;
}

export interface ChildRun {
	ctx: IExecuteFunctions;
	itemIndex: number;
	call: RankrCall;
	budget: RequestBudget;
	locationId: string;
	/** The directions' reports the differences go into (undefined: that direction is not checked). */
	ghlToRankr?: ParityReport;
	rankrToGhl?: ToGhlReport;
}

/** GHL requests a contact's children cost: its tasks and its notes. */
const GHL_READS_PER_CONTACT = 2;
const PARALLEL_CONTACTS = 8;
const STATE_KEY = 'parityChildren';

const pairKey = (p: ChildPair) => `${String(p.ghl.id)}|${String(p.rankr.id)}`;
/** What must stay the same for a contact's children to count as unchanged since they were last found equal. */
const stamp = (p: ChildPair) => `${String(p.ghl.dateUpdated ?? '')}|${String(p.rankr.updatedAt ?? '')}`;

/** The matched contacts of both directions, each pair once (usually the same pairs). */
export function childPairs(ghlToRankr: MatchedPair[] = [], rankrToGhl: ToGhlPair[] = []): ChildPair[] {
	const out = new Map<string, ChildPair>();
	for (const p of [...ghlToRankr, ...rankrToGhl]) if (!out.has(pairKey(p))) out.set(pairKey(p), { ghl: p.ghl, rankr: p.rankr });
	return [...out.values()];
}

/** The state of one check set-up (location and direction): contact pair → its stamp when its children were last equal. */
export function loadSeen(staticData: IDataObject, key: string): Record<string, string> {
	const all = (staticData[STATE_KEY] ?? {}) as IDataObject;
	const mine = all[key] as IDataObject | undefined;
	return { ...((mine?.seen ?? {}) as Record<string, string>) };
}

export function saveSeen(staticData: IDataObject, key: string, seen: Record<string, string>): void {
	const all = (staticData[STATE_KEY] ?? {}) as IDataObject;
	staticData[STATE_KEY] = { ...all, [key]: { seen } };
}

export function selectPairs(pairs: ChildPair[], childrenOf: ChildrenOf, sampleSize: number, seen: Record<string, string>): ChildPair[] {
	if (childrenOf === 'all') return pairs;
	if (childrenOf === 'changed') return pairs.filter((p) => seen[pairKey(p)] !== stamp(p));
	// A partial Fisher–Yates shuffle: N distinct contacts, each equally likely.
	const pool = [...pairs];
	const n = Math.min(sampleSize, pool.length);
	for (let i = 0; i < n; i++) {
		const j = i + Math.floor(Math.random() * (pool.length - i));
		[pool[i], pool[j]] = [pool[j], pool[i]];
	}
	return pool.slice(0, n);
}

/**
 * Compares the selected contacts' tasks and notes in the directions checked, while the budget lasts.
 * Returns the pairs compared and which of them had no child difference (recorded as seen).
 */
export async function compareChildren(run: ChildRun, pairs: ChildPair[]): Promise<{ compared: number; equal: ChildPair[]; stoppedByBudget: boolean }> {
	const equal: ChildPair[] = [];
	const compareOne = async (pair: ChildPair) => {
		const ghlId = String(pair.ghl.id);
		const rankrId = String(pair.rankr.id);
		const [ghl, rankrTasks, rankrNotes] = await allOrFirstError<[Awaited<ReturnType<typeof readGhlChildren>>, IDataObject[], IDataObject[]]>([
			readGhlChildren(run.ctx, run.itemIndex, ghlId),
			listChildren(run.call, 'task', rankrId),
			listChildren(run.call, 'note', rankrId),
		]);
		const toRankr = run.ghlToRankr
			? [...childDifferences(run.locationId, 'task', ghl.tasks, rankrTasks), ...childDifferences(run.locationId, 'note', ghl.notes, rankrNotes)]
			: [];
		const toGhl = run.rankrToGhl
			? [...childDifferencesToGhl(run.locationId, 'task', rankrTasks, ghl.tasks), ...childDifferencesToGhl(run.locationId, 'note', rankrNotes, ghl.notes)]
			: [];
		if (run.ghlToRankr) addDifferences(run.ghlToRankr, pair, toRankr);
		if (run.rankrToGhl) addContactDifferences(run.rankrToGhl.different, ghlId, rankrId, toGhl);
		if (!toRankr.length && !toGhl.length) equal.push(pair);
	};
	const { done, stoppedByBudget, failure } = await eachWithinBudget(run.budget, pairs, { cost: GHL_READS_PER_CONTACT, parallel: PARALLEL_CONTACTS }, compareOne);
	// One contact's reads failing fails the check as a whole (as before), after the reads under way ended.
	if (failure !== undefined) throw nodeError(run.ctx.getNode(), failure);
	return { compared: done, equal, stoppedByBudget };
}

/**
 * The seen-state after a check: contacts found equal get their stamp, those found different lose it (so the
 * next check looks again); with the whole location read, contacts no longer matched are forgotten.
 */
export function nextSeen(seen: Record<string, string>, all: ChildPair[], compared: ChildPair[], equal: ChildPair[], wholeLocation: boolean): Record<string, string> {
	const keep = wholeLocation ? new Set(all.map(pairKey)) : undefined;
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(seen)) if (!keep || keep.has(key)) out[key] = value;
	for (const p of compared) delete out[pairKey(p)];
	for (const p of equal) out[pairKey(p)] = stamp(p);
	return out;
}
