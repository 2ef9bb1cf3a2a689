/**
 * With OUTPUT_SCHEMA_DIR set (npm run schemas), every node run records the shape of its output items per
 * node, resource and operation: the raw material of the schema files n8n's Schema view reads. Only shapes
 * (keys and types) are written, never values. Runs with Simplify off or a non-default output mode are not
 * recorded: the schema describes what a node gives with its defaults.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { inferSchema } from '../../scripts/schemas/infer';

const ERROR_KEYS = new Set(['error', 'description', 'httpCode']);

export function recordOutputShape(type: string, parameters: IDataObject, items: INodeExecutionData[], failed: boolean): void {
	const dir = process.env.OUTPUT_SCHEMA_DIR;
	if (!dir || failed || !items.length) return;
	if (parameters.simplify === false || (parameters.output !== undefined && parameters.output !== 'summary')) return;
	const operation = parameters.operation;
	if (typeof operation !== 'string') return;
	const resource = typeof parameters.resource === 'string' ? parameters.resource : undefined;
	const lines = items
		.filter((item) => !Object.keys(item.json).every((k) => ERROR_KEYS.has(k)))
		.map((item) => JSON.stringify({ type, resource, operation, schema: inferSchema(item.json) }));
	if (!lines.length) return;
	fs.mkdirSync(dir, { recursive: true });
	fs.appendFileSync(path.join(dir, `${process.pid}.jsonl`), `${lines.join('\n')}\n`);
}
