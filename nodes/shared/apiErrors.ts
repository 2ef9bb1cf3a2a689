import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

// Shared by the sync module and the polling trigger's task sources: both read GHL and must tell
// "that record is not there" from every other failure.

/** A record that is not there: Rankr says 404; GHL says 404 or, for some reads, 400 "… not found" (SPEC-QUIRKS 9). */
export function isNotFound(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return error.httpCode === '404' || (error.httpCode === '400' && /not found/i.test(error.message));
}

/** The transport's errors already name the service, status and item; anything else gets the node attached. */
export function nodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	return error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error);
}
