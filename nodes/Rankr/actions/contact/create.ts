import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { invalid } from '../../../shared/validation';
import { simplifyContact, simplifyField } from '../common';
import { contactBody, contactFieldOptions } from './fields';

export const create: OperationModule = {
	routes: ['POST /v1/contacts'],
	description: [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Rankr needs an email, a phone or an External Ref' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactFieldOptions.filter((o) => o.name !== 'email'),
		},
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = contactBody.call(this, i, { ...extra, email: this.getNodeParameter('email', i, '') });
		if (!body.email && !body.phone && !body.externalRef) {
			throw invalid(this, 'Email', i, 'is empty, and so are Phone and External Ref', 'Rankr identifies a contact by one of them: fill at least one.');
		}
		const contact = await rankrRequest(this, { method: 'POST', path: '/v1/contacts', body, itemIndex: i });
		return simplifyContact.call(this, i, contact);
	},
};
