import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, getContactId, simplifyField, unwrap } from '../common';
import { contactBody, contactFieldsCollection, customFieldsField, dndSettingsField, inboundDndField } from './fields';

export const update: OperationModule = {
	routes: ['PUT /contacts/{contactId}'],
	description: [
		contactLocator(),
		{
			displayName: 'Setting Tags here replaces all of the contact\'s tags. Use Tag → Add to keep the existing ones.',
			name: 'tagsNotice',
			type: 'notice',
			default: '',
		},
		contactFieldsCollection('updateFields', 'Update Fields', { forUpdate: true }),
		customFieldsField,
		dndSettingsField,
		inboundDndField,
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const id = getContactId.call(this, i);
		const body = contactBody.call(this, i, 'updateFields');
		if (Object.keys(body).length === 0) throw invalid(this, 'Update Fields', i, 'choose at least one field to update');
		const response = await ghlRequest(this, { method: 'PUT', path: apiPath`/contacts/${id}`, body, itemIndex: i });
		return unwrap.call(this, i, response, 'contact');
	},
};
