import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { readMaxRequests, RequestBudget } from '../shared/requestBudget';
import type { PageBudget } from '../shared/transport/pagination';

/**
 * Share of the day's remaining GHL quota one poll may take when Max Requests per Poll is 0. Smaller than a
 * run's quarter: a poller runs every minute or so, and a backlog is read over several polls anyway.
 */
export const AUTO_POLL_SHARE = 0.01;

/** Options → Max Requests per Poll as paging's budget, checked before any request. */
export function pollRequestBudget(ctx: IPollFunctions): PageBudget {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const budget = new RequestBudget(readMaxRequests(ctx, options, 0, 'Max Requests per Poll'), AUTO_POLL_SHARE);
	return {
		fits: () => budget.fits(1),
		paid: async () => {
			budget.ghl++;
			await budget.learn(ctx);
		},
	};
}
