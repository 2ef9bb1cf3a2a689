import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { rankrRequest } from '../../shared/rankrApi';
import { collectPages, nextOpaqueCursor } from '../../shared/transport/pagination';
import { checkEnum, checkNumber, invalid, requireValue, toList } from '../../shared/validation';

export { deleted, returnAllFields, simplifyField } from '../../shared/fields';

/**
 * Fields and helpers the Rankr operations share: the contact picker, ID checks that match the contract's
 * patterns (so a GHL ID pasted by mistake is refused before a request), cursor paging with Return All +
 * Limit, and tag lists.
 */

export const CONTACT_ID = /^ctc_[A-Za-z0-9]+$/;

export function contactLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contactId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Rankr contact: pick it, give its ID, or its External Ref (e.g. ghl:&lt;locationId&gt;:&lt;contactId&gt;)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. ctc_8fK2mQ0aZ',
				validation: [{ type: 'regex', properties: { regex: CONTACT_ID.source, errorMessage: 'Rankr contact IDs start with ctc_' } }],
			},
			{
				displayName: 'By External Ref',
				name: 'externalRef',
				type: 'string',
				placeholder: 'e.g. ghl:ve9EPM428h8vShlRW1KT:ocQHyuzHvysMo5N5VsXc',
			},
		],
		...overrides,
	};
}

export interface ContactChoice {
	mode: string;
	value: string;
}

/** What the user chose in the contact locator, checked but not yet resolved. */
export function getContactChoice(this: IExecuteFunctions, itemIndex: number, field = 'contactId'): ContactChoice {
	const raw = this.getNodeParameter(field, itemIndex, undefined) as unknown;
	const locator = typeof raw === 'object' && raw !== null ? (raw as IDataObject) : { mode: 'id', value: raw };
	const mode = String(locator.mode ?? 'id');
	const value = requireValue(this, locator.value, 'Contact', itemIndex);
	if (mode === 'externalRef') {
		if (value.length > 255) throw invalid(this, 'Contact', itemIndex, 'External Ref is longer than 255 characters');
		return { mode, value };
	}
	if (!CONTACT_ID.test(value)) {
		throw invalid(this, 'Contact', itemIndex, `"${value.slice(0, 60)}" is not a Rankr contact ID`, 'Rankr contact IDs start with ctc_; to name a contact by its GHL ID, use By External Ref.');
	}
	return { mode: 'id', value };
}

/** The Rankr contact ID, looking the contact up when the user named it by External Ref. */
export async function getContactId(this: IExecuteFunctions, itemIndex: number, field = 'contactId'): Promise<string> {
	const choice = getContactChoice.call(this, itemIndex, field);
	if (choice.mode !== 'externalRef') return choice.value;
	const page = await rankrRequest<{ data: IDataObject[] }>(this, {
		method: 'GET',
		path: '/v1/contacts',
		qs: { externalRef: choice.value, limit: 1 },
		itemIndex,
	});
	const found = page.data?.[0];
	if (!found) throw invalid(this, 'Contact', itemIndex, `no Rankr contact has External Ref "${choice.value.slice(0, 80)}"`);
	return String(found.id);
}

/** An ID of a sub-record (tsk_, nte_, rul_, whk_), checked against the contract's pattern. */
export function requirePrefixedId(this: IExecuteFunctions, itemIndex: number, parameter: string, label: string, prefix: string): string {
	const id = requireValue(this, this.getNodeParameter(parameter, itemIndex, ''), label, itemIndex);
	if (!new RegExp(`^${prefix}_[A-Za-z0-9]+$`).test(id)) {
		throw invalid(this, label, itemIndex, `"${id.slice(0, 60)}" is not a Rankr ${label.replace(/ ID$/, '').toLowerCase()} ID`, `These IDs start with ${prefix}_.`);
	}
	return id;
}

export function idField(displayName: string, name: string, example: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', required: true, placeholder: `e.g. ${example}` };
}

const RANKR_PAGE = 100;

/** Every page of a Rankr list (`{data, nextCursor}`) up to the user's Limit, or all with Return All. */
export async function listAll(this: IExecuteFunctions, itemIndex: number, path: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : checkNumber(this, this.getNodeParameter('limit', itemIndex, 50), 'Limit', itemIndex, { min: 1, integer: true });
	return await collectPages<IDataObject, string>(
		async (cursor, pageSize) => {
			const page = await rankrRequest<{ data: IDataObject[]; nextCursor: string | null }>(this, {
				method: 'GET',
				path,
				qs: { ...qs, limit: pageSize, ...(cursor ? { cursor } : {}) },
				itemIndex,
			});
			return { items: page.data ?? [], next: nextOpaqueCursor(page.nextCursor) };
		},
		{ limit, pageSize: RANKR_PAGE },
	);
}

/** In this order: n8n's table view shows columns in key order, and a person reads name, email, phone first. */
const SIMPLE_CONTACT_KEYS = ['firstName', 'lastName', 'email', 'phone', 'companyName', 'tags', 'score', 'id', 'externalRef', 'archivedAt', 'updatedAt'];

/** With Simplify on, a contact keeps the fields most workflows use. */
export function simplifyContact(this: IExecuteFunctions, itemIndex: number, contact: IDataObject): IDataObject {
	if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean)) return contact;
	return Object.fromEntries(SIMPLE_CONTACT_KEYS.filter((k) => k in contact).map((k) => [k, contact[k]]));
}

export const tagsField: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	placeholder: 'e.g. hot-lead, webinar',
	description: 'Comma-separated tags, or an expression giving a list. Rankr stores tags in lower case.',
};

/** Tags as the contract takes them: 1–64 characters each, at most 100, repeats dropped. */
export function checkTags(this: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string[] {
	const tags = [...new Set(toList(value).map((t) => t.toLowerCase()))];
	for (const tag of tags) {
		if (tag.length > 64) throw invalid(this, field, itemIndex, `"${tag.slice(0, 40)}…" is longer than 64 characters`);
	}
	if (tags.length > 100) throw invalid(this, field, itemIndex, `has ${tags.length} tags; Rankr takes at most 100`);
	return tags;
}


const SYSTEMS = ['ghl', 'clio', 'rankr'] as const;

/** Where a record came from (the contract's System): contacts call it Source System, tasks and notes Source. */
export function sourceField(record: 'contact' | 'task' | 'note'): INodeProperties {
	return {
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Clio', value: 'clio' },
			{ name: 'GHL', value: 'ghl' },
			{ name: 'Rankr', value: 'rankr' },
		],
		default: 'rankr',
		description: `The system this ${record} came from`,
	};
}

export function checkSource(ctx: IExecuteFunctions, value: unknown, itemIndex: number, field = 'Source'): (typeof SYSTEMS)[number] {
	return checkEnum(ctx, value, SYSTEMS, field, itemIndex);
}

/** A contract Links list from JSON text or a list: each {system: ghl|clio, id, account?, version?, syncedAt?, snapshot?}. */
export function checkLinks(ctx: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject[] {
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value) as unknown;
		} catch {
			throw invalid(ctx, 'Links', itemIndex, 'is not valid JSON', 'e.g. [{"system": "ghl", "id": "ocQHyuzHvysMo5N5VsXc"}]');
		}
	}
	if (!Array.isArray(list)) throw invalid(ctx, 'Links', itemIndex, 'is not a list');
	if (list.length > 20) throw invalid(ctx, 'Links', itemIndex, `has ${list.length} links; Rankr takes at most 20`);
	return list.map((link: unknown, n) => {
		const l = (link ?? {}) as IDataObject;
		if (l.system !== 'ghl' && l.system !== 'clio') throw invalid(ctx, 'Links', itemIndex, `link ${n + 1}: system "${String(l.system)}" is not ghl or clio`);
		if (typeof l.id !== 'string' || !l.id || l.id.length > 255) throw invalid(ctx, 'Links', itemIndex, `link ${n + 1}: id must be text of 1 to 255 characters`);
		const allowed = ['system', 'id', 'account', 'version', 'syncedAt', 'snapshot'];
		const extra = Object.keys(l).find((k) => !allowed.includes(k));
		if (extra) throw invalid(ctx, 'Links', itemIndex, `link ${n + 1}: "${extra}" is not one of ${allowed.join(', ')}`);
		return l;
	});
}
