/** POST /contacts/search as GHL runs it (SPEC-QUIRKS 2): filters, sort, page up to 10,000, then searchAfter. */
import { route } from '../shared/http';
import type { GhlContext } from './context';
import { checkLocation, unprocessable, validateBody } from './context';
import type { Contact } from './store';

export const SEARCH_MAX_PAGE_LIMIT = 500; // not documented by GHL; the commonly cited maximum
const PAGE_WINDOW = 10_000;
const OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'];

interface Filter {
	field?: string;
	operator?: string;
	value?: unknown;
	group?: 'AND' | 'OR';
	filters?: Filter[];
}

function fieldValue(c: Contact, field: string): unknown {
	if (field.startsWith('customFields.')) return c.customFields.find((f) => f.id === field.slice(13))?.value;
	return (c as Record<string, unknown>)[field];
}

function compare(a: unknown, b: unknown): number {
	const ta = typeof a === 'string' && !Number.isNaN(Date.parse(a)) && /\d{4}-\d\d/.test(a) ? Date.parse(a) : a;
	const tb = typeof b === 'string' && !Number.isNaN(Date.parse(b)) && /\d{4}-\d\d/.test(b) ? Date.parse(b) : b;
	if (typeof ta === 'number' && typeof tb === 'number') return ta - tb;
	return String(ta ?? '').localeCompare(String(tb ?? ''));
}

function matches(c: Contact, f: Filter, errors: string[]): boolean {
	if (f.group) {
		const results = (f.filters ?? []).map((inner) => matches(c, inner, errors));
		return f.group === 'OR' ? results.some(Boolean) : results.every(Boolean);
	}
	if (!f.field || !f.operator || !OPERATORS.includes(f.operator)) {
		errors.push(`invalid filter ${JSON.stringify(f)}`);
		return false;
	}
	const v = fieldValue(c, f.field);
	const asList = Array.isArray(v) ? v.map((x) => String(x).toLowerCase()) : undefined;
	const wanted = typeof f.value === 'string' ? f.value.toLowerCase() : f.value;
	switch (f.operator) {
		case 'eq':
			return asList ? asList.includes(String(wanted)) : String(v ?? '').toLowerCase() === String(wanted);
		case 'not_eq':
			return asList ? !asList.includes(String(wanted)) : String(v ?? '').toLowerCase() !== String(wanted);
		case 'contains':
			return (asList ?? [String(v ?? '').toLowerCase()]).some((x) => x.includes(String(wanted)));
		case 'not_contains':
			return !(asList ?? [String(v ?? '').toLowerCase()]).some((x) => x.includes(String(wanted)));
		case 'exists':
			return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
		case 'not_exists':
			return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
		case 'range': {
			const r = (f.value ?? {}) as Record<string, unknown>;
			return (
				(r.gt === undefined || compare(v, r.gt) > 0) &&
				(r.gte === undefined || compare(v, r.gte) >= 0) &&
				(r.lt === undefined || compare(v, r.lt) < 0) &&
				(r.lte === undefined || compare(v, r.lte) <= 0)
			);
		}
	}
	return false;
}

export const searchRoutes = [
	route<GhlContext>('POST', '/contacts/search', (ctx) => {
		const body = validateBody(ctx.body, {
			required: ['locationId', 'pageLimit'],
			allowed: ['locationId', 'pageLimit', 'page', 'searchAfter', 'query', 'filters', 'sort'],
			strings: ['query'],
			arrays: ['filters', 'sort', 'searchAfter'],
		});
		checkLocation(ctx, body.locationId);
		const pageLimit = Number(body.pageLimit);
		const errors: string[] = [];
		if (!Number.isInteger(pageLimit) || pageLimit < 1 || pageLimit > SEARCH_MAX_PAGE_LIMIT) errors.push(`pageLimit must be between 1 and ${SEARCH_MAX_PAGE_LIMIT}`);
		if (body.page !== undefined && body.searchAfter !== undefined) errors.push('page and searchAfter cannot be used together');
		const pageNo = body.page === undefined ? 1 : Number(body.page);
		if (!Number.isInteger(pageNo) || pageNo < 1) errors.push('page must be a positive integer');
		if (body.searchAfter === undefined && pageNo * pageLimit > PAGE_WINDOW) errors.push(`page * pageLimit must not exceed ${PAGE_WINDOW}; use searchAfter for deeper results`);
		if (errors.length) throw unprocessable(errors);

		const sorts = ((body.sort as Array<{ field: string; direction: string }>) ?? []).map((s) => ({ field: s.field, dir: s.direction === 'desc' ? -1 : 1 }));
		const query = (body.query as string | undefined)?.toLowerCase();
		const filters = (body.filters as Filter[]) ?? [];
		const found = ctx.store.contactsOf(ctx.location).filter((c) => {
			if (query && !JSON.stringify([c.name, c.firstName, c.lastName, c.email, c.phone, c.companyName]).toLowerCase().includes(query)) return false;
			return filters.every((f) => matches(c, f, errors));
		});
		if (errors.length) throw unprocessable(errors);
		const keyOf = (c: Contact) => [...sorts.map((s) => fieldValue(c, s.field) ?? null), c.id];
		const order = (a: unknown[], b: unknown[]) => {
			for (let i = 0; i < sorts.length; i++) {
				const d = compare(a[i], b[i]) * sorts[i].dir;
				if (d) return d;
			}
			return String(a[a.length - 1]).localeCompare(String(b[b.length - 1]));
		};
		const sorted = found.map((c) => ({ c, key: keyOf(c) })).sort((x, y) => order(x.key, y.key));
		let from = (pageNo - 1) * pageLimit;
		if (Array.isArray(body.searchAfter)) {
			const after = body.searchAfter as unknown[];
			from = sorted.findIndex((x) => order(x.key, after) > 0);
			if (from < 0) from = sorted.length;
		}
		const contacts = sorted.slice(from, from + pageLimit).map((x) => ({ ...x.c, searchAfter: x.key }));
		ctx.reply(200, { contacts, total: sorted.length });
	}),
];
