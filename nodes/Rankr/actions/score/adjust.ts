import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, getContactChoice, getContactId } from '../common';
import { getReason, getWholeNumber, reasonField } from './fields';

export const adjust: OperationModule = {
	routes: ['POST /v1/contacts/{contactId}/score/adjust'],
	description: [
		contactLocator(),
		{ displayName: 'Change By', name: 'delta', type: 'number', typeOptions: { numberPrecision: 0 }, default: 10, required: true, description: 'Points to add (negative to subtract)' },
		{ ...reasonField, required: true },
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const delta = getWholeNumber.call(this, i, 'delta', 'Change By');
		if (delta === 0) throw invalid(this, 'Change By', i, 'is 0, which changes nothing');
		const reason = getReason.call(this, i, true);
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, { method: 'POST', path: apiPath`/v1/contacts/${contactId}/score/adjust`, body: { delta, reason }, itemIndex: i });
	},
};
