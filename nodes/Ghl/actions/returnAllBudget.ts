import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { maxRequestsOption, readMaxRequests, RequestBudget } from '../../shared/requestBudget';
import type { PageBudget } from '../../shared/transport/pagination';
import { invalid } from '../../shared/validation';

/**
 * The request budget of a paged list (Return All over a large location): Max Requests, and Resume From
 * to go on where a run stopped. A run that spends its budget stops between pages, outputs what it read,
 * marks its last item with `resumeFrom` and tells the user in the output pane.
 */

/** The key on the last output item that says where to go on: the value Resume From takes. */
export const RESUME_KEY = 'resumeFrom';

export function pagingOptions(what: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			maxRequestsOption(`GHL requests (pages) this item may send; when they run out it stops between pages, outputs the ${what} read so far and puts "${RESUME_KEY}" on the last one.`),
			{
				displayName: 'Resume From',
				name: 'resumeFrom',
				type: 'string',
				default: '',
				placeholder: `e.g. {{ $json.${RESUME_KEY} }}`,
				description: `The "${RESUME_KEY}" of the last item of a run that Max Requests stopped: this run goes on from there. Empty: from the start.`,
			},
		],
	};
}

export interface Paging<C> {
	budget: PageBudget & { readonly spent: number; readonly max: number | undefined };
	/** Where to start: the decoded Resume From, undefined for the first page. */
	start?: C;
}

/**
 * Max Requests and Resume From, checked before any request. `parseResume` turns the decoded JSON into
 * the operation's cursor, or undefined when it is not one.
 */
export function readPaging<C>(ctx: IExecuteFunctions, i: number, parseResume: (value: IDataObject) => C | undefined): Paging<C> {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const budget = new RequestBudget(readMaxRequests(ctx, options, i));
	const paging: Paging<C> = {
		budget: {
			fits: () => budget.fits(1),
			paid: async () => {
				budget.ghl++;
				await budget.learn(ctx);
			},
			get spent() {
				return budget.ghl;
			},
			get max() {
				return budget.max;
			},
		},
	};
	const text = typeof options.resumeFrom === 'string' ? options.resumeFrom.trim() : options.resumeFrom;
	if (text === undefined || text === null || text === '') return paging;
	let decoded: unknown = text;
	try {
		if (typeof decoded === 'string') decoded = JSON.parse(decoded);
	} catch {
		decoded = undefined;
	}
	const start = decoded && typeof decoded === 'object' && !Array.isArray(decoded) ? parseResume(decoded as IDataObject) : undefined;
	if (start === undefined) {
		const shown = JSON.stringify(typeof text === 'string' ? text.slice(0, 60) : JSON.stringify(text)?.slice(0, 60));
		throw invalid(ctx, 'Resume From', i, `${shown} is not a position this operation gave`, `Use the "${RESUME_KEY}" of the last item of an earlier run of this same operation.`);
	}
	return { ...paging, start };
}

/**
 * A walk the budget stopped: the last item carries where to go on, and the output pane says so. Items
 * stay whole (the walk stops between pages); nothing is said when the walk reached the end.
 */
export function markStopped(ctx: IExecuteFunctions, i: number, items: IDataObject[], resume: IDataObject | undefined, paging: Paging<unknown>, what: string): IDataObject[] {
	if (!resume || items.length === 0) return items;
	const token = JSON.stringify(resume);
	items[items.length - 1] = { ...items[items.length - 1], [RESUME_KEY]: token };
	const message =
		`Item ${i}: stopped after ${paging.budget.spent} GHL requests (Max Requests ${paging.budget.max ?? '?'}) with ${items.length} ${what}; more may remain. ` +
		`The last item's "${RESUME_KEY}" goes on from there: put it in Options → Resume From (e.g. {{ $json.${RESUME_KEY} }}).`;
	// addExecutionHints exists in n8n ≥ 1.x's execute context; older hosts just get the marker.
	if (typeof ctx.addExecutionHints === 'function') ctx.addExecutionHints({ message, type: 'warning', location: 'outputPane' });
	ctx.logger.info(`GHL: ${message}`);
	return items;
}

/** Resume positions of the skip/limit lists. */
export function skipResume(value: IDataObject): number | undefined {
	const skip = value.skip;
	return typeof skip === 'number' && Number.isInteger(skip) && skip >= 0 ? skip : undefined;
}
