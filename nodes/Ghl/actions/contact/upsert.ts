import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { invalid } from '../../../shared/validation';
import { personFirst, simplifyOn } from '../common';
import { contactBody, contactFieldsCollection, customFieldsField, dndSettingsField, inboundDndField } from './fields';

export const upsert: OperationModule = {
	routes: ['POST /contacts/upsert'],
	description: [
		{
			displayName:
				'GHL matches on email or phone and follows the location\'s "Allow Duplicate Contact" setting (Settings → Business Profile): it decides which field is matched first, and with duplicates allowed a new contact may be created instead of updating one',
			name: 'upsertNotice',
			type: 'notice',
			default: '',
		},
		contactFieldsCollection('fields', 'Contact Fields'),
		customFieldsField,
		dndSettingsField,
		inboundDndField,
		{
			displayName: 'Create New If Duplicates Allowed',
			name: 'createNewIfDuplicateAllowed',
			type: 'boolean',
			default: false,
			description: 'Whether to always create a new contact when the location allows duplicates (ignored when it does not)',
		},
		{ displayName: 'Simplify', name: 'simplify', type: 'boolean', default: true, description: 'Whether to return the contact with a "new" flag instead of the raw response' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const body = contactBody.call(this, i, 'fields');
		if (!body.email && !body.phone) throw invalid(this, 'Contact Fields', i, 'upsert needs an email or a phone to match on');
		const alwaysNew = this.getNodeParameter('createNewIfDuplicateAllowed', i, false) === true;
		if (alwaysNew) body.createNewIfDuplicateAllowed = true;
		body.locationId = await ghlLocation(this);
		// Safe to retry (a second attempt finds the contact the first made) unless a new contact is always made.
		const response = await ghlRequest<IDataObject>(this, { method: 'POST', path: '/contacts/upsert', body, idempotent: !alwaysNew, itemIndex: i });
		if (!simplifyOn.call(this, i)) return response;
		return { ...personFirst(response.contact as IDataObject), new: response.new };
	},
};
