import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { RequestBudget } from '../requestBudget';
import { allOrFirstError } from './errors';

/**
 * Parity Check's request count. Its repairs run Sync Contact and Sync to GHL unchanged, which send through the
 * transport with the context they are given; so the check hands every step a context whose HTTP helper counts
 * each request sent (per API, retries included: GHL's daily quota counts them too) before passing it on.
 */
export function countingContext(ctx: IExecuteFunctions, budget: RequestBudget): IExecuteFunctions {
	const send = ctx.helpers.httpRequestWithAuthentication;
	const helpers = {
		...ctx.helpers,
		async httpRequestWithAuthentication(credentialType: string, options: IHttpRequestOptions, extra?: Parameters<typeof send>[2]) {
			if (credentialType === 'rankrApi') budget.rankr++;
			else budget.ghl++;
			return await send.call(ctx, credentialType, options, extra);
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

/**
 * Runs `work` for each item in order, up to `parallel` at once, starting an item only while its estimated GHL
 * cost (with what the items under way may still spend) fits the budget: a run stops between contacts, never
 * inside one. Returns how many were started and finished, and whether the budget stopped it.
 */
export async function eachWithinBudget<T>(
	budget: RequestBudget,
	items: T[],
	options: { cost: number; parallel: number },
	work: (item: T) => Promise<void>,
): Promise<{ done: number; stoppedByBudget: boolean }> {
	let next = 0;
	let done = 0;
	let reserved = 0;
	let stoppedByBudget = false;
	let failed = false;
	const worker = async () => {
		// After one failure the others take no more items: the failure is the run's.
		while (!failed && !stoppedByBudget && next < items.length) {
			if (!budget.fits(reserved + options.cost)) {
				stoppedByBudget = true;
				return;
			}
			const item = items[next++];
			reserved += options.cost;
			try {
				await work(item);
				done++;
			} catch (error) {
				failed = true;
				throw error;
			} finally {
				reserved -= options.cost;
			}
		}
	};
	await allOrFirstError<void[]>(Array.from({ length: Math.min(options.parallel, items.length) }, worker));
	return { done, stoppedByBudget };
}
