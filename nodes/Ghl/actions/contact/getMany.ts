import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { omitKeys } from '../../../shared/omitKeys';
import type { SearchCursor } from '../../../shared/transport/pagination';
import { collectPagesWithin, nextSearchCursor, SEARCH_PAGE_WINDOW } from '../../../shared/transport/pagination';
import { checkEnum, invalid } from '../../../shared/validation';
import { personFirst, returnAllFields, simplifyField, simplifyOn, wantedLimit } from '../common';
import { markStopped, pagingOptions, readPaging } from '../returnAllBudget';

const OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'] as const;
const SORT_FIELDS = ['dateAdded', 'dateUpdated', 'firstName', 'lastName', 'email'] as const;
// pageLimit's maximum is undocumented; 500 is the commonly cited one (SPEC-QUIRKS 2).
const PAGE_SIZE = 500;

const filtersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Filter',
			name: 'filter',
			values: [
				{
					displayName: 'Field',
					name: 'field',
					type: 'string',
					default: 'tags',
					placeholder: 'e.g. tags, email, dateAdded, customFields.<ID>',
					description: 'GHL field to filter on',
				},
				{
					displayName: 'Operator',
					name: 'operator',
					type: 'options',
					options: [
						{ name: 'Contains', value: 'contains' },
						{ name: 'Does Not Contain', value: 'not_contains' },
						{ name: 'Does Not Exist', value: 'not_exists' },
						{ name: 'Exists', value: 'exists' },
						{ name: 'Is Equal To', value: 'eq' },
						{ name: 'Is in Range', value: 'range' },
						{ name: 'Is Not Equal To', value: 'not_eq' },
					],
					default: 'eq',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					displayOptions: { hide: { operator: ['exists', 'not_exists'] } },
					description: 'For Is in Range, JSON such as {"gte": "2024-01-01", "lt": "2024-02-01"}',
				},
			],
		},
	],
};

const RANGE_KEYS = ['gt', 'gte', 'lt', 'lte'];

/** The Filters rows as GHL's search takes them, each checked before any request. */
function searchFilters(ctx: IExecuteFunctions, i: number): IDataObject[] {
	return (ctx.getNodeParameter('filters.filter', i, []) as IDataObject[]).map((f, n) => {
		const label = `Filters [${n + 1}]`;
		const field = String(f.field ?? '').trim();
		if (!field) throw invalid(ctx, `${label} Field`, i, 'is required but empty');
		const operator = checkEnum(ctx, f.operator, OPERATORS, `${label} Operator`, i);
		if (operator === 'exists' || operator === 'not_exists') return { field, operator };
		if (operator !== 'range') {
			if (f.value === undefined || f.value === null || f.value === '') throw invalid(ctx, `${label} Value`, i, 'is required but empty');
			return { field, operator, value: f.value };
		}
		let range: unknown = f.value;
		try {
			if (typeof range === 'string') range = JSON.parse(range);
		} catch {
			range = undefined;
		}
		const keys = range && typeof range === 'object' && !Array.isArray(range) ? Object.keys(range) : [];
		if (!keys.length || keys.some((k) => !RANGE_KEYS.includes(k))) {
			throw invalid(ctx, `${label} Value`, i, 'a range needs JSON such as {"gte": "2024-01-01"} (keys gt, gte, lt, lte)');
		}
		return { field, operator, value: range as IDataObject };
	});
}

/**
 * Where a stopped walk goes on: after the sort keys of the last contact read (stable while contacts are
 * added or removed); without them, the next page number at this page size.
 */
function resumeAt(next: SearchCursor, contacts: Array<{ searchAfter?: unknown[] }>, pageSize: number): IDataObject {
	const keys = contacts[contacts.length - 1]?.searchAfter;
	if (Array.isArray(keys)) return { searchAfter: keys };
	return 'page' in next ? { page: next.page, pageLimit: pageSize } : { searchAfter: next.searchAfter };
}

/** Resume From for the search: `{searchAfter: [...]}` or `{page, pageLimit}`. */
function searchResume(value: IDataObject): (SearchCursor & { pageLimit?: number }) | undefined {
	if (Array.isArray(value.searchAfter) && value.searchAfter.length > 0) return { searchAfter: value.searchAfter as unknown[] };
	const { page, pageLimit } = value;
	const whole = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
	return whole(page, SEARCH_PAGE_WINDOW) && whole(pageLimit, PAGE_SIZE) ? { page, pageLimit } : undefined;
}

/** A numbered page resumes at the page size it was numbered with. */
function pageSizeOf(start: (SearchCursor & { pageLimit?: number }) | undefined): number {
	return start && 'page' in start && start.pageLimit ? start.pageLimit : PAGE_SIZE;
}

export const getMany: OperationModule = {
	routes: ['POST /contacts/search'],
	description: [
		...returnAllFields(),
		{ displayName: 'Search Query', name: 'query', type: 'string', default: '', description: 'Matches name, email, phone and company' },
		filtersField,
		{ displayName: 'Match', name: 'filterGroup', type: 'options', options: [{ name: 'All Filters', value: 'AND' }, { name: 'Any Filter', value: 'OR' }], default: 'AND' },
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'collection',
			placeholder: 'Add Sort',
			default: {},
			options: [
				{
					displayName: 'Field',
					name: 'field',
					type: 'options',
					options: [
						{ name: 'Date Added', value: 'dateAdded' },
						{ name: 'Date Updated', value: 'dateUpdated' },
						{ name: 'Email', value: 'email' },
						{ name: 'First Name', value: 'firstName' },
						{ name: 'Last Name', value: 'lastName' },
					],
					default: 'dateAdded',
				},
				{ displayName: 'Direction', name: 'direction', type: 'options', options: [{ name: 'Ascending', value: 'asc' }, { name: 'Descending', value: 'desc' }], default: 'asc' },
			],
		},
		simplifyField,
		pagingOptions('contacts'),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const limit = wantedLimit.call(this, i);
		const filters = searchFilters(this, i);
		const group = checkEnum(this, this.getNodeParameter('filterGroup', i, 'AND'), ['AND', 'OR'] as const, 'Match', i);
		const sortOption = this.getNodeParameter('sort', i, {}) as IDataObject;
		// Paging needs a stable order; dateAdded is GHL's natural one.
		const sort = [
			{
				field: checkEnum(this, sortOption.field ?? 'dateAdded', SORT_FIELDS, 'Sort Field', i),
				direction: checkEnum(this, sortOption.direction ?? 'asc', ['asc', 'desc'] as const, 'Sort Direction', i),
			},
		];
		const query = String(this.getNodeParameter('query', i, '') ?? '').trim();
		const paging = readPaging(this, i, searchResume);
		const locationId = await ghlLocation(this);
		let seen = 0;
		const walk = await collectPagesWithin<IDataObject & { searchAfter?: unknown[] }, SearchCursor>(
			async (cursor, pageSize) => {
				const body: IDataObject = {
					locationId,
					pageLimit: pageSize,
					sort,
					...(query ? { query } : {}),
					...(filters.length ? { filters: group === 'OR' && filters.length > 1 ? [{ group: 'OR', filters }] : filters } : {}),
					...(cursor && 'searchAfter' in cursor ? { searchAfter: cursor.searchAfter } : { page: cursor && 'page' in cursor ? cursor.page : 1 }),
				};
				const response = await ghlRequest<{ contacts: Array<IDataObject & { searchAfter?: unknown[] }>; total?: number }>(this, {
					method: 'POST',
					path: '/contacts/search',
					body,
					idempotent: true,
					itemIndex: i,
				});
				seen += response.contacts.length;
				return { items: response.contacts, next: nextSearchCursor(cursor, response.contacts, pageSize, response.total, seen) };
			},
			{ limit, pageSize: pageSizeOf(paging.start), budget: paging.budget, start: paging.start, fixedSize: !!paging.start && 'page' in paging.start },
		);
		const contacts = walk.items;
		const resume = walk.resume && resumeAt(walk.resume, contacts, pageSizeOf(paging.start));
		// searchAfter is GHL's paging cursor, not contact data: kept only in the raw output. Deleted in
		// place, as copying 100,000 contacts would hold two of each at the peak.
		const out = simplifyOn.call(this, i) ? contacts.map((contact) => personFirst(omitKeys(contact, 'searchAfter'))) : contacts;
		return markStopped(this, i, out, resume, paging, 'contacts');
	},
};
