import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ghlAuthentication, ghlCredentials } from '../shared/ghlDescription';
import { ghlLocation, ghlRequest } from '../shared/ghlApi';
import { apiPath } from '../shared/transport/path';
import type { SearchCursor } from '../shared/transport/pagination';
import { collectPages, nextSearchCursor, nextSkip } from '../shared/transport/pagination';
import type { PollCursor } from './cursor';
import { advance } from './cursor';

type PollEvent = 'newContact' | 'updatedContact' | 'completedTask';
const TIME_FIELD: Record<PollEvent, string> = { newContact: 'dateAdded', updatedContact: 'dateUpdated', completedTask: 'dateUpdated' };

async function contactsSince(ctx: IPollFunctions, field: string, since: string | undefined, limit?: number): Promise<IDataObject[]> {
	const locationId = await ghlLocation(ctx);
	const direction = since ? 'asc' : 'desc';
	let seen = 0;
	return await collectPages<IDataObject, SearchCursor>(
		async (cursor, pageSize) => {
			const body: IDataObject = {
				locationId,
				pageLimit: pageSize,
				sort: [{ field, direction }],
				...(since ? { filters: [{ field, operator: 'range', value: { gte: since } }] } : {}),
				...(cursor && 'searchAfter' in cursor ? { searchAfter: cursor.searchAfter } : { page: cursor && 'page' in cursor ? cursor.page : 1 }),
			};
			const response = await ghlRequest<{ contacts: IDataObject[]; total?: number }>(ctx, { method: 'POST', path: '/contacts/search', body, idempotent: true });
			seen += response.contacts.length;
			return { items: response.contacts, next: nextSearchCursor(cursor, response.contacts as never, pageSize, response.total, seen) };
		},
		{ pageSize: 500, limit },
	);
}

async function completedTasks(ctx: IPollFunctions): Promise<IDataObject[]> {
	const locationId = await ghlLocation(ctx);
	return await collectPages<IDataObject, number>(
		async (skip, pageSize) => {
			const response = await ghlRequest<{ tasks: IDataObject[] }>(ctx, {
				method: 'POST',
				path: apiPath`/locations/${locationId}/tasks/search`,
				body: { completed: true, limit: pageSize, skip: skip ?? 0 },
				idempotent: true,
			});
			const tasks = (response.tasks ?? []).flat() as IDataObject[];
			return { items: tasks, next: nextSkip(skip, tasks.length, pageSize) };
		},
		{ pageSize: 100 },
	);
}

export class GhlPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Polling Trigger',
		name: 'ghlPollingTrigger',
		icon: { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new contacts, updated contacts or completed tasks in GoHighLevel, by polling (no set-up in GHL)',
		defaults: { name: 'GHL Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials,
		properties: [
			ghlAuthentication,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'Contact Created', value: 'newContact' },
					{ name: 'Contact Updated', value: 'updatedContact', description: 'Any change, including creation' },
					{ name: 'Task Completed', value: 'completedTask' },
				],
				default: 'newContact',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as PollEvent;
		const field = TIME_FIELD[event];
		const state = this.getWorkflowStaticData('node');
		const key = `cursor:${event}`;

		if (this.getMode() === 'manual') {
			// The editor's "fetch test event": show the latest few so the user sees real data.
			const sample = event === 'completedTask' ? (await completedTasks(this)).slice(-3).reverse() : await contactsSince(this, field, undefined, 3);
			return sample.length ? [this.helpers.returnJsonArray(sample.map((r) => ({ event, ...r })))] : null;
		}
		const cursor = state[key] as PollCursor | undefined;
		if (!cursor) {
			// First activation: start from now, do not replay history.
			state[key] = { since: new Date().toISOString(), idsAtSince: [] } satisfies PollCursor;
			return null;
		}
		const records = event === 'completedTask' ? await completedTasks(this) : await contactsSince(this, field, cursor.since);
		const { fresh, next } = advance(cursor, records, field);
		state[key] = next as unknown as IDataObject;
		if (!fresh.length) return null;
		fresh.sort((a, b) => Date.parse(String(a[field])) - Date.parse(String(b[field])));
		return [this.helpers.returnJsonArray(fresh.map((r) => ({ event, ...r })))];
	}
}
