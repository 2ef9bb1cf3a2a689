import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import type { SearchCursor } from '../../../shared/transport/pagination';
import { collectPages, nextSearchCursor } from '../../../shared/transport/pagination';
import { checkEnum, invalid } from '../../../shared/validation';
import { returnAllFields, simplifyField, wantedLimit } from '../common';

const OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'] as const;
const SORT_FIELDS = ['dateAdded', 'dateUpdated', 'firstName', 'lastName', 'email'] as const;
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
				{ displayName: 'Field', name: 'field', type: 'string', default: 'tags', placeholder: 'e.g. tags, email, dateAdded, customFields.<ID>', description: 'GHL field to filter on' },
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
				{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'For Is in Range, JSON such as {"gte": "2024-01-01", "lt": "2024-02-01"}' },
			],
		},
	],
};

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
				{ displayName: 'Field', name: 'field', type: 'options', options: SORT_FIELDS.map((f) => ({ name: f, value: f })), default: 'dateAdded' },
				{ displayName: 'Direction', name: 'direction', type: 'options', options: [{ name: 'Ascending', value: 'asc' }, { name: 'Descending', value: 'desc' }], default: 'asc' },
			],
		},
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const limit = wantedLimit.call(this, i);
		const filters = (this.getNodeParameter('filters.filter', i, []) as IDataObject[]).map((f, n) => {
			const field = String(f.field ?? '').trim();
			if (!field) throw invalid(this, `Filters [${n + 1}] Field`, i, 'is required but empty');
			const operator = checkEnum(this, f.operator, OPERATORS, `Filters [${n + 1}] Operator`, i);
			let value: unknown = f.value;
			if (operator === 'range') {
				try {
					value = typeof f.value === 'string' ? JSON.parse(f.value) : f.value;
				} catch {
					throw invalid(this, `Filters [${n + 1}] Value`, i, 'a range needs JSON such as {"gte": "2024-01-01"}');
				}
			}
			return operator === 'exists' || operator === 'not_exists' ? { field, operator } : { field, operator, value };
		});
		const group = this.getNodeParameter('filterGroup', i, 'AND') as string;
		const sortOption = this.getNodeParameter('sort', i, {}) as IDataObject;
		// Paging needs a stable order; dateAdded is GHL's natural one.
		const sort = [{ field: checkEnum(this, sortOption.field ?? 'dateAdded', SORT_FIELDS, 'Sort Field', i), direction: sortOption.direction === 'desc' ? 'desc' : 'asc' }];
		const query = (this.getNodeParameter('query', i, '') as string).trim();
		const locationId = await ghlLocation(this);
		let seen = 0;
		const contacts = await collectPages<IDataObject & { searchAfter?: unknown[] }, SearchCursor>(
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
			{ limit, pageSize: PAGE_SIZE },
		);
		const simplify = this.getNodeParameter('simplify', i, true) as boolean;
		return contacts.map(({ searchAfter, ...contact }) => (simplify ? contact : { ...contact, searchAfter }));
	},
};
