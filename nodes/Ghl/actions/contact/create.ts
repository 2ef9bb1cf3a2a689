import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { simplifyField, unwrap } from '../common';
import { contactBody, contactFieldsCollection, customFieldsField, dndSettingsField, inboundDndField, requireIdentity } from './fields';

export const create: OperationModule = {
	routes: ['POST /contacts/'],
	description: [contactFieldsCollection('fields', 'Contact Fields'), customFieldsField, dndSettingsField, inboundDndField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const body = contactBody.call(this, i, 'fields');
		requireIdentity.call(this, body, i, 'Contact Fields');
		body.locationId = await ghlLocation(this);
		// POST is not retried: a lost answer could otherwise create the contact twice.
		const response = await ghlRequest(this, { method: 'POST', path: '/contacts/', body, itemIndex: i });
		return unwrap.call(this, i, response, 'contact');
	},
};
