import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** Fields every action node of the package offers the same way: Return All + Limit, Simplify, delete answers. */

export function returnAllFields(limitMax = 10000): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: limitMax },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** The optional "Filters" collection of a list operation, as n8n's own Get Many operations show it. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** n8n's convention for what a delete returns. */
export function deleted(id: string): IDataObject {
	return { deleted: true, id };
}

/** What a person looks for first in a contact; n8n's table view shows columns in key order. */
const PERSON_FIRST_KEYS = ['firstName', 'lastName', 'email', 'phone', 'contactName', 'name', 'companyName'];

/** The same contact with name, email and phone first, then every other key in the API's order. */
export function personFirst(contact: IDataObject): IDataObject {
	const lead = PERSON_FIRST_KEYS.filter((k) => k in contact);
	return Object.fromEntries([...lead.map((k) => [k, contact[k]]), ...Object.entries(contact).filter(([k]) => !lead.includes(k))]);
}

/** A contact's row in a picker: "Jane Doe (jane@x.com)", or whichever of name, email, phone, fallback it has. */
export function contactLabel(contact: IDataObject, fallback: unknown): string {
	const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || (contact.name ? String(contact.name) : '');
	const email = contact.email ? String(contact.email) : '';
	if (fullName && email) return `${fullName} (${email})`;
	return fullName || email || (contact.phone ? String(contact.phone) : '') || String(fallback);
}
