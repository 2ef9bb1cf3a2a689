import type { IAllExecuteFunctions, IDataObject, IExecuteFunctions, IHttpRequestOptions, INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

/**
 * Thrown instead of a GHL request the budget has no room for, by a context made with `refuseWhenSpent`. A
 * NodeOperationError, so the transport passes it on as it is (n8n's own refusals are not retried).
 */
export class BudgetSpentError extends NodeOperationError {
	constructor(
		node: INode,
		readonly max: number,
	) {
		super(node, `The request budget of ${max} GHL requests is spent`);
	}
}

/**
 * A context whose HTTP helper counts every request it sends (per API, retries included: GHL's daily quota
 * counts them too), for work that sends through the transport without knowing of a budget (Parity Check's
 * repairs, the Task Completed watch). With `refuseWhenSpent`, a GHL request past the budget throws
 * BudgetSpentError instead of being sent, and the first answer sets an automatic budget.
 */
export function countingContext<C extends Pick<IAllExecuteFunctions, 'helpers'> & RequestContext>(ctx: C, budget: RequestBudget, options: { refuseWhenSpent?: boolean } = {}): C {
	const send = ctx.helpers.httpRequestWithAuthentication;
	const helpers = {
		...ctx.helpers,
		async httpRequestWithAuthentication(credentialType: string, request: IHttpRequestOptions, extra?: Parameters<typeof send>[2]) {
			const ghl = credentialType !== 'rankrApi';
			if (ghl && options.refuseWhenSpent) {
				// The transport records an answer's headers after this helper returns, so the automatic budget is
				// learned from the previous answer, before the next request.
				if (budget.ghl > 0) await budget.learn(ctx);
				if (!budget.fits(1)) throw new BudgetSpentError(ctx.getNode(), budget.max ?? 0);
			}
			if (ghl) budget.ghl++;
			else budget.rankr++;
			return (await send.call(ctx as unknown as IAllExecuteFunctions, credentialType, request, extra)) as unknown;
		},
	};
	// Methods run on the real context (bound), so nothing of n8n's own bookkeeping sees the wrapper.
	return new Proxy(ctx, {
		get(target, prop) {
			if (prop === 'helpers') return helpers;
			const value = Reflect.get(target, prop, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
