/**
 * `npm run schemas`: the output schema of every operation, for n8n's Schema view before a node has run.
 * It runs the node test suites (every operation against the sandboxes, in-process) with OUTPUT_SCHEMA_DIR
 * set, so the harness records the shape of each output item; shapes are merged per operation and written
 * beside each node as n8n's own nodes keep them: nodes/<Node>/__schema__/v1.0.0/<resource>/<operation>.json.
 * `npm run build` (n8n-node build copies every __schema__ JSON file) puts them in dist, where n8n serves them at
 * /schemas/<package>.<node>/<version>/<resource>/<operation>.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { tableSources } from '../operationTable';
import type { JsonSchema } from './infer';
import { mergeSchemas } from './infer';

const ROOT = path.join(__dirname, '../..');
export const SCHEMA_VERSION_DIR = 'v1.0.0';
/** Node name (as n8n knows it after the package prefix) → its folder. */
export const NODE_DIRS: Record<string, string> = { ghl: 'Ghl', rankr: 'Rankr', ghlRankrSync: 'GhlRankrSync' };
const SUITES = ['test/ghl', 'test/rankr', 'test/sync'];

interface Recorded {
	type: string;
	resource?: string;
	operation: string;
	schema: JsonSchema;
}

export function schemaPath(node: string, resource: string, operation: string): string {
	return path.join(ROOT, 'nodes', NODE_DIRS[node], '__schema__', SCHEMA_VERSION_DIR, resource, `${operation}.json`);
}

function defaultResource(properties: INodeProperties[]): string | undefined {
	const value = properties.find((p) => p.name === 'resource')?.default;
	return typeof value === 'string' ? value : undefined;
}

async function main() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-schemas-'));
	try {
		execFileSync(process.execPath, [require.resolve('jest/bin/jest'), ...SUITES, '--testPathIgnorePatterns', 'faults'], {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, OUTPUT_SCHEMA_DIR: dir },
		});
		const recorded = fs
			.readdirSync(dir)
			.flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
			.map((line) => JSON.parse(line) as Recorded);
		const missing: string[] = [];
		for (const source of await tableSources()) {
			const fallback = defaultResource(source.properties);
			for (const [resource, operations] of Object.entries(source.resources)) {
				for (const operation of Object.keys(operations)) {
					const schema = recorded
						.filter((r) => r.type.endsWith(`.${source.name}`) && (r.resource ?? fallback) === resource && r.operation === operation)
						.reduce<JsonSchema | undefined>((acc, r) => mergeSchemas(acc, r.schema), undefined);
					if (!schema) {
						missing.push(`${source.name} ${resource} ${operation}`);
						continue;
					}
					const file = schemaPath(source.name, resource, operation);
					fs.mkdirSync(path.dirname(file), { recursive: true });
					fs.writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
				}
			}
		}
		process.stdout.write(`schemas written${missing.length ? `; no output seen for: ${missing.join(', ')}` : ''}\n`);
		if (missing.length) process.exitCode = 1;
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${String(error)}\n`);
		process.exit(1);
	});
}
