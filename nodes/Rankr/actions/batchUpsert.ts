import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationModule } from '../../shared/operation';
import { rankrRequest } from '../../shared/rankrApi';

/**
 * The contract's batch upserts (`POST /v1/{contacts,tasks,notes}/batch-upsert`) as node operations: every
 * input item is one record, sent 100 a request instead of one request an item; Rankr answers a result per
 * record. One output item per input item (paired with it), in input order.
 */

/** The contract's maximum records per request. */
export const BATCH_SIZE = 100;

interface RecordResult {
	index: number;
	status: 'created' | 'updated' | 'unchanged' | 'failed';
	error: { code: string; message: string; details?: Array<{ field: string; message: string }> } | null;
	[key: string]: unknown;
}

export interface BatchSpec {
	path: string;
	/** The body's list key (`contacts`, `tasks`, `notes`). */
	key: string;
	/** One item's record, every value checked (NodeOperationError naming field and item) before any request. */
	record(this: IExecuteFunctions, itemIndex: number): IDataObject;
	/** What an item outputs for its record's (not failed) result. */
	output(this: IExecuteFunctions, itemIndex: number, result: IDataObject): IDataObject;
}

/** An operation the Rankr router runs for all items at once (see runBatch); execute alone sends a batch of one. */
export interface BatchOperationModule extends OperationModule {
	batch: BatchSpec;
}

export function isBatchOperation(module: OperationModule | undefined): module is BatchOperationModule {
	return !!module && 'batch' in module;
}

export function batchOperation(spec: BatchSpec, description: OperationModule['description']): BatchOperationModule {
	return {
		routes: [`POST ${spec.path}`],
		description,
		batch: spec,
		async execute(this: IExecuteFunctions, i: number) {
			const [result] = await send(this, spec, [{ itemIndex: i, record: spec.record.call(this, i) }]);
			if (result.status === 'failed') throw recordFailure(this, result, i);
			return spec.output.call(this, i, result as unknown as IDataObject);
		},
	};
}

async function send(ctx: IExecuteFunctions, spec: BatchSpec, chunk: Array<{ itemIndex: number; record: IDataObject }>): Promise<RecordResult[]> {
	// rankrRequest gives every POST an Idempotency-Key, so a retried batch is applied once.
	const answer = await rankrRequest<{ results: RecordResult[] }>(ctx, {
		method: 'POST',
		path: spec.path,
		body: { [spec.key]: chunk.map((c) => c.record) },
		itemIndex: chunk[0].itemIndex,
	});
	return chunk.map((_, n) => answer.results.find((r) => r.index === n) ?? { index: n, status: 'failed', error: { code: 'internal', message: 'Rankr sent no result for this record' } });
}

function recordFailure(ctx: IExecuteFunctions, result: RecordResult, itemIndex: number): NodeOperationError {
	const error = result.error ?? { code: 'internal', message: 'failed' };
	const details = (error.details ?? []).map((d) => `${d.field}: ${d.message}`).join('; ');
	return new NodeOperationError(ctx.getNode(), `Rankr refused the record of item ${itemIndex}: ${error.message} (${error.code})`, {
		itemIndex,
		description: details || undefined,
	});
}

function errorItem(error: unknown, itemIndex: number, code?: string): INodeExecutionData {
	const e = error as Error & { description?: string; httpCode?: string };
	return {
		json: { error: e.message, ...(e.description ? { description: e.description } : {}), ...(e.httpCode ? { httpCode: e.httpCode } : {}), ...(code ? { code } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/**
 * All items as batches. Every record is built (and checked) first: without Continue On Fail a bad one fails
 * the run before any request. A record Rankr refuses becomes an error item under Continue On Fail;
 * without it the node fails naming that item, and no later batch is sent (Rankr has applied the other
 * records of the refused one's batch, as the contract says).
 */
export async function runBatch(ctx: IExecuteFunctions, spec: BatchSpec): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail();
	const out: INodeExecutionData[] = new Array(items.length);
	const ready: Array<{ itemIndex: number; record: IDataObject }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			ready.push({ itemIndex: i, record: spec.record.call(ctx, i) });
		} catch (error) {
			if (!continueOnFail) throw error instanceof NodeOperationError ? error : new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: i });
			out[i] = errorItem(error, i);
		}
	}
	for (let start = 0; start < ready.length; start += BATCH_SIZE) {
		const chunk = ready.slice(start, start + BATCH_SIZE);
		let results: RecordResult[];
		try {
			results = await send(ctx, spec, chunk);
		} catch (error) {
			// The whole request failed (Rankr unreachable, 400 for the body, 429 retries spent): each of its items.
			if (!continueOnFail) throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(ctx.getNode(), error as Error);
			for (const { itemIndex } of chunk) out[itemIndex] = errorItem(error, itemIndex);
			continue;
		}
		let failed: NodeOperationError | undefined;
		chunk.forEach(({ itemIndex }, n) => {
			const result = results[n];
			if (result.status === 'failed') {
				const error = recordFailure(ctx, result, itemIndex);
				failed = failed ?? error;
				out[itemIndex] = errorItem(error, itemIndex, result.error?.code);
				return;
			}
			out[itemIndex] = { json: spec.output.call(ctx, itemIndex, result as unknown as IDataObject), pairedItem: { item: itemIndex } };
		});
		if (failed && !continueOnFail) throw failed;
	}
	return [out];
}
