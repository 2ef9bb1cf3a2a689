import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { collectPages, nextSkip } from '../../../shared/transport/pagination';
import { invalid, requireId, toList } from '../../../shared/validation';
import { returnAllFields, wantedLimit } from '../common';

const businessIdField: INodeProperties = { displayName: 'Business ID', name: 'businessId', type: 'string', default: '', required: true };
const contactIdsField: INodeProperties = {
	displayName: 'Contact IDs',
	name: 'contactIds',
	type: 'string',
	default: '',
	required: true,
	description: 'Comma-separated contact IDs, or an expression giving a list',
};

export const getManyByBusiness: OperationModule = {
	routes: ['GET /contacts/business/{businessId}'],
	description: [businessIdField, ...returnAllFields(), { displayName: 'Search Query', name: 'query', type: 'string', default: '' }],
	async execute(this: IExecuteFunctions, i: number) {
		const businessId = requireId(this, this.getNodeParameter('businessId', i), 'Business ID', i);
		const query = this.getNodeParameter('query', i, '') as string;
		const locationId = await ghlLocation(this);
		return await collectPages<IDataObject, number>(
			async (skip, pageSize) => {
				// quirk 7: GHL types limit and skip of this endpoint as strings.
				const qs: IDataObject = { locationId, limit: String(pageSize), skip: String(skip ?? 0), ...(query ? { query } : {}) };
				const response = await ghlRequest<{ contacts: IDataObject[] }>(this, { method: 'GET', path: apiPath`/contacts/business/${businessId}`, qs, itemIndex: i });
				return { items: response.contacts, next: nextSkip(skip, response.contacts.length, pageSize) };
			},
			{ limit: wantedLimit.call(this, i), pageSize: 100 },
		);
	},
};

function bulkBusiness(remove: boolean): OperationModule {
	return {
		routes: ['POST /contacts/bulk/business'],
		description: remove ? [contactIdsField] : [contactIdsField, businessIdField],
		async execute(this: IExecuteFunctions, i: number) {
			const ids = toList(this.getNodeParameter('contactIds', i));
			if (!ids.length) throw invalid(this, 'Contact IDs', i, 'is required but empty');
			ids.forEach((id) => requireId(this, id, 'Contact IDs', i));
			const businessId = remove ? null : requireId(this, this.getNodeParameter('businessId', i), 'Business ID', i);
			const body = { locationId: await ghlLocation(this), ids, businessId };
			return await ghlRequest(this, { method: 'POST', path: '/contacts/bulk/business', body, idempotent: true, itemIndex: i });
		},
	};
}

export const addToBusiness = bulkBusiness(false);
export const removeFromBusiness = bulkBusiness(true);
