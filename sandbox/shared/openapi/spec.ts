/**
 * An OpenAPI 3.1 document read once, and its operations flattened: method, path template (as a regex),
 * parameters (path-level merged with operation-level, $refs resolved), request body and responses.
 */
import fs from 'node:fs';

import YAML from 'yaml';

export type Json = Record<string, unknown>;
export type Schema = Json | boolean;

export interface Parameter {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema?: Schema;
}

export interface ResponseSpec {
	content?: Record<string, { schema?: Schema }>;
	headers?: Record<string, { required?: boolean; schema?: Schema }>;
}

export interface Operation {
	operationId: string;
	method: string;
	pathTemplate: string;
	parameters: Parameter[];
	requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
	responses: Record<string, ResponseSpec>;
	/** Whether the operation needs a bearer token (its own `security` or the document's). */
	needsBearer: boolean;
	regex: RegExp;
	pathKeys: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const cache = new Map<string, Json>();

/** Parses a YAML or JSON OpenAPI file once per path. */
export function loadSpec(file: string): Json {
	let spec = cache.get(file);
	if (!spec) {
		spec = YAML.parse(fs.readFileSync(file, 'utf8')) as Json;
		cache.set(file, spec);
	}
	return spec;
}

/** Follows a local `$ref` (`#/components/...`) until it reaches an object that is not a reference. */
export function deref<T>(spec: Json, value: unknown): T {
	let current = value as Json;
	for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
		const ref = current.$ref as string;
		if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported: ${ref}`);
		current = ref
			.slice(2)
			.split('/')
			.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
			.reduce<Json>((node, key) => node?.[key] as Json, spec);
		if (current === undefined) throw new Error(`Unresolved $ref ${ref}`);
	}
	return current as T;
}

function templateRegex(template: string): { regex: RegExp; keys: string[] } {
	const keys: string[] = [];
	const source = template
		.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
		.replace(/\{(\w+)\}/g, (_m, key: string) => {
			keys.push(key);
			return '([^/]+)';
		});
	return { regex: new RegExp(`^${source}/?$`), keys };
}

function bearerRequired(spec: Json, security: unknown): boolean {
	const requirements = (security ?? []) as Array<Record<string, unknown>>;
	if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return false;
	const schemes = ((spec.components as Json | undefined)?.securitySchemes ?? {}) as Record<string, Json>;
	return requirements.every((r) =>
		Object.keys(r).some((name) => {
			const scheme = deref<Json>(spec, schemes[name]);
			return scheme?.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer';
		}),
	);
}

/** Every operation under `paths`, in document order (webhooks are not requests the server receives). */
export function listOperations(spec: Json): Operation[] {
	const out: Operation[] = [];
	for (const [pathTemplate, rawItem] of Object.entries((spec.paths ?? {}) as Record<string, Json>)) {
		const item = deref<Json>(spec, rawItem);
		const shared = ((item.parameters ?? []) as unknown[]).map((p) => deref<Parameter>(spec, p));
		const { regex, keys } = templateRegex(pathTemplate);
		for (const method of METHODS) {
			const op = item[method] as Json | undefined;
			if (!op) continue;
			const own = ((op.parameters ?? []) as unknown[]).map((p) => deref<Parameter>(spec, p));
			const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
			const responses: Record<string, ResponseSpec> = {};
			for (const [status, r] of Object.entries((op.responses ?? {}) as Json)) {
				const response = deref<ResponseSpec>(spec, r);
				const headers: ResponseSpec['headers'] = {};
				for (const [name, h] of Object.entries(response.headers ?? {})) headers[name] = deref(spec, h);
				responses[status] = { ...response, headers };
			}
			out.push({
				operationId: String(op.operationId ?? `${method} ${pathTemplate}`),
				method: method.toUpperCase(),
				pathTemplate,
				parameters,
				requestBody: op.requestBody ? deref(spec, op.requestBody) : undefined,
				responses,
				needsBearer: bearerRequired(spec, op.security ?? spec.security),
				regex,
				pathKeys: keys,
			});
		}
	}
	return out;
}

/** Rewrites local `$ref`s so a schema lifted out of the document still resolves against it in ajv. */
export function anchorRefs(schema: unknown, documentId: string): unknown {
	if (Array.isArray(schema)) return schema.map((s) => anchorRefs(s, documentId));
	if (!schema || typeof schema !== 'object') return schema;
	const out: Json = {};
	for (const [key, value] of Object.entries(schema as Json)) {
		out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${documentId}${value}` : anchorRefs(value, documentId);
	}
	return out;
}
