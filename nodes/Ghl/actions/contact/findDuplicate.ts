import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { checkEmail, checkPhone, invalid } from '../../../shared/validation';

export const findDuplicate: OperationModule = {
	routes: ['GET /contacts/search/duplicate'],
	description: [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: '+14155550123' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const email = checkEmail(this, this.getNodeParameter('email', i, ''), 'Email', i);
		const number = checkPhone(this, this.getNodeParameter('phone', i, ''), 'Phone', i);
		if (!email && !number) throw invalid(this, 'Email', i, 'give an email or a phone to look for');
		const qs: IDataObject = { locationId: await ghlLocation(this), email, number };
		const response = await ghlRequest<IDataObject>(this, { method: 'GET', path: '/contacts/search/duplicate', qs, itemIndex: i });
		// One item either way, so the workflow can branch on `found`.
		return response.contact ? { found: true, ...(response.contact as IDataObject) } : { found: false };
	},
};
