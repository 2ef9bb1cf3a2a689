/**
 * JSON Schema of node output, inferred from real items: types and keys only, never values (so no secret
 * or personal data can reach a schema file). What n8n's Schema view shows before the node has run.
 */
export interface JsonSchema {
	type?: string | string[];
	properties?: Record<string, JsonSchema>;
	items?: JsonSchema;
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

/** Preferred first, so a nullable string reads as a string. */
const TYPE_ORDER = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];

function types(schema: JsonSchema): string[] {
	return schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
}

/** The schema both a and b satisfy: types joined, properties and array items merged. */
export function mergeSchemas(a: JsonSchema | undefined, b: JsonSchema | undefined): JsonSchema {
	if (!a) return b ?? {};
	if (!b) return a;
	let joined = [...new Set([...types(a), ...types(b)])];
	if (joined.includes('number')) joined = joined.filter((t) => t !== 'integer');
	// n8n's Schema view reads an object or array only from a plain `type`, and takes a type list's first entry.
	const container = ['object', 'array'].find((t) => joined.includes(t));
	if (container) joined = [container];
	joined.sort((x, y) => TYPE_ORDER.indexOf(x) - TYPE_ORDER.indexOf(y));
	const merged: JsonSchema = { type: joined.length === 1 ? joined[0] : joined };
	if (a.properties || b.properties) {
		const keys = [...new Set([...Object.keys(a.properties ?? {}), ...Object.keys(b.properties ?? {})])];
		merged.properties = Object.fromEntries(keys.map((k) => [k, mergeSchemas(a.properties?.[k], b.properties?.[k])]));
	}
	if (a.items || b.items) merged.items = mergeSchemas(a.items, b.items);
	return merged;
}

export function inferSchema(value: unknown): JsonSchema {
	const type = typeOf(value);
	if (type === 'object') {
		const entries = Object.entries(value as Record<string, unknown>);
		return { type, properties: Object.fromEntries(entries.map(([k, v]) => [k, inferSchema(v)])) };
	}
	if (type === 'array') {
		const items = (value as unknown[]).map(inferSchema).reduce<JsonSchema | undefined>((acc, s) => mergeSchemas(acc, s), undefined);
		return items ? { type, items } : { type };
	}
	return { type };
}
