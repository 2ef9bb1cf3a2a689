/** The generic OpenAPI 3.1 validator on a tiny inline document (no Rankr in sight). */
import { OpenApiValidator } from '../../sandbox/shared/openapi';

const spec = {
	openapi: '3.1.0',
	info: { title: 'Tiny', version: '1' },
	security: [{ key: [] }],
	paths: {
		'/items': {
			get: {
				operationId: 'listItems',
				parameters: [
					{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 10, default: 5 } },
					{ name: 'done', in: 'query', schema: { type: 'boolean' } },
				],
				responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } } } },
			},
			post: {
				operationId: 'createItem',
				parameters: [{ name: 'X-Trace', in: 'header', required: true, schema: { type: 'string', minLength: 3 } }],
				requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemCreate' } } } },
				responses: {
					'201': {
						description: 'created',
						headers: { 'X-Count': { required: true, schema: { type: 'integer' } } },
						content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
					},
				},
			},
		},
		'/items/{itemId}': {
			parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string', pattern: '^itm_\\w+$' } }],
			delete: { operationId: 'deleteItem', security: [], responses: { '204': { description: 'gone' } } },
		},
	},
	components: {
		securitySchemes: { key: { type: 'http', scheme: 'bearer' } },
		schemas: {
			Item: { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' } } },
			ItemCreate: {
				type: 'object',
				required: ['name'],
				additionalProperties: false,
				properties: {
					name: { type: 'string', minLength: 1 },
					email: { type: 'string', format: 'email' },
					parts: { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/Bolt' }, { $ref: '#/components/schemas/Nut' }] } },
				},
			},
			Bolt: { type: 'object', required: ['kind', 'length'], additionalProperties: false, properties: { kind: { const: 'bolt' }, length: { type: 'integer', minimum: 1 } } },
			Nut: { type: 'object', required: ['kind', 'size'], additionalProperties: false, properties: { kind: { const: 'nut' }, size: { type: 'string' } } },
		},
	},
};

const auth = { authorization: 'Bearer t' };

describe('OpenApiValidator', () => {
	const v = new OpenApiValidator(spec);

	it('lists the operations with their merged parameters', () => {
		expect(v.operations.map((o) => `${o.method} ${o.pathTemplate} ${o.operationId}`)).toEqual(['GET /items listItems', 'POST /items createItem', 'DELETE /items/{itemId} deleteItem']);
		expect(v.operation('deleteItem').parameters.map((p) => p.name)).toEqual(['itemId']);
	});

	it('tells an unknown path (404) from a known path with another method (405)', () => {
		expect(v.validateRequest({ method: 'GET', path: '/nope', headers: auth }).outcome).toBe('not_found');
		const wrong = v.validateRequest({ method: 'PUT', path: '/items', headers: auth });
		expect(wrong.outcome).toBe('method_not_allowed');
		expect(wrong.allowedMethods).toEqual(['GET', 'POST']);
	});

	it('coerces query text to the schema type, applies defaults and checks bounds', () => {
		const ok = v.validateRequest({ method: 'GET', path: '/items?done=true', headers: auth });
		expect(ok).toMatchObject({ outcome: 'ok', operation: { operationId: 'listItems' }, query: { limit: 5, done: true } });
		expect(v.validateRequest({ method: 'GET', path: '/items', query: { limit: '7' }, headers: auth }).query.limit).toBe(7);
		const bad = v.validateRequest({ method: 'GET', path: '/items?limit=11&done=yes&extra=1', headers: auth });
		expect(bad.outcome).toBe('invalid');
		expect(bad.errors.map((e) => e.field)).toEqual(['query.limit', 'query.done', 'query.extra']);
	});

	it('requires the bearer token where the document asks for one, and not where an operation opts out', () => {
		expect(v.validateRequest({ method: 'GET', path: '/items' }).outcome).toBe('unauthorized');
		expect(v.validateRequest({ method: 'DELETE', path: '/items/itm_1' }).outcome).toBe('ok');
	});

	it('checks path and header parameters', () => {
		expect(v.validateRequest({ method: 'DELETE', path: '/items/x1' }).errors).toEqual([{ field: 'path.itemId', message: 'must match pattern "^itm_\\w+$"' }]);
		const noHeader = v.validateRequest({ method: 'POST', path: '/items', headers: auth, body: { name: 'a' } });
		expect(noHeader.errors).toEqual([{ field: 'header.X-Trace', message: 'is required' }]);
	});

	it('names body fields the way the error shape does, picking the oneOf branch the discriminator chose', () => {
		const check = v.validateRequest({
			method: 'POST',
			path: '/items',
			headers: { ...auth, 'x-trace': 'abc' },
			body: { name: '', email: 'nope', colour: 'red', parts: [{ kind: 'bolt', length: 0 }, { kind: 'washer' }] },
		});
		expect(check.errors).toEqual([
			{ field: 'colour', message: 'is not allowed' },
			{ field: 'name', message: 'must NOT have fewer than 1 characters' },
			{ field: 'email', message: 'must match format "email"' },
			{ field: 'parts[0].length', message: 'must be >= 1' },
			{ field: 'parts[1].kind', message: 'must be one of: bolt, nut' },
		]);
		expect(v.validateRequest({ method: 'POST', path: '/items', headers: { ...auth, 'x-trace': 'abc' } }).errors).toEqual([{ field: 'body', message: 'is required' }]);
	});

	it('checks a response: documented status, required headers, body schema, no body where none is documented', () => {
		expect(v.validateResponse('createItem', 201, { id: 'itm_1', name: 'a' }, { 'x-count': '3' })).toEqual([]);
		expect(v.validateResponse('createItem', 201, { id: 1 }, {})).toEqual([
			{ field: 'header.X-Count', message: 'is required' },
			{ field: 'name', message: 'is required' },
			{ field: 'id', message: 'must be string' },
		]);
		expect(v.validateResponse('createItem', 400, {})).toEqual([{ field: 'status', message: '400 is not documented for createItem' }]);
		expect(v.validateResponse('deleteItem', 204, { surprise: true })).toEqual([{ field: 'body', message: '204 is documented without a body' }]);
	});
});
