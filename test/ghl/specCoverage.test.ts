import fs from 'node:fs';
import path from 'node:path';

import { resources } from '../../nodes/Ghl/actions/router';

/** Every operation of GHL's Contacts API spec must be reachable from some operation of the GHL node. */
describe('GHL node covers the Contacts API', () => {
	const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/ghl-api/contacts.json'), 'utf8')) as {
		paths: Record<string, Record<string, unknown>>;
	};
	const specOperations = Object.entries(spec.paths).flatMap(([p, methods]) =>
		Object.keys(methods)
			.filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))
			.map((m) => `${m.toUpperCase()} ${p}`),
	);
	const routes = new Set(
		Object.values(resources).flatMap((ops) => Object.values(ops).flatMap((module) => module.routes)),
	);

	it('the spec has the 32 operations we build against', () => {
		expect(specOperations).toHaveLength(32);
	});

	it.each(specOperations)('%s is reached by a node operation', (operation) => {
		expect(routes.has(operation)).toBe(true);
	});
});
