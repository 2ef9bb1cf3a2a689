import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import type { StartAfterCursor } from '../../../shared/transport/pagination';
import { collectPages, nextStartAfter } from '../../../shared/transport/pagination';
import { returnAllFields, wantedLimit } from '../common';

/** GHL's deprecated list endpoint, kept reachable for workflows built on it; 100 a page at most. */
export const getManyLegacy: OperationModule = {
	routes: ['GET /contacts/'],
	description: [
		{ displayName: 'GHL has deprecated this endpoint; prefer Get Many, which searches with filters and sorting', name: 'legacyNotice', type: 'notice', default: '' },
		...returnAllFields(),
		{ displayName: 'Search Query', name: 'query', type: 'string', default: '', description: 'Matches name, email, phone and company' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const limit = wantedLimit.call(this, i);
		const query = String(this.getNodeParameter('query', i, '') ?? '').trim();
		const locationId = await ghlLocation(this);
		return await collectPages<IDataObject, StartAfterCursor>(
			async (cursor, pageSize) => {
				const qs: IDataObject = { locationId, limit: pageSize, ...(query ? { query } : {}), ...(cursor ?? {}) };
				// SPEC-QUIRKS 6: meta.nextPageUrl drops the limit, so the cursor is rebuilt from meta instead.
				const response = await ghlRequest<{ contacts?: IDataObject[]; meta?: IDataObject }>(this, { method: 'GET', path: '/contacts/', qs, itemIndex: i });
				const contacts = response.contacts ?? [];
				return { items: contacts, next: nextStartAfter(response.meta as never, contacts.length, pageSize) };
			},
			{ limit, pageSize: 100 },
		);
	},
};
