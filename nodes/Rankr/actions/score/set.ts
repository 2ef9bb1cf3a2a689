import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { compact } from '../../../shared/validation';
import { contactLocator, getContactChoice, getContactId } from '../common';
import { getReason, getWholeNumber, reasonField } from './fields';

export const set: OperationModule = {
	routes: ['PUT /v1/contacts/{contactId}/score'],
	description: [
		contactLocator(),
		{ displayName: 'Score', name: 'score', type: 'number', typeOptions: { numberPrecision: 0 }, default: 0, required: true, description: 'The new lead score (a whole number)' },
		reasonField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const body = compact({ score: getWholeNumber.call(this, i, 'score', 'Score'), reason: getReason.call(this, i, false) });
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, { method: 'PUT', path: apiPath`/v1/contacts/${contactId}/score`, body, itemIndex: i });
	},
};
