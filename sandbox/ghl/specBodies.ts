/**
 * What GHL's published specs (test/fixtures/ghl-api/contacts.json, locations.json) say of request bodies, applied to every
 * request: a body the spec marks required must be sent, and each field must have the type the spec
 * declares (GHL's class-validator answers 422 "postalCode must be a string"). SPEC-QUIRKS corrections:
 * dateOfBirth is a date string (3), custom field values may be any type (3), search bodies are untyped (2).
 */
import fs from 'node:fs';
import path from 'node:path';

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; $ref?: string; nullable?: boolean; oneOf?: Schema[] };
interface BodySpec {
	method: string;
	regex: RegExp;
	required: boolean;
	schema?: Schema;
}

const SPEC_FILES = ['contacts.json', 'locations.json'].map((f) => path.join(__dirname, '../../test/fixtures/ghl-api', f));
/** Fields whose declared type is wrong in the spec (SPEC-QUIRKS 3): checked as this type instead, or not at all. */
const QUIRK_TYPES: Record<string, string | undefined> = { dateOfBirth: 'string', customFields: 'array' };

let bodies: BodySpec[] | undefined;
let schemas: Record<string, Schema> = {};

function load(): BodySpec[] {
	if (bodies) return bodies;
	bodies = [];
	for (const file of SPEC_FILES) {
		const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as {
			paths: Record<string, Record<string, { requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> } }>>;
			components: { schemas: Record<string, Schema> };
		};
		// One lookup table for both files; the Contacts spec wins where a name repeats (CustomFieldSchema).
		schemas = { ...spec.components.schemas, ...schemas };
		for (const [template, methods] of Object.entries(spec.paths)) {
			const source = template.replace(/\{\w+\}/g, '[^/]+');
			for (const [method, op] of Object.entries(methods)) {
				if (!op.requestBody) continue;
				bodies.push({
					method: method.toUpperCase(),
					regex: new RegExp(`^${source}$`),
					required: op.requestBody.required === true,
					schema: op.requestBody.content?.['application/json']?.schema,
				});
			}
		}
	}
	// Fixed paths first, so /contacts/upsert is not read as /contacts/{contactId}.
	bodies.sort((a, b) => a.regex.source.split('[^/]+').length - b.regex.source.split('[^/]+').length);
	return bodies;
}

function resolve(schema: Schema | undefined): Schema | undefined {
	let s = schema;
	for (let hops = 0; s?.$ref && hops < 10; hops++) s = schemas[s.$ref.split('/').pop() as string];
	return s;
}

const ARTICLE: Record<string, string> = { string: 'a string', boolean: 'a boolean value', number: 'a number', integer: 'an integer number', array: 'an array', object: 'an object' };

function typeErrors(value: unknown, schema: Schema | undefined, at: string, errors: string[]): void {
	const s = resolve(schema);
	if (!s || value === undefined) return;
	if (value === null) return;
	const key = at.split('.').pop() ?? '';
	const type = key in QUIRK_TYPES ? QUIRK_TYPES[key] : s.type;
	const ok =
		type === undefined ||
		(type === 'string' && typeof value === 'string') ||
		(type === 'boolean' && typeof value === 'boolean') ||
		(type === 'number' && typeof value === 'number') ||
		(type === 'integer' && Number.isInteger(value)) ||
		(type === 'array' && Array.isArray(value)) ||
		(type === 'object' && typeof value === 'object' && !Array.isArray(value));
	if (!ok) {
		errors.push(`${at} must be ${ARTICLE[type as string] ?? type}`);
		return;
	}
	if (key === 'customFields') return;
	if (Array.isArray(value)) value.forEach((v, i) => typeErrors(v, s.items, `${at}.${i}`, errors));
	else if (typeof value === 'object') {
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (s.properties?.[k]) typeErrors(v, s.properties[k], at ? `${at}.${k}` : k, errors);
	}
}

/** The spec's complaints about a request's body: missing when required, or fields of the wrong type. */
export function specBodyErrors(method: string, pathname: string, rawBody: string, body: unknown): string[] {
	const found = load().find((b) => b.method === method && b.regex.test(pathname));
	if (!found) return [];
	if (rawBody === '') return found.required ? ['body should not be empty'] : [];
	const errors: string[] = [];
	typeErrors(body, found.schema, '', errors);
	return errors;
}
