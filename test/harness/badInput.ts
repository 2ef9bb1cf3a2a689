/**
 * Bad-input cases as data, shared by the nodes' badInput*.test.ts and docs/bad-input.md
 * (scripts/badInputDoc.ts). A node's cases and how to run them form one BadInputSource.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runNode } from './runNode';
import { viaExpressions } from './viaExpressions';

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

/** Nothing listens here: a case that sent a request would fail instead of reaching a server. */
export const UNUSED_BASE_URL = 'http://127.0.0.1:9';

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message a user sees for one case, run through n8n-core as the tests run it. */
export async function messageFor(source: BadInputSource, parameters: Record<string, unknown>): Promise<string> {
	const result = await runNode({
		type: source.type,
		parameters: { ...source.parameters, ...(viaExpressions(parameters) as Record<string, unknown>) } as IDataObject,
		credentials: source.credentials,
	});
	if (result.error?.name !== 'NodeOperationError') {
		throw new Error(`${source.node} ${JSON.stringify(parameters).slice(0, 200)} was not refused as bad input: ${result.error?.message ?? 'it ran'}`);
	}
	return result.error.message;
}
