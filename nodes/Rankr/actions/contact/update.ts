import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, getContactChoice, getContactId, simplifyContact, simplifyField } from '../common';
import { contactBody, contactFieldOptions } from './fields';

export const update: OperationModule = {
	routes: ['PATCH /v1/contacts/{contactId}'],
	description: [
		contactLocator(),
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: contactFieldOptions },
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const body = contactBody.call(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalid(this, 'Update Fields', i, 'nothing to update', 'Add at least one field to change.');
		const contactId = await getContactId.call(this, i);
		const contact = await rankrRequest(this, { method: 'PATCH', path: apiPath`/v1/contacts/${contactId}`, body, itemIndex: i });
		return simplifyContact.call(this, i, contact);
	},
};
