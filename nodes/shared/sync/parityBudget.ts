import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { RequestBudget } from '../requestBudget';

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
 * inside one. Returns how many finished, whether the budget stopped it, and the first failure (after which
 * no further item starts) for the caller to raise.
 */
export async function eachWithinBudget<T>(
	budget: RequestBudget,
	items: T[],
	options: { cost: number; parallel: number },
	work: (item: T) => Promise<void>,
): Promise<{ done: number; stoppedByBudget: boolean; failure?: unknown }> {
	let next = 0;
	let done = 0;
	let reserved = 0;
	let stoppedByBudget = false;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (!failure && !stoppedByBudget && next < items.length) {
			if (!budget.fits(reserved + options.cost)) {
				stoppedByBudget = true;
				return;
			}
			const item = items[next++];
			reserved += options.cost;
			await work(item).then(
				() => {
					done++;
				},
				(error: unknown) => {
					failure = failure ?? { error };
				},
			);
			reserved -= options.cost;
		}
	};
	await Promise.all(Array.from({ length: Math.min(options.parallel, items.length) }, worker));
	return { done, stoppedByBudget, ...(failure ? { failure: failure.error } : {}) };
}
