import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { filtersCollection } from '../../../shared/fields';
import { apiPath } from '../../../shared/transport/path';
import { collectPagesWithin, nextSkip } from '../../../shared/transport/pagination';
import { checkEnum, invalid, requireId, toList } from '../../../shared/validation';
import { returnAllFields, wantedLimit } from '../common';
import { markStopped, pagingOptions, readPaging, skipResume } from '../returnAllBudget';

/** Tasks of every contact of the location, filtered: POST /locations/{locationId}/tasks/search. */
const filtersField = filtersCollection([
	{
		displayName: 'Assigned To Names or IDs',
		name: 'assignedTo',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: [],
		description: 'Only tasks of these users. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Business ID', name: 'businessId', type: 'string', default: '', description: 'Only tasks of contacts linked to this business' },
	{
		displayName: 'Contact IDs',
		name: 'contactIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc, pOC0uJ97VYOKH2m3fkMD',
		description: 'Only tasks of these contacts: comma-separated IDs, or an expression giving a list',
	},
	{ displayName: 'Search Query', name: 'query', type: 'string', default: '', description: 'Text to look for in the tasks' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Completed', value: 'completed' },
			{ name: 'Pending', value: 'pending' },
		],
		default: 'pending',
		description: 'Only completed tasks, or only those still to do',
	},
]);

/** GHL documents a default of 25 and no maximum; 100 is what the endpoint is known to take. */
const PAGE_SIZE = 100;

function idList(ctx: IExecuteFunctions, value: unknown, field: string, i: number): string[] {
	const ids = toList(value).map((id) => requireId(ctx, id, field, i));
	for (const id of ids) if (id.length > 50) throw invalid(ctx, field, i, `"${id.slice(0, 60)}" is longer than 50 characters`);
	return [...new Set(ids)];
}

/** The search body without paging; every value checked before the first request. */
function searchFilters(this: IExecuteFunctions, i: number): IDataObject {
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const body: IDataObject = {};
	const contactIds = idList(this, f.contactIds, 'Contact IDs', i);
	if (contactIds.length) body.contactId = contactIds;
	const assignedTo = idList(this, f.assignedTo, 'Assigned To', i);
	if (assignedTo.length) body.assignedTo = assignedTo;
	if (f.status !== undefined) body.completed = checkEnum(this, f.status, ['completed', 'pending'] as const, 'Status', i) === 'completed';
	const query = typeof f.query === 'string' ? f.query.trim() : f.query === undefined ? '' : String(f.query);
	if (query) body.query = query;
	if (f.businessId !== undefined && f.businessId !== '') body.businessId = requireId(this, f.businessId, 'Business ID', i);
	return body;
}

/** SPEC-QUIRKS 7: `tasks` is typed as an array of arrays, while GHL sends task objects. Either is read. */
function tasksOf(response: { tasks?: unknown }): IDataObject[] {
	const tasks = Array.isArray(response.tasks) ? (response.tasks as unknown[]) : [];
	return tasks.flat().filter((t): t is IDataObject => typeof t === 'object' && t !== null && !Array.isArray(t));
}

export const searchLocation: OperationModule = {
	routes: ['POST /locations/{locationId}/tasks/search'],
	description: [...returnAllFields(), filtersField, pagingOptions('tasks')],
	async execute(this: IExecuteFunctions, i: number) {
		const filters = searchFilters.call(this, i);
		const limit = wantedLimit.call(this, i);
		const paging = readPaging(this, i, skipResume);
		const locationId = await ghlLocation(this);
		const walk = await collectPagesWithin<IDataObject, number>(
			async (skip, pageSize) => {
				const response = await ghlRequest<{ tasks?: unknown }>(this, {
					method: 'POST',
					path: apiPath`/locations/${locationId}/tasks/search`,
					body: { ...filters, limit: pageSize, skip: skip ?? 0 },
					// A search changes nothing, so a retry after a lost answer is safe.
					idempotent: true,
					itemIndex: i,
				});
				const tasks = tasksOf(response);
				return { items: tasks, next: nextSkip(skip, tasks.length, pageSize) };
			},
			{ limit, pageSize: PAGE_SIZE, budget: paging.budget, start: paging.start },
		);
		return markStopped(this, i, walk.items, walk.resume === undefined ? undefined : { skip: walk.resume }, paging, 'tasks');
	},
};
