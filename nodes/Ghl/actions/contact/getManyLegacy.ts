import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import type { StartAfterCursor } from '../../../shared/transport/pagination';
import { collectPages, nextStartAfter } from '../../../shared/transport/pagination';
import { returnAllFields, wantedLimit } from '../common';

/** GHL's deprecated list endpoint, kept reachable for workflows built on it. */
export const getManyLegacy: OperationModule = {
	routes: ['GET /contacts/'],
	description: [
		{ displayName: 'GHL deprecated this endpoint; prefer Get Many (search)', name: 'legacyNotice', type: 'notice', default: '' },
		...returnAllFields(),
		{ displayName: 'Search Query', name: 'query', type: 'string', default: '' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const locationId = await ghlLocation(this);
		const query = this.getNodeParameter('query', i, '') as string;
		return await collectPages<IDataObject, StartAfterCursor>(
			async (cursor, pageSize) => {
				const qs: IDataObject = { locationId, limit: pageSize, ...(query ? { query } : {}), ...(cursor ?? {}) };
				// quirk 6: meta.nextPageUrl drops the limit, so the cursor is rebuilt from meta instead.
				const response = await ghlRequest<{ contacts: IDataObject[]; meta?: IDataObject }>(this, { method: 'GET', path: '/contacts/', qs, itemIndex: i });
				return { items: response.contacts, next: nextStartAfter(response.meta as never, response.contacts.length, pageSize) };
			},
			{ limit: wantedLimit.call(this, i), pageSize: 100 },
		);
	},
};
