import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { RequestBudget } from '../requestBudget';
import { eachWithinBudget } from './parityBudget';
import type { ParityReport } from './parityCompare';
import type { ToGhlReport } from './parityToGhl';
import { COMPLETE_STATUSES, SOFT_DELETE_TAG } from './parityToGhl';
import { syncContact } from './syncContact';
import { syncToGhl } from './syncToGhl';

/**
 * Repairs what a Parity Check found with the syncs themselves, never deleting: contacts missing or different
 * in GHL go through Sync to GHL, those missing or different in Rankr through Sync Contact, both with their
 * deletions set to Keep. The link snapshots decide which side wins each field, as in any sync. Extras and
 * duplicates are only reported; so are Rankr contacts whose GHL contact GHL deleted (Sync Contact would
 * archive them, Sync to GHL make them again: the choice is the user's).
 */

export type Direction = 'ghlToRankr' | 'rankrToGhl';

export interface RepairEntry extends IDataObject {
	ghlContactId?: string;
	rankrContactId?: string;
	direction: Direction;
}

export interface RepairOutcome {
	repaired: RepairEntry[];
	repairFailures: RepairEntry[];
	/** Repairs the budget left for the next run. */
	repairsLeft: number;
	stoppedByBudget: boolean;
}

/** Estimated GHL requests of one repair (reads, a write or two, tags, children); a repair under way always finishes. */
const TO_GHL_COST = 10;
const TO_RANKR_COST = 4;
const PARALLEL_REPAIRS = 4;

const unique = (ids: string[]) => [...new Set(ids)];
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function repairDifferences(
	ctx: IExecuteFunctions,
	itemIndex: number,
	budget: RequestBudget,
	reports: { ghlToRankr?: ParityReport; rankrToGhl?: ToGhlReport },
): Promise<RepairOutcome> {
	const out: RepairOutcome = { repaired: [], repairFailures: [], repairsLeft: 0, stoppedByBudget: false };
	const record = (entry: RepairEntry, result: IDataObject) => {
		if (result.changed !== true) return;
		const { conflicts, skipped } = result;
		out.repaired.push({ ...entry, changes: result.changes as IDataObject, ...(conflicts ? { conflicts } : {}), ...(skipped ? { skipped } : {}) });
	};

	// Rankr → GHL first: a Rankr contact Sync to GHL links to an existing GHL contact (its duplicate lookup) is
	// then no longer missing in Rankr, and Sync Contact must not make it a second Rankr copy.
	const toGhl = reports.rankrToGhl;
	const rankrIds = toGhl
		? unique([...toGhl.missing.filter((m) => m.reason === 'not in GHL').map((m) => String(m.rankrContactId)), ...toGhl.different.map((d) => d.rankrContactId)])
		: [];
	const linkedNow = new Set<string>();
	const first = await eachWithinBudget(budget, rankrIds, { cost: TO_GHL_COST, parallel: PARALLEL_REPAIRS }, async (rankrContactId) => {
		try {
			const result = await syncToGhl(ctx, itemIndex, { rankrContactId, completeStatuses: COMPLETE_STATUSES, deletions: 'keep', softDeleteTag: SOFT_DELETE_TAG });
			if (typeof result.ghlContactId === 'string') linkedNow.add(result.ghlContactId);
			record({ rankrContactId, ghlContactId: (result.ghlContactId as string) ?? undefined, direction: 'rankrToGhl' }, result);
		} catch (error) {
			out.repairFailures.push({ rankrContactId, direction: 'rankrToGhl', error: message(error) });
		}
	});

	const toRankr = reports.ghlToRankr;
	const ghlIds = toRankr
		? unique([...toRankr.missing.map((m) => String(m.ghlContactId)).filter((id) => !linkedNow.has(id)), ...toRankr.different.map((d) => d.ghlContactId)])
		: [];
	const second = first.stoppedByBudget
		? { done: 0, stoppedByBudget: true }
		: await eachWithinBudget(budget, ghlIds, { cost: TO_RANKR_COST, parallel: PARALLEL_REPAIRS }, async (ghlContactId) => {
				try {
					const result = await syncContact(ctx, itemIndex, { ghlContactId, deletions: 'keep' });
					record({ ghlContactId, rankrContactId: result.rankrContactId ?? undefined, direction: 'ghlToRankr' }, result);
				} catch (error) {
					out.repairFailures.push({ ghlContactId, direction: 'ghlToRankr', error: message(error) });
				}
			});
	out.repairsLeft = rankrIds.length - first.done + ghlIds.length - second.done;
	out.stoppedByBudget = first.stoppedByBudget || second.stoppedByBudget;
	return out;
}
