import { NodeApiError } from 'n8n-workflow';

/** Rankr refused a write because a unique field (an externalRef) is taken. */
export function isConflict(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '409';
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
