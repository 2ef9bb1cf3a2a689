/** Location-level lists the nodes read: the location, task search, custom fields, users, campaigns, workflows. */
import { route } from '../shared/http';
import type { GhlContext } from './context';
import { checkLocation, queryString, unprocessable, validateBody } from './context';

function forLocation<T extends { locationId: string }>(ctx: GhlContext, map: Map<string, T>): T[] {
	return [...map.values()].filter((x) => x.locationId === ctx.location);
}

export const locationRoutes = [
	route<GhlContext>('GET', '/locations/{locationId}', (ctx, p) => {
		checkLocation(ctx, p.locationId);
		ctx.reply(200, { location: { id: ctx.location, name: 'Sandbox Location', timezone: 'UTC', companyId: 'sandbox-company' } });
	}),
	route<GhlContext>('POST', '/locations/{locationId}/tasks/search', (ctx, p) => {
		checkLocation(ctx, p.locationId);
		const body = validateBody(ctx.body, {
			allowed: ['contactId', 'completed', 'assignedTo', 'query', 'limit', 'skip', 'businessId'],
			arrays: ['contactId', 'assignedTo'],
			booleans: ['completed'],
			strings: ['query', 'businessId'],
		});
		const limit = body.limit === undefined ? 25 : Number(body.limit);
		const skip = body.skip === undefined ? 0 : Number(body.skip);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw unprocessable(['limit must not be greater than 100']);
		if (!Number.isInteger(skip) || skip < 0) throw unprocessable(['skip must be a positive number']);
		const contactIds = body.contactId as string[] | undefined;
		const assigned = body.assignedTo as string[] | undefined;
		const query = (body.query as string | undefined)?.toLowerCase();
		const tasks = [...ctx.store.tasks.values()]
			.filter((t) => ctx.store.contacts.get(t.contactId)?.locationId === ctx.location)
			.filter((t) => !contactIds?.length || contactIds.includes(t.contactId))
			.filter((t) => body.completed === undefined || t.completed === body.completed)
			.filter((t) => !assigned?.length || assigned.includes(String(t.assignedTo)))
			.filter((t) => !query || `${t.title} ${String(t.body ?? '')}`.toLowerCase().includes(query))
			.filter((t) => !body.businessId || ctx.store.contacts.get(t.contactId)?.businessId === body.businessId);
		// GHL documents no order. Spec shapes: creation order, so a task completed long after it was made does not
		// come last (nothing in the answer says what is new). With timestamps on: by last update, as before.
		if (ctx.store.taskTimestamps) tasks.sort((a, b) => a.dateUpdated.localeCompare(b.dateUpdated) || a.id.localeCompare(b.id));
		ctx.reply(200, { tasks: tasks.slice(skip, skip + limit).map((t) => ctx.store.taskView(t)) });
	}),
	route<GhlContext>('GET', '/locations/{locationId}/customFields', (ctx, p) => {
		checkLocation(ctx, p.locationId);
		ctx.reply(200, { customFields: forLocation(ctx, ctx.store.customFields) });
	}),
	route<GhlContext>('GET', '/users/', (ctx) => {
		checkLocation(ctx, queryString(ctx, 'locationId'));
		ctx.reply(200, { users: forLocation(ctx, ctx.store.users) });
	}),
	route<GhlContext>('GET', '/campaigns/', (ctx) => {
		checkLocation(ctx, queryString(ctx, 'locationId'));
		ctx.reply(200, { campaigns: forLocation(ctx, ctx.store.campaigns) });
	}),
	route<GhlContext>('GET', '/workflows/', (ctx) => {
		checkLocation(ctx, queryString(ctx, 'locationId'));
		ctx.reply(200, { workflows: forLocation(ctx, ctx.store.workflows) });
	}),
];
