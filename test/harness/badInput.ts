/**
 * Bad-input cases as data, shared by the nodes' badInput*.test.ts and docs/bad-input.md
 * (scripts/badInputDoc.ts). A node's cases and how to run them form one BadInputSource.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runNode } from './runNode';

/** [case, parameters, field named in the message, what it says about the value] */
export type BadInputCase = [string, Record<string, unknown>, string, RegExp];

/** Any table whose rows start with a title and the node's parameters. */
export type BadInputRow = readonly [string, Record<string, unknown>, ...unknown[]];

export interface BadInputSource {
	/** Heading in docs/bad-input.md. */
	node: string;
	/** Full node type name, from registerNodeType. */
	type: string;
	/** Parameters every case shares (e.g. authentication). */
	parameters: Record<string, unknown>;
	/** Never used: bad input is refused before any request. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	cases: BadInputRow[];
}

/** Fields that steer which other fields exist stay literal, as a user sets them in the editor. */
const LITERAL = new Set(['resource', 'operation', '__rl', 'mode', 'by', 'bulkAction', 'returnAll', 'removeAllTags']);

/**
 * n8n refuses some literal values itself (required fields, the locator's regex) before the node runs.
 * Values from earlier nodes arrive through expressions and reach the node: that is what our checks are
 * for, so every value is given as an expression.
 */
export function viaExpressions(value: unknown, key = ''): unknown {
	if (LITERAL.has(key)) return value;
	if (typeof value === 'string') return value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`;
	if (typeof value === 'number' || (Array.isArray(value) && value.every((v) => typeof v !== 'object'))) return `={{ ${JSON.stringify(value)} }}`;
	if (Array.isArray(value)) return value.map((v) => viaExpressions(v));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, viaExpressions(v, k)]));
	return value;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message a user sees for one case, run through n8n-core as in the tests (no sandbox needed). */
export async function messageFor(source: BadInputSource, parameters: Record<string, unknown>): Promise<string> {
	const result = await runNode({
		type: source.type,
		parameters: { ...source.parameters, ...(viaExpressions(parameters) as Record<string, unknown>) } as IDataObject,
		credentials: source.credentials,
	});
	if (result.error?.name !== 'NodeOperationError') {
		throw new Error(`${source.node} ${JSON.stringify(parameters)} was not refused as bad input: ${result.error?.message ?? 'it ran'}`);
	}
	return result.error.message;
}
