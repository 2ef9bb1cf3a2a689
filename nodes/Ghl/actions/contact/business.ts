import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { collectPages, nextSkip } from '../../../shared/transport/pagination';
import { requireId } from '../../../shared/validation';
import { contactIdsField, getContactIds, returnAllFields, wantedLimit } from '../common';

/** Contacts and GHL businesses (companies): list a business's contacts, link or unlink contacts in bulk. */
const businessIdField: INodeProperties = {
	displayName: 'Business ID',
	name: 'businessId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 63b7ec34ea409a9a8bd2a4ff',
};

export const getManyByBusiness: OperationModule = {
	routes: ['GET /contacts/business/{businessId}'],
	description: [
		businessIdField,
		...returnAllFields(),
		{ displayName: 'Search Query', name: 'query', type: 'string', default: '', description: 'Matches the contact name' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const businessId = requireId(this, this.getNodeParameter('businessId', i), 'Business ID', i);
		const limit = wantedLimit.call(this, i);
		const query = String(this.getNodeParameter('query', i, '') ?? '').trim();
		const locationId = await ghlLocation(this);
		return await collectPages<IDataObject, number>(
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
			{ limit, pageSize: 100 },
		);
	},
};

function bulkBusiness(remove: boolean): OperationModule {
	return {
		routes: ['POST /contacts/bulk/business'],
		description: remove ? [contactIdsField] : [contactIdsField, businessIdField],
		async execute(this: IExecuteFunctions, i: number) {
			const ids = getContactIds.call(this, i);
			// GHL unlinks with businessId null (the field is required, so it is sent explicitly).
			const businessId = remove ? null : requireId(this, this.getNodeParameter('businessId', i), 'Business ID', i);
			const body = { locationId: await ghlLocation(this), ids, businessId };
			// Setting the same business twice leaves the same state, so a retry is harmless.
			return await ghlRequest(this, { method: 'POST', path: '/contacts/bulk/business', body, idempotent: true, itemIndex: i });
		},
	};
}

export const addToBusiness = bulkBusiness(false);
export const removeFromBusiness = bulkBusiness(true);
