import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkEmail, invalid } from '../../../shared/validation';
import { checkLinks, checkSource, checkTags, sourceField, tagsField } from '../common';

/** The contact fields of the contract (ContactFields), as the editor offers them and as they are checked. */

const text = (displayName: string, name: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: `e.g. ${placeholder}`,
});

export const contactFieldOptions: INodeProperties[] = [
	text('Address', 'address1', '12 Market Street'),
	text('City', 'city', 'Austin'),
	text('Company Name', 'companyName', 'Acme Inc'),
	{ ...text('Country', 'country', 'US'), description: 'Two-letter country code (ISO 3166-1 alpha-2)' },
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', placeholder: 'e.g. industry' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{ displayName: 'Do Not Disturb', name: 'dnd', type: 'boolean', default: false, description: 'Whether Rankr should not contact this person' },
	{ ...text('Email', 'email', 'name@email.com'), placeholder: 'name@email.com' },
	{ ...text('External Ref', 'externalRef', 'ghl:ve9EPM428h8vShlRW1KT:ocQHyuzHvysMo5N5VsXc'), description: 'Your reference for this contact, unique in Rankr' },
	text('First Name', 'firstName', 'Ada'),
	{
		displayName: 'Links',
		name: 'links',
		type: 'json',
		default: '[]',
		description:
			'The outside records this contact is linked to, as a list of {system: "ghl" or "clio", ID, account, version, syncedAt, snapshot}; replaces the contact\'s links',
	},
	text('Last Name', 'lastName', 'Lovelace'),
	text('Phone', 'phone', '+14155550123'),
	text('Postal Code', 'postalCode', '73301'),
	{ ...text('Source', 'source', 'facebook ad'), description: 'Where the lead came from (free text)' },
	{ ...sourceField('contact'), displayName: 'Source System', name: 'sourceSystem' },
	text('State', 'state', 'TX'),
	{ ...tagsField, description: 'Replaces the contact\'s tags. Comma-separated, or an expression giving a list.' },
	{ ...text('Time Zone', 'timezone', 'America/Chicago'), description: 'IANA time zone' },
	text('Website', 'website', 'https://acme.example'),
];

const LONG_TEXT = ['firstName', 'lastName', 'companyName', 'website', 'address1', 'city', 'state', 'source', 'externalRef'];
const CUSTOM_FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const PHONE = /^\+?[0-9 ()./-]{3,32}$/;

/** Builds a contract ContactFields body from the collection the user filled, refusing what Rankr would. */
export function contactBody(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, raw] of Object.entries(fields)) {
		if (raw === undefined || raw === '' || raw === null) continue;
		switch (key) {
			case 'email':
				body.email = checkEmail(this, raw, 'Email', itemIndex);
				break;
			case 'phone': {
				const phone = String(raw).trim();
				if (!PHONE.test(phone)) throw invalid(this, 'Phone', itemIndex, `"${phone.slice(0, 40)}" is not a phone number`, 'Use digits with an optional leading +, e.g. +14155550123.');
				body.phone = phone;
				break;
			}
			case 'country': {
				const country = String(raw).trim().toUpperCase();
				if (!/^[A-Z]{2}$/.test(country)) throw invalid(this, 'Country', itemIndex, `"${country.slice(0, 20)}" is not a two-letter country code`, 'e.g. US, GB, DE');
				body.country = country;
				break;
			}
			case 'postalCode':
			case 'timezone': {
				const value = String(raw).trim();
				const max = key === 'postalCode' ? 32 : 64;
				if (value.length > max) throw invalid(this, key === 'postalCode' ? 'Postal Code' : 'Time Zone', itemIndex, `is longer than ${max} characters`);
				body[key] = value;
				break;
			}
			case 'dnd':
				body.dnd = Boolean(raw);
				break;
			case 'tags':
				body.tags = checkTags.call(this, raw, 'Tags', itemIndex);
				break;
			case 'links':
				body.links = checkLinks(this, raw, itemIndex);
				break;
			case 'sourceSystem':
				body.sourceSystem = checkSource(this, raw, itemIndex, 'Source System');
				break;
			case 'customFields':
				body.customFields = customFieldsBody.call(this, itemIndex, raw as IDataObject);
				break;
			default: {
				const value = String(raw).trim();
				if (LONG_TEXT.includes(key) && value.length > 255) throw invalid(this, labelOf(key), itemIndex, 'is longer than 255 characters');
				body[key] = value;
			}
		}
	}
	return body;
}

function customFieldsBody(this: IExecuteFunctions, itemIndex: number, raw: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const entry of (raw.field as IDataObject[] | undefined) ?? []) {
		const key = String(entry.key ?? '').trim();
		if (!CUSTOM_FIELD_KEY.test(key)) {
			throw invalid(this, 'Custom Fields', itemIndex, `"${key.slice(0, 70)}" is not a valid key`, 'Keys start with a letter and hold letters, digits and _ (at most 64).');
		}
		out[key] = entry.value as string;
	}
	if (Object.keys(out).length > 100) throw invalid(this, 'Custom Fields', itemIndex, 'Rankr takes at most 100');
	return out;
}

function labelOf(key: string): string {
	return contactFieldOptions.find((o) => o.name === key)?.displayName ?? key;
}
