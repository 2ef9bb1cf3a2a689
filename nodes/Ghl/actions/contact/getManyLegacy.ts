import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import type { StartAfterCursor } from '../../../shared/transport/pagination';
import { collectPagesWithin, nextStartAfter } from '../../../shared/transport/pagination';
import { returnAllFields, wantedLimit } from '../common';
import { markStopped, pagingOptions, readPaging } from '../returnAllBudget';

/** Resume From for the legacy list: GHL's own `{startAfter, startAfterId}`. */
function startAfterResume(value: IDataObject): StartAfterCursor | undefined {
	const { startAfter, startAfterId } = value;
	if (typeof startAfterId !== 'string' || !/^[A-Za-z0-9_-]{1,50}$/.test(startAfterId)) return undefined;
	return typeof startAfter === 'number' || (typeof startAfter === 'string' && startAfter !== '') ? { startAfter, startAfterId } : undefined;
}

/** GHL's deprecated list endpoint, kept reachable for workflows built on it; 100 a page at most. */
export const getManyLegacy: OperationModule = {
	routes: ['GET /contacts/'],
	description: [
		{ displayName: 'GHL has deprecated this endpoint; prefer Get Many, which searches with filters and sorting', name: 'legacyNotice', type: 'notice', default: '' },
		...returnAllFields(),
		{ displayName: 'Search Query', name: 'query', type: 'string', default: '', description: 'Matches name, email, phone and company' },
		pagingOptions('contacts'),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const limit = wantedLimit.call(this, i);
		const query = String(this.getNodeParameter('query', i, '') ?? '').trim();
		const paging = readPaging(this, i, startAfterResume);
		const locationId = await ghlLocation(this);
		const walk = await collectPagesWithin<IDataObject, StartAfterCursor>(
			async (cursor, pageSize) => {
				const qs: IDataObject = { locationId, limit: pageSize, ...(query ? { query } : {}), ...(cursor ?? {}) };
				// SPEC-QUIRKS 6: meta.nextPageUrl drops the limit, so the cursor is rebuilt from meta instead.
				const response = await ghlRequest<{ contacts?: IDataObject[]; meta?: IDataObject }>(this, { method: 'GET', path: '/contacts/', qs, itemIndex: i });
				const contacts = response.contacts ?? [];
				return { items: contacts, next: nextStartAfter(response.meta as never, contacts.length, pageSize) };
			},
			{ limit, pageSize: 100, budget: paging.budget, start: paging.start },
		);
		return markStopped(this, i, walk.items, walk.resume as IDataObject | undefined, paging, 'contacts');
	},
};
