import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkDate, checkEmail, checkEnum, checkPhone, compact, invalid, requireId, toList } from '../../../shared/validation';

/** The contact fields create, update and upsert share, as the editor shows them. */
export const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'] as const;

export function contactFieldsCollection(name: string, displayName: string, options: { forUpdate?: boolean } = {}): INodeProperties {
	const fields: INodeProperties[] = [
		{ displayName: 'Address', name: 'address1', type: 'string', default: '' },
		{ displayName: 'Assigned To Name or ID', name: 'assignedTo', type: 'options', typeOptions: { loadOptionsMethod: 'getUsers' }, default: '', description: 'User the contact is assigned to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'US', description: 'Two-letter country code' },
		{ displayName: 'Date of Birth', name: 'dateOfBirth', type: 'dateTime', default: '' },
		{ displayName: 'Do Not Disturb (All Channels)', name: 'dnd', type: 'boolean', default: false },
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
		{ displayName: 'Full Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: '+14155550123' },
		{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
		{ displayName: 'Source', name: 'source', type: 'string', default: '' },
		{ displayName: 'State', name: 'state', type: 'string', default: '' },
		{
			displayName: 'Tag Names or IDs',
			name: 'tags',
			type: 'multiOptions',
			description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			typeOptions: { loadOptionsMethod: 'getTags' },
			default: [],
		},
		{ displayName: 'Timezone', name: 'timezone', type: 'string', default: '', placeholder: 'America/New_York' },
		{ displayName: 'Website', name: 'website', type: 'string', default: '' },
	];
	if (!options.forUpdate) {
		fields.push(
			{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
			{ displayName: 'Gender', name: 'gender', type: 'options', options: [{ name: 'Female', value: 'female' }, { name: 'Male', value: 'male' }, { name: 'Other', value: 'other' }], default: 'female' },
		);
	}
	fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, options: fields };
}

export const customFieldsField: INodeProperties = {
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
				{ displayName: 'Field Name or ID', name: 'id', type: 'options', typeOptions: { loadOptionsMethod: 'getCustomFields' }, default: '', description: 'Choose from the list, or specify an ID (or a key such as contact.lead_score) using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const dndSettingsField: INodeProperties = {
	displayName: 'Do Not Disturb per Channel',
	name: 'dndSettings',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Channel',
	default: {},
	options: [
		{
			displayName: 'Channel',
			name: 'channel',
			values: [
				{ displayName: 'Channel', name: 'channel', type: 'options', options: DND_CHANNELS.map((c) => ({ name: c, value: c })), default: 'Email' },
				{ displayName: 'Status', name: 'status', type: 'options', options: [{ name: 'Active', value: 'active' }, { name: 'Inactive', value: 'inactive' }, { name: 'Permanent', value: 'permanent' }], default: 'active' },
				{ displayName: 'Message', name: 'message', type: 'string', default: '' },
				{ displayName: 'Code', name: 'code', type: 'string', default: '' },
			],
		},
	],
};

/** Reads the collections of one item into GHL's contact body, checking every value before any request. */
export function contactBody(this: IExecuteFunctions, i: number, collection: string): IDataObject {
	const f = this.getNodeParameter(collection, i, {}) as IDataObject;
	const body: IDataObject = { ...f };
	body.email = checkEmail(this, f.email, 'Email', i);
	body.phone = checkPhone(this, f.phone, 'Phone', i);
	body.dateOfBirth = checkDate(this, f.dateOfBirth, 'Date of Birth', i, 'date');
	if (f.gender !== undefined) body.gender = checkEnum(this, f.gender, ['female', 'male', 'other'], 'Gender', i);
	if (f.assignedTo) body.assignedTo = requireId(this, f.assignedTo, 'Assigned To', i);
	if (f.tags !== undefined) body.tags = toList(f.tags);
	if (f.country !== undefined && f.country !== '' && !/^[A-Za-z]{2}$/.test(String(f.country))) {
		throw invalid(this, 'Country', i, `"${String(f.country)}" is not a two-letter country code`);
	}
	if (f.website && !/^https?:\/\/\S+$/.test(String(f.website))) throw invalid(this, 'Website', i, `"${String(f.website)}" is not a URL`);
	const custom = (this.getNodeParameter('customFields.field', i, []) as IDataObject[]).map((cf, n) => {
		const id = String(cf.id ?? '').trim();
		if (!id) throw invalid(this, `Custom Fields [${n + 1}] Field`, i, 'is required but empty');
		return id.includes('.') ? { key: id.replace(/^contact\./, ''), field_value: cf.value } : { id, field_value: cf.value };
	});
	if (custom.length) body.customFields = custom;
	const dnd = this.getNodeParameter('dndSettings.channel', i, []) as IDataObject[];
	if (dnd.length) {
		body.dndSettings = Object.fromEntries(
			dnd.map((d) => [checkEnum(this, d.channel, DND_CHANNELS, 'Do Not Disturb Channel', i), compact({ status: d.status, message: d.message, code: d.code })]),
		);
	}
	return compact(body);
}
