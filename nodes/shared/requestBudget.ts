import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlDailyRemaining } from './ghlApi';
import type { RequestContext } from './transport/types';
import { checkNumber } from './validation';

/**
 * A long run's GHL request budget (its share of the daily quota) and the count of what each API was sent.
 * Sync Location, Parity Check, Return All and the polling triggers stop between records when it runs out.
 */
export class RequestBudget {
	ghl = 0;
	rankr = 0;
	constructor(
		/** GHL requests this run may send; undefined until learned (auto: a share of the day's remaining quota). */
		public max: number | undefined,
		private readonly autoShare: number = AUTO_BUDGET_SHARE,
	) {}

	/** The first answer's X-RateLimit-Daily-Remaining sets an automatic budget. */
	async learn(ctx: RequestContext): Promise<void> {
		if (this.max !== undefined) return;
		const remaining = await ghlDailyRemaining(ctx);
		this.max = remaining === undefined ? AUTO_WITHOUT_HEADER : Math.max(1, Math.floor(remaining * this.autoShare));
	}

	/** Whether `n` more GHL requests fit. */
	fits(n: number): boolean {
		return this.max === undefined || this.ghl + n <= this.max;
	}

	get left(): number {
		return this.max === undefined ? Number.POSITIVE_INFINITY : this.max - this.ghl;
	}
}

/** Share of the day's remaining GHL quota a run takes when Max Requests is not set: room for everything else. */
export const AUTO_BUDGET_SHARE = 0.25;

/** Used when GHL sends no daily header (it always does; the sandbox may not). */
const AUTO_WITHOUT_HEADER = 10_000;

/**
 * The Max Requests option every long run offers (Sync Location, Parity Check, Return All, the polling
 * trigger). `spends` says what counts and what happens when it runs out; `auto` what 0 means.
 */
export function maxRequestsOption(spends: string, auto = 'a quarter of what GHL’s X-RateLimit-Daily-Remaining says is left today, leaving room for everything else', displayName = 'Max Requests'): INodeProperties {
	return { displayName, name: 'maxRequests', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: `${spends} 0: ${auto}` };
}

/** Options → Max Requests of item `i`, checked before any request: undefined for 0 (the automatic budget). */
export function readMaxRequests(ctx: Pick<IExecuteFunctions, 'getNode'>, options: IDataObject, i: number, displayName = 'Max Requests'): number | undefined {
	return checkNumber(ctx as IExecuteFunctions, options.maxRequests ?? 0, displayName, i, { min: 0, integer: true }) || undefined;
}
