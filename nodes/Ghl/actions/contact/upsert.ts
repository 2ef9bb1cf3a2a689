import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { invalid } from '../../../shared/validation';
import { contactBody, contactFieldsCollection, customFieldsField, dndSettingsField } from './fields';

export const upsert: OperationModule = {
	routes: ['POST /contacts/upsert'],
	description: [
		{
			displayName:
				'GHL matches on email or phone and follows the location\'s "Allow Duplicate Contact" setting (Settings → Business Profile): with duplicates allowed, a new contact may be created instead of updating one',
			name: 'upsertNotice',
			type: 'notice',
			default: '',
		},
		contactFieldsCollection('fields', 'Contact Fields'),
		customFieldsField,
		dndSettingsField,
		{ displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description: 'Whether to return the contact with a "new" flag instead of the raw response' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const body = contactBody.call(this, i, 'fields');
		if (!body.email && !body.phone) throw invalid(this, 'Contact Fields', i, 'upsert needs an email or a phone to match on');
		body.locationId = await ghlLocation(this);
		const response = await ghlRequest(this, { method: 'POST', path: '/contacts/upsert', body, idempotent: true, itemIndex: i });
		if (!(this.getNodeParameter('simplify', i, true) as boolean)) return response;
		return { ...(response.contact as object), new: response.new };
	},
};
