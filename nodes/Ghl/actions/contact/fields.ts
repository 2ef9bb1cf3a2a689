import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkDate, checkEmail, checkEnum, checkPhone, compact, invalid, requireId, toList } from '../../../shared/validation';

/** The contact fields create, update and upsert share, as the editor shows them, and their checks. */
export const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'] as const;
const DND_STATUSES = ['active', 'inactive', 'permanent'] as const;
const INBOUND_DND_STATUSES = ['active', 'inactive'] as const;
const GENDERS = ['female', 'male', 'other'] as const;

export function contactFieldsCollection(name: string, displayName: string, options: { forUpdate?: boolean } = {}): INodeProperties {
	const fields: INodeProperties[] = [
		{ displayName: 'Address', name: 'address1', type: 'string', default: '' },
		{
			displayName: 'Assigned To Name or ID',
			name: 'assignedTo',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getUsers' },
			default: '',
			description: 'User the contact is assigned to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. US', description: 'Two-letter country code' },
		{ displayName: 'Date of Birth', name: 'dateOfBirth', type: 'dateTime', default: '', description: 'Only the date is sent (YYYY-MM-DD)' },
		{ displayName: 'Do Not Disturb (All Channels)', name: 'dnd', type: 'boolean', default: false, description: 'Whether to stop all messages to this contact' },
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
		{ displayName: 'Full Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +14155550123' },
		{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
		{ displayName: 'Source', name: 'source', type: 'string', default: '', description: 'Where the contact came from, e.g. "website form"' },
		{ displayName: 'State', name: 'state', type: 'string', default: '' },
		{
			displayName: 'Tag Names or IDs',
			name: 'tags',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTags' },
			default: [],
			description: 'Tags by name (setting them on Update replaces all of them). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'Timezone', name: 'timezone', type: 'string', default: '', placeholder: 'e.g. America/New_York', description: 'IANA time zone name' },
		{ displayName: 'Website', name: 'website', type: 'string', default: '', placeholder: 'e.g. https://example.com' },
	];
	// GHL's UpdateContactDto has neither companyName nor gender: they are set on create and upsert only.
	if (!options.forUpdate) {
		fields.push(
			{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				options: [
					{ name: 'Female', value: 'female' },
					{ name: 'Male', value: 'male' },
					{ name: 'Other', value: 'other' },
				],
				default: 'female',
			},
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
				{
					displayName: 'Identify Field By',
					name: 'by',
					type: 'options',
					options: [
						{ name: 'Field (From List or ID)', value: 'id' },
						{ name: 'Key', value: 'key' },
					],
					default: 'id',
				},
				{
					displayName: 'Field Name or ID',
					name: 'id',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomFields' },
					displayOptions: { show: { by: ['id'] } },
					default: '',
					description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Field Key',
					name: 'key',
					type: 'string',
					displayOptions: { show: { by: ['key'] } },
					default: '',
					placeholder: 'e.g. lead_score',
					description: 'The key GHL shows for the field (with or without the "contact." prefix)',
				},
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
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Active', value: 'active', description: 'Do not disturb on this channel' },
						{ name: 'Inactive', value: 'inactive', description: 'Messages allowed on this channel' },
						{ name: 'Permanent', value: 'permanent' },
					],
					default: 'active',
				},
				{ displayName: 'Message', name: 'message', type: 'string', default: '' },
				{ displayName: 'Code', name: 'code', type: 'string', default: '' },
			],
		},
	],
};

/** GHL's inboundDndSettings: one setting for all channels ({all: {status, message}}), no "permanent". */
export const inboundDndField: INodeProperties = {
	displayName: 'Inbound Do Not Disturb',
	name: 'inboundDndSettings',
	type: 'fixedCollection',
	placeholder: 'Add Inbound Setting',
	default: {},
	description: 'Whether GHL blocks messages coming in from this contact, on all channels',
	options: [
		{
			displayName: 'All Channels',
			name: 'all',
			values: [
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: [
						{ name: 'Active', value: 'active', description: 'Block incoming messages' },
						{ name: 'Inactive', value: 'inactive', description: 'Accept incoming messages' },
					],
					default: 'active',
				},
				{ displayName: 'Message', name: 'message', type: 'string', default: '' },
			],
		},
	],
};

/** YYYY-MM-DD of what the user gave, taken from the text itself so the server's time zone cannot shift the day. */
function birthDate(ctx: IExecuteFunctions, value: unknown, i: number): string | undefined {
	const checked = checkDate(ctx, value, 'Date of Birth', i, 'date');
	if (checked === undefined) return undefined;
	if (typeof value === 'object' && value !== null && 'toISODate' in value) return (value as { toISODate(): string }).toISODate();
	const text = String(value).trim();
	return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : checked;
}

function checkTimezone(ctx: IExecuteFunctions, value: unknown, i: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const zone = String(value).trim();
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		throw invalid(ctx, 'Timezone', i, `"${zone.slice(0, 60)}" is not a time zone`, 'Use an IANA name such as America/New_York.');
	}
	return zone;
}

function customFieldsOf(ctx: IExecuteFunctions, i: number): IDataObject[] {
	return (ctx.getNodeParameter('customFields.field', i, []) as IDataObject[]).map((cf, n) => {
		const label = `Custom Fields [${n + 1}]`;
		const byKey = cf.by === 'key';
		const given = String((byKey ? cf.key : cf.id) ?? '').trim();
		if (!given) throw invalid(ctx, `${label} ${byKey ? 'Field Key' : 'Field'}`, i, 'is required but empty');
		// A key given where an ID was expected ("contact.lead_score" from an expression) is still a key.
		if (byKey || given.includes('.')) {
			const key = given.replace(/^contact\./, '');
			if (!/^[A-Za-z0-9_]+$/.test(key)) throw invalid(ctx, `${label} Field Key`, i, `"${given.slice(0, 60)}" is not a field key`);
			return { key, field_value: cf.value };
		}
		return { id: requireId(ctx, given, `${label} Field`, i), field_value: cf.value };
	});
}

function dndSettingsOf(ctx: IExecuteFunctions, i: number): IDataObject | undefined {
	const rows = ctx.getNodeParameter('dndSettings.channel', i, []) as IDataObject[];
	if (!rows.length) return undefined;
	const settings: IDataObject = {};
	for (const row of rows) {
		const channel = checkEnum(ctx, row.channel, DND_CHANNELS, 'Do Not Disturb Channel', i);
		if (channel in settings) throw invalid(ctx, 'Do Not Disturb Channel', i, `"${channel}" is given twice`);
		const status = checkEnum(ctx, row.status ?? 'active', DND_STATUSES, 'Do Not Disturb Status', i);
		settings[channel] = compact({ status, message: row.message, code: row.code });
	}
	return settings;
}

function inboundDndOf(ctx: IExecuteFunctions, i: number): IDataObject | undefined {
	// An empty fallback: n8n reads an undefined one as "no fallback" and throws when the row is not set.
	const all = ctx.getNodeParameter('inboundDndSettings.all', i, {}) as IDataObject | null;
	if (!all || typeof all !== 'object' || Object.keys(all).length === 0) return undefined;
	const status = checkEnum(ctx, all.status ?? 'active', INBOUND_DND_STATUSES, 'Inbound Do Not Disturb Status', i);
	return { all: compact({ status, message: all.message }) };
}

/** Reads one item's contact fields into GHL's contact body, checking every value before any request. */
export function contactBody(this: IExecuteFunctions, i: number, collection: string): IDataObject {
	const f = this.getNodeParameter(collection, i, {}) as IDataObject;
	const body: IDataObject = { ...f };
	body.email = checkEmail(this, f.email, 'Email', i);
	body.phone = checkPhone(this, f.phone, 'Phone', i);
	body.dateOfBirth = birthDate(this, f.dateOfBirth, i);
	body.timezone = checkTimezone(this, f.timezone, i);
	if (f.gender !== undefined) body.gender = checkEnum(this, f.gender, GENDERS, 'Gender', i);
	if (f.assignedTo) body.assignedTo = requireId(this, f.assignedTo, 'Assigned To', i);
	// An empty tag list is not sent: on Update it would wipe every tag of the contact.
	const tags = toList(f.tags);
	body.tags = tags.length ? [...new Set(tags)] : undefined;
	if (f.country !== undefined && f.country !== '') {
		if (!/^[A-Za-z]{2}$/.test(String(f.country).trim())) {
			throw invalid(this, 'Country', i, `"${String(f.country).slice(0, 40)}" is not a two-letter country code`);
		}
		body.country = String(f.country).trim().toUpperCase();
	}
	if (f.website && !/^(https?:\/\/)?[^\s./]+(\.[^\s./]+)+([/?#]\S*)?$/.test(String(f.website).trim())) {
		throw invalid(this, 'Website', i, `"${String(f.website).slice(0, 60)}" is not a URL`);
	}
	if (f.dnd !== undefined && typeof f.dnd !== 'boolean') throw invalid(this, 'Do Not Disturb (All Channels)', i, `"${String(f.dnd)}" is not true or false`);
	const custom = customFieldsOf(this, i);
	if (custom.length) body.customFields = custom;
	body.dndSettings = dndSettingsOf(this, i);
	body.inboundDndSettings = inboundDndOf(this, i);
	return compact(body);
}

/** At least one way to recognise the person, so GHL does not store an empty contact. */
export function requireIdentity(this: IExecuteFunctions, body: IDataObject, i: number, collection: string): void {
	if (!body.email && !body.phone && !body.firstName && !body.lastName && !body.name) {
		throw invalid(this, collection, i, 'give at least an email, a phone or a name');
	}
}
