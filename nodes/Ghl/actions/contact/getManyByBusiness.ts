import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { collectPagesWithin, nextSkip } from '../../../shared/transport/pagination';
import { requireId } from '../../../shared/validation';
import { returnAllFields, wantedLimit } from '../common';
import { markStopped, pagingOptions, readPaging, skipResume } from '../returnAllBudget';
import { businessIdField } from './businessFields';

/** Contacts linked to a business, paged by skip/limit (100 a page at most). */
export const getManyByBusiness: OperationModule = {
	routes: ['GET /contacts/business/{businessId}'],
	description: [
		businessIdField,
		...returnAllFields(),
		{ displayName: 'Search Query', name: 'query', type: 'string', default: '', description: 'Matches the contact name' },
		pagingOptions('contacts'),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const businessId = requireId(this, this.getNodeParameter('businessId', i), 'Business ID', i);
		const limit = wantedLimit.call(this, i);
		const query = String(this.getNodeParameter('query', i, '') ?? '').trim();
		const paging = readPaging(this, i, skipResume);
		const locationId = await ghlLocation(this);
		const walk = await collectPagesWithin<IDataObject, number>(
			async (skip, pageSize) => {
				// SPEC-QUIRKS 7: GHL types limit and skip of this endpoint as strings.
				const qs: IDataObject = { locationId, limit: String(pageSize), skip: String(skip ?? 0), ...(query ? { query } : {}) };
				const response = await ghlRequest<{ contacts?: IDataObject[] }>(this, {
					method: 'GET',
					path: apiPath`/contacts/business/${businessId}`,
					qs,
					itemIndex: i,
				});
				const contacts = response.contacts ?? [];
				return { items: contacts, next: nextSkip(skip, contacts.length, pageSize) };
			},
			{ limit, pageSize: 100, budget: paging.budget, start: paging.start },
		);
		return markStopped(this, i, walk.items, walk.resume === undefined ? undefined : { skip: walk.resume }, paging, 'contacts');
	},
};
