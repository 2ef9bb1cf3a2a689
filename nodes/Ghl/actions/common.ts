import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { personFirst } from '../../shared/fields';
import { checkNumber, invalid, requireId, toList } from '../../shared/validation';

export { deleted, personFirst, returnAllFields, simplifyField } from '../../shared/fields';

/**
 * Fields several GHL operations share. Operations spread these into their own description so every
 * operation offers the same contact picker, Return All + Limit and Simplify.
 */

/** GHL contact page URLs: https://app.gohighlevel.com/v2/location/<loc>/contacts/detail/<id> (and white-label hosts). */
export const CONTACT_URL_REGEX = 'https?://[^/]+/v2/location/[A-Za-z0-9]+/contacts/detail/([A-Za-z0-9]+)';

/** The GHL contact picker; another node reusing it names its own list-search method for GHL contacts. */
export function contactLocator(overrides: Partial<INodeProperties> = {}, searchListMethod = 'searchContacts'): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contactId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The contact to work on',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
				validation: [
					{ type: 'regex', properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid contact ID' } },
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://app.gohighlevel.com/v2/location/abc/contacts/detail/ocQHyuzHvysMo5N5VsXc',
				extractValue: { type: 'regex', regex: CONTACT_URL_REGEX },
				validation: [
					{ type: 'regex', properties: { regex: CONTACT_URL_REGEX, errorMessage: 'Not a GHL contact URL' } },
				],
			},
		],
		...overrides,
	};
}

/** The contact ID chosen in the locator, validated before any request. */
export function getContactId(this: IExecuteFunctions, itemIndex: number, field = 'contactId'): string {
	const value = this.getNodeParameter(field, itemIndex, undefined, { extractValue: true }) as unknown;
	return requireId(this, typeof value === 'object' && value !== null ? (value as IDataObject).value : value, 'Contact', itemIndex);
}

/** The limit the user asked for, or undefined for Return All; an expression giving 0 or "ten" is refused. */
export function wantedLimit(this: IExecuteFunctions, itemIndex: number, max = 10000): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return checkNumber(this, this.getNodeParameter('limit', itemIndex, 50), 'Limit', itemIndex, { min: 1, max, integer: true });
}

/**
 * With Simplify on, GHL's wrapper (`{contact: {...}}`, `{tasks: [...]}`) is removed, and a contact leads with
 * name, email and phone; off, the answer is kept whole.
 */
export function unwrap(this: IExecuteFunctions, itemIndex: number, response: IDataObject, key: string): IDataObject | IDataObject[] {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	if (!simplify) return response;
	const inner = (response[key] ?? response) as IDataObject | IDataObject[];
	return key === 'contact' && !Array.isArray(inner) ? personFirst(inner) : inner;
}

/** Whether Simplify is on for this item (default true, as n8n's own nodes). */
export function simplifyOn(this: IExecuteFunctions, itemIndex: number): boolean {
	return this.getNodeParameter('simplify', itemIndex, true) as boolean;
}

/** Bulk operations name many contacts: a comma-separated list, or an expression giving an array. */
export const contactIdsField: INodeProperties = {
	displayName: 'Contact IDs',
	name: 'contactIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc, pOC0uJ97VYOKH2m3fkMD',
	description: 'Comma-separated contact IDs, or an expression giving a list',
};

/** The contact IDs of a bulk operation, each one checked, repeats dropped; the spec caps IDs at 50 characters (GHL makes 20). */
export function getContactIds(this: IExecuteFunctions, itemIndex: number, field = 'contactIds', label = 'Contact IDs'): string[] {
	const ids = toList(this.getNodeParameter(field, itemIndex, ''));
	if (!ids.length) throw invalid(this, label, itemIndex, 'is required but empty');
	for (const id of ids) {
		requireId(this, id, label, itemIndex);
		if (id.length > 50) throw invalid(this, label, itemIndex, `"${id.slice(0, 60)}" is longer than 50 characters`);
	}
	return [...new Set(ids)];
}
