import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { invalid } from '../../../shared/validation';
import { simplifyField, unwrap } from '../common';
import { contactBody, contactFieldsCollection, customFieldsField, dndSettingsField } from './fields';

export const create: OperationModule = {
	routes: ['POST /contacts/'],
	description: [contactFieldsCollection('fields', 'Contact Fields'), customFieldsField, dndSettingsField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const body = contactBody.call(this, i, 'fields');
		if (!body.email && !body.phone && !body.firstName && !body.lastName && !body.name) {
			throw invalid(this, 'Contact Fields', i, 'give at least an email, a phone or a name');
		}
		body.locationId = await ghlLocation(this);
		const response = await ghlRequest(this, { method: 'POST', path: '/contacts/', body, itemIndex: i });
		return unwrap.call(this, i, response, 'contact');
	},
};
