import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** A record that is not there: Rankr says 404; GHL says 404 or, for some reads, 400 "… not found" (SPEC-QUIRKS 9). */
export function isNotFound(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return error.httpCode === '404' || (error.httpCode === '400' && /not found/i.test(error.message));
}

/** Rankr refused a write because a unique field (an externalRef) is taken. */
export function isConflict(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '409';
}

/** The transport's errors already name the service, status and item; anything else gets the node attached. */
export function nodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error);
}

/**
 * Promise.all that waits for every request before failing: a read left running after its sibling failed
 * would outlive the operation (and keep retrying against a server the workflow no longer cares about).
 */
export async function allOrFirstError<T extends unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
	const settled = await Promise.allSettled(promises);
	const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
	if (failed) throw failed.reason;
	return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T;
}
