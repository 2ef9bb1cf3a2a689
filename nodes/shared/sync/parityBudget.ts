import type { RequestBudget } from '../requestBudget';

/** Parity Check counts its requests, its repairs' included, through a counting context (nodes/shared/requestBudget.ts). */
export { countingContext } from '../requestBudget';

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
