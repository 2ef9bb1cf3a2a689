/**
 * A generic OpenAPI 3.1 request/response validator on ajv (draft 2020-12) + ajv-formats. It matches a
 * request to its operation (404 vs 405), checks path/query/header parameters (query text coerced to the
 * schema's type), bearer auth presence and the JSON body; and a response's status, headers and body.
 * The Rankr sandbox validates every request with it; node tests can validate what a node sends.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import type { FieldError } from './errors';
import { describe, fieldOf, toFieldErrors } from './errors';
import type { Json, Operation, Parameter, Schema } from './spec';
import { anchorRefs, listOperations, loadSpec } from './spec';

export type { FieldError, Json, Operation, Parameter, Schema };
export { describe as describeErrors, fieldOf, listOperations, loadSpec };

export interface HttpRequestLike {
	method: string;
	/** A path (`/v1/contacts?limit=5` is fine) or a full URL. */
	path: string;
	/** Query values as text (as they arrive); merged over any query in `path`. */
	query?: Record<string, string | string[] | number | boolean | undefined>;
	headers?: Record<string, string | string[] | number | undefined>;
	/** The parsed JSON body; undefined when none was sent. */
	body?: unknown;
}

export type RequestOutcome = 'ok' | 'invalid' | 'unauthorized' | 'not_found' | 'method_not_allowed';

export interface RequestCheck {
	outcome: RequestOutcome;
	operation?: Operation;
	/** For `method_not_allowed`: the methods the path has. */
	allowedMethods?: string[];
	pathParams: Record<string, string>;
	/** Query parameters coerced to their schema types (integers, numbers, booleans); defaults applied. */
	query: Record<string, unknown>;
	errors: FieldError[];
}

let documents = 0;
const byFile = new Map<string, OpenApiValidator>();

export class OpenApiValidator {
	readonly operations: Operation[];
	private readonly ajv: Ajv2020;
	private readonly documentId = `openapi-document-${++documents}`;
	private readonly compiled = new WeakMap<object, ValidateFunction>();

	/** One validator per file, so the YAML is parsed and the schemas compiled once per process. */
	static fromFile(file: string): OpenApiValidator {
		let v = byFile.get(file);
		if (!v) {
			v = new OpenApiValidator(loadSpec(file));
			byFile.set(file, v);
		}
		return v;
	}

	constructor(readonly spec: Json) {
		this.operations = listOperations(spec);
		this.ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
		addFormats(this.ajv);
		// The whole document under an id, so `#/components/...` in any lifted schema resolves against it.
		this.ajv.addSchema({ $id: this.documentId, components: spec.components ?? {} });
	}

	operation(operationId: string): Operation {
		const op = this.operations.find((o) => o.operationId === operationId);
		if (!op) throw new Error(`No operation ${operationId}`);
		return op;
	}

	match(method: string, path: string): { operation: Operation; pathParams: Record<string, string> } | { allowedMethods: string[] } | undefined {
		const allowed: string[] = [];
		for (const op of this.operations) {
			const m = op.regex.exec(path);
			if (!m) continue;
			if (op.method !== method.toUpperCase()) {
				allowed.push(op.method);
				continue;
			}
			const pathParams: Record<string, string> = {};
			op.pathKeys.forEach((k, i) => (pathParams[k] = safeDecode(m[i + 1])));
			return { operation: op, pathParams };
		}
		return allowed.length ? { allowedMethods: allowed } : undefined;
	}

	validateRequest(req: HttpRequestLike): RequestCheck {
		const url = new URL(req.path, 'http://openapi.invalid');
		const rawQuery: Record<string, string | string[]> = {};
		for (const key of new Set(url.searchParams.keys())) {
			const all = url.searchParams.getAll(key);
			rawQuery[key] = all.length > 1 ? all : all[0];
		}
		for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) rawQuery[k] = Array.isArray(v) ? v : String(v);
		const found = this.match(req.method, url.pathname);
		const base = { pathParams: {}, query: {}, errors: [] as FieldError[] };
		if (!found) return { ...base, outcome: 'not_found', errors: [{ field: 'path', message: `no operation for ${req.method} ${url.pathname}` }] };
		if (!('operation' in found)) {
			return {
				...base,
				outcome: 'method_not_allowed',
				allowedMethods: found.allowedMethods,
				errors: [{ field: 'method', message: `${req.method} not allowed on ${url.pathname}; allowed: ${found.allowedMethods.join(', ')}` }],
			};
		}
		const { operation, pathParams } = found;
		const headers: Record<string, string> = {};
		for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
		if (operation.needsBearer && !/^Bearer\s+\S+/i.test(headers.authorization ?? '')) {
			return { ...base, operation, pathParams, outcome: 'unauthorized', errors: [{ field: 'header.Authorization', message: 'a Bearer token is required' }] };
		}

		const errors: FieldError[] = [];
		const query: Record<string, unknown> = {};
		for (const p of operation.parameters) {
			const raw = p.in === 'path' ? pathParams[p.name] : p.in === 'query' ? rawQuery[p.name] : p.in === 'header' ? headers[p.name.toLowerCase()] : undefined;
			const field = `${p.in}.${p.name}`;
			if (raw === undefined) {
				if (p.required) errors.push({ field, message: 'is required' });
				const fallback = p.in === 'query' && p.schema && typeof p.schema === 'object' ? p.schema.default : undefined;
				if (fallback !== undefined) query[p.name] = fallback;
				continue;
			}
			const value = coerce(raw, p.schema);
			if (p.in === 'query') query[p.name] = value;
			if (p.schema !== undefined) errors.push(...this.check(p.schema, value, field));
		}
		for (const name of Object.keys(rawQuery)) {
			if (!operation.parameters.some((p) => p.in === 'query' && p.name === name)) errors.push({ field: `query.${name}`, message: 'is not a parameter of this operation' });
		}
		errors.push(...this.checkBody(operation, req.body, headers['content-type']));
		return { outcome: errors.length ? 'invalid' : 'ok', operation, pathParams, query, errors };
	}

	/** A response against its operation: documented status, required/declared headers, body schema. */
	validateResponse(operation: Operation | string, status: number, body: unknown, headers: Record<string, string | undefined> = {}): FieldError[] {
		const op = typeof operation === 'string' ? this.operation(operation) : operation;
		const spec = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
		if (!spec) return [{ field: 'status', message: `${status} is not documented for ${op.operationId}` }];
		const errors: FieldError[] = [];
		const lower: Record<string, string> = {};
		for (const [k, v] of Object.entries(headers)) if (v !== undefined) lower[k.toLowerCase()] = v;
		for (const [name, h] of Object.entries(spec.headers ?? {})) {
			const value = lower[name.toLowerCase()];
			if (value === undefined) {
				if (h.required) errors.push({ field: `header.${name}`, message: 'is required' });
			} else if (h.schema !== undefined) errors.push(...this.check(h.schema, coerce(value, h.schema), `header.${name}`));
		}
		const media = spec.content?.['application/json'];
		if (!media) {
			if (body !== undefined && body !== '') errors.push({ field: 'body', message: `${status} is documented without a body` });
		} else if (body === undefined) {
			errors.push({ field: 'body', message: 'is missing' });
		} else if (media.schema !== undefined) {
			errors.push(...this.check(media.schema, body, ''));
		}
		return errors;
	}

	/** Validates a value against a schema from this document (local $refs allowed). */
	check(schema: Schema, value: unknown, prefix = ''): FieldError[] {
		const validate = this.compile(schema);
		return validate(value) ? [] : toFieldErrors(validate.errors, prefix, (branch, data) => {
			const one = this.compile(branch as Schema);
			return one(data) ? [] : [...(one.errors ?? [])];
		});
	}

	private checkBody(op: Operation, body: unknown, contentType: string | undefined): FieldError[] {
		const rb = op.requestBody;
		if (!rb) return body === undefined ? [] : [{ field: 'body', message: 'this operation takes no body' }];
		if (body === undefined) return rb.required ? [{ field: 'body', message: 'is required' }] : [];
		const media = rb.content['application/json'];
		if (!media) return [{ field: 'body', message: `content type must be one of: ${Object.keys(rb.content).join(', ')}` }];
		if (contentType !== undefined && !/json/i.test(contentType)) return [{ field: 'header.Content-Type', message: 'must be application/json' }];
		return media.schema === undefined ? [] : this.check(media.schema, body, '');
	}

	private compile(schema: Schema): ValidateFunction {
		if (typeof schema === 'boolean') return this.ajv.compile(schema);
		let fn = this.compiled.get(schema);
		if (!fn) {
			fn = this.ajv.compile(anchorRefs(schema, this.documentId) as Json);
			this.compiled.set(schema, fn);
		}
		return fn;
	}
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function typesOf(schema: Schema | undefined): string[] {
	if (!schema || typeof schema !== 'object') return [];
	const t = schema.type;
	return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/** Query and header values arrive as text: turn them into what the schema expects, when they read as such. */
function coerce(raw: string | string[], schema: Schema | undefined): unknown {
	const types = typesOf(schema);
	if (types.includes('array')) {
		const items = schema && typeof schema === 'object' ? (schema.items as Schema | undefined) : undefined;
		return (Array.isArray(raw) ? raw : raw.split(',')).map((r) => coerce(r, items));
	}
	if (Array.isArray(raw)) return raw;
	if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(raw.trim())) return Number(raw);
	if (types.includes('boolean') && (raw === 'true' || raw === 'false')) return raw === 'true';
	return raw;
}

/** A one-line summary of a request's problems, for logs and `contractViolations`. */
export function summarize(req: { method: string; path: string }, check: RequestCheck): string {
	return `${req.method} ${req.path}${check.operation ? ` (${check.operation.operationId})` : ''}: ${describe(check.errors)}`;
}
