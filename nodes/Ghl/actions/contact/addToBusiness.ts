import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { requireId } from '../../../shared/validation';
import { contactIdsField, getContactIds } from '../common';
import { businessIdField, setBusiness } from './businessFields';

export const addToBusiness: OperationModule = {
	routes: ['POST /contacts/bulk/business'],
	description: [contactIdsField, businessIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const ids = getContactIds.call(this, i);
		const businessId = requireId(this, this.getNodeParameter('businessId', i), 'Business ID', i);
		return await setBusiness(this, i, ids, businessId);
	},
};
