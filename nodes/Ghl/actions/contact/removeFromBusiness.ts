import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { contactIdsField, getContactIds } from '../common';
import { setBusiness } from './businessFields';

/** Unlinks contacts from whatever business they belong to: GHL takes businessId null for that. */
export const removeFromBusiness: OperationModule = {
	routes: ['POST /contacts/bulk/business'],
	description: [contactIdsField],
	async execute(this: IExecuteFunctions, i: number) {
		const ids = getContactIds.call(this, i);
		return await setBusiness(this, i, ids, null);
	},
};
