/**
 * n8n's editor shows a node's Schema view before it has run from
 * /schemas/<package>.<node>/<version>/<resource>/<operation>.json, which n8n serves from
 * __schema__/v<version>/<resource>/<operation>.json beside the node file. Every operation needs one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { tableSources } from '../../scripts/operationTable';
import { inferSchema, mergeSchemas } from '../../scripts/schemas/infer';
import { schemaPath } from '../../scripts/schemas/generate';

const { copySchemas } = require('../../scripts/schemas/copy') as { copySchemas: (root: string, dist: string) => number };

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

it('the build step copies the schemas beside the compiled nodes', () => {
	const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-dist-'));
	try {
		expect(copySchemas(ROOT, dist)).toBe(3);
		expect(fs.existsSync(path.join(dist, 'nodes/Ghl/__schema__/v1.0.0/contact/getMany.json'))).toBe(true);
		expect(fs.existsSync(path.join(dist, 'nodes/GhlRankrSync/__schema__/v1.0.0/ghlSync/syncContact.json'))).toBe(true);
	} finally {
		fs.rmSync(dist, { recursive: true, force: true });
	}
});

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
