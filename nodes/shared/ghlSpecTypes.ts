import type { IDataObject } from 'n8n-workflow';

import type { BodyType } from './ghlBodyTypes';
import { GHL_BODY_TYPES } from './ghlBodyTypes';

/**
 * Values from expressions keep their JavaScript type: `{{ 35061 }}` in Postal Code is the number 35061,
 * which GHL refuses ("postalCode must be a string"). Every body the GHL node sends is brought to the
 * types GHL's spec declares (nodes/shared/ghlBodyTypes.ts): numbers and booleans where a string is
 * declared become text, "true"/"false" where a boolean is, numeric text where a number is. Anything
 * else is left as it is (the node's own checks refuse what cannot be meant).
 */
const ROUTES = Object.entries(GHL_BODY_TYPES)
	.map(([route, type]) => {
		const [method, template] = route.split(' ');
		const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}|\{\w+\}/g, '[^/]+');
		return { method, regex: new RegExp(`^${source}$`), fixed: !template.includes('{'), type };
	})
	// /contacts/upsert before /contacts/{contactId}.
	.sort((a, b) => Number(b.fixed) - Number(a.fixed));

export function specTypeOf(method: string, path: string): BodyType | undefined {
	const pathname = path.split('?')[0];
	return ROUTES.find((r) => r.method === method && r.regex.test(pathname))?.type;
}

export function coerceToType(value: unknown, type: BodyType | undefined): unknown {
	if (!type || value === undefined || value === null) return value;
	switch (type.type) {
		case 'string':
			return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
		case 'boolean':
			if (value === 'true') return true;
			if (value === 'false') return false;
			return value;
		case 'number':
		case 'integer':
			return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
		case 'array':
			return Array.isArray(value) ? value.map((v) => coerceToType(v, type.items)) : value;
		case 'object': {
			if (typeof value !== 'object' || Array.isArray(value)) return value;
			const out: IDataObject = { ...(value as IDataObject) };
			for (const [key, inner] of Object.entries(type.properties ?? {})) {
				if (key in out) out[key] = coerceToType(out[key], inner) as IDataObject[string];
			}
			return out;
		}
		default:
			return value;
	}
}

/** The body of a GHL request in the types its operation declares. */
export function bodyInSpecTypes<T extends IDataObject | IDataObject[] | undefined>(method: string, path: string, body: T): T {
	if (body === undefined) return body;
	return coerceToType(body, specTypeOf(method, path)) as T;
}
