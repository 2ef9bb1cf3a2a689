/**
 * n8n's editor shows a node's Schema view before it has run from
 * /schemas/<package>.<node>/<version>/<resource>/<operation>.json, which n8n serves from
 * __schema__/v<version>/<resource>/<operation>.json beside the node file. Every operation needs one.
 */
import fs from 'node:fs';
import path from 'node:path';

import { tableSources } from '../../scripts/operationTable';
import { inferSchema, mergeSchemas } from '../../scripts/schemas/infer';
import { schemaPath } from '../../scripts/schemas/generate';

const ROOT = path.join(__dirname, '../..');

it('every operation of every action node has an output schema the editor accepts (object with properties)', async () => {
	let count = 0;
	for (const source of await tableSources()) {
		for (const [resource, operations] of Object.entries(source.resources)) {
			for (const operation of Object.keys(operations)) {
				const file = schemaPath(source.name, resource, operation);
				expect({ file: path.relative(ROOT, file), exists: fs.existsSync(file) }).toEqual({ file: path.relative(ROOT, file), exists: true });
				const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { type: string; properties: Record<string, unknown> };
				expect(schema.type).toBe('object');
				expect(Object.keys(schema.properties).length).toBeGreaterThan(0);
				count++;
			}
		}
	}
	expect(count).toBeGreaterThan(70);
});

it('a simplified GHL contact schema lists name, email and phone first', () => {
	const schema = JSON.parse(fs.readFileSync(schemaPath('ghl', 'contact', 'getMany'), 'utf8')) as { properties: Record<string, unknown> };
	expect(Object.keys(schema.properties).slice(0, 4)).toEqual(['firstName', 'lastName', 'email', 'phone']);
});

// That `npm run build` (n8n-node build) puts them beside the compiled nodes: test/package/build.test.ts.

describe('schema inference', () => {
	it('keeps keys and types, never values', () => {
		const schema = inferSchema({ email: 'jane@x.com', score: 5, tags: ['a'], dnd: false, extra: null });
		expect(JSON.stringify(schema)).not.toContain('jane@x.com');
		expect(schema).toEqual({
			type: 'object',
			properties: { email: { type: 'string' }, score: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } }, dnd: { type: 'boolean' }, extra: { type: 'null' } },
		});
	});

	it('merges items: a key seen once is kept, a nullable string reads as a string first', () => {
		const merged = mergeSchemas(inferSchema({ a: null }), inferSchema({ a: 'x', b: 1.5 }));
		expect(merged).toEqual({ type: 'object', properties: { a: { type: ['string', 'null'] }, b: { type: 'number' } } });
	});
});
