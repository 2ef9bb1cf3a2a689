/** What a Rankr route handler gets, the error it throws to answer in the contract's shape, and cursor pages. */
import type { FieldError } from '../shared/openapi';
import type { RankrStore } from './store';

export type ErrorCode = 'validation_failed' | 'unauthorized' | 'not_found' | 'conflict' | 'idempotency_conflict' | 'rate_limited' | 'internal';

export class RankrError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string,
		readonly details: FieldError[] = [],
	) {
		super(message);
	}

	static notFound(what: string, id: string): RankrError {
		return new RankrError(404, 'not_found', `No ${what} ${id} in this account`);
	}

	static invalid(details: FieldError[], message = 'The request is invalid'): RankrError {
		return new RankrError(400, 'validation_failed', message, details);
	}

	get body(): { error: { code: ErrorCode; message: string; details: FieldError[] } } {
		return { error: { code: this.code, message: this.message, details: this.details } };
	}
}

export interface RankrContext {
	method: string;
	path: string;
	/** Query parameters as the contract types them (limit is a number, completed a boolean), defaults applied. */
	query: Record<string, unknown>;
	/** Already validated against the operation's request schema. */
	body: any;
	store: RankrStore;
	reply(status: number, body?: unknown): void;
}

export interface Page<T> {
	data: T[];
	nextCursor: string | null;
}

const encode = (key: string) => Buffer.from(`rk1:${key}`, 'utf8').toString('base64url');

function decode(cursor: string): string {
	const text = Buffer.from(cursor, 'base64url').toString('utf8');
	if (!text.startsWith('rk1:')) throw RankrError.invalid([{ field: 'query.cursor', message: 'is not a cursor this API gave' }]);
	return text.slice(4);
}

/**
 * One page of `items` (already in list order) after the cursor's position. `keyOf` gives each item's
 * sortable position (creation sequence or name), so deleting records between pages skips nothing.
 */
export function paginate<T>(ctx: RankrContext, items: T[], keyOf: (item: T) => number | string): Page<T> {
	const limit = Number(ctx.query.limit ?? 50);
	const cursor = ctx.query.cursor as string | undefined;
	let rest = items;
	if (cursor) {
		const after = decode(cursor);
		rest = items.filter((item) => {
			const key = keyOf(item);
			return typeof key === 'number' ? key > Number(after) : key > after;
		});
	}
	const data = rest.slice(0, limit);
	const nextCursor = rest.length > limit ? encode(String(keyOf(data[data.length - 1]))) : null;
	return { data, nextCursor };
}

/** A page of records in creation order. */
export function pageByCreation<T extends { id: string }>(ctx: RankrContext, items: T[]): Page<T> {
	const sorted = [...items].sort((a, b) => ctx.store.positionOf(a.id) - ctx.store.positionOf(b.id));
	return paginate(ctx, sorted, (item) => ctx.store.positionOf(item.id));
}
