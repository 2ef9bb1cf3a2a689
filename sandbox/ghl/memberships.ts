/** A contact's followers, campaigns and workflows. */
import { route } from '../shared/http';
import { findContact } from './contacts';
import type { GhlContext } from './context';
import { GhlError, validateBody } from './context';

function membership(map: Map<string, Set<string>>, contactId: string): Set<string> {
	let set = map.get(contactId);
	if (!set) map.set(contactId, (set = new Set()));
	return set;
}

function known(ctx: GhlContext, map: Map<string, { locationId: string }>, id: string, what: string): void {
	if (map.get(id)?.locationId !== ctx.location) throw new GhlError(400, `${what} not found`);
}

export const membershipRoutes = [
	route<GhlContext>('POST', '/contacts/{contactId}/followers', (ctx, p) => {
		const contact = findContact(ctx, p.contactId);
		const followers = validateBody(ctx.body, { required: ['followers'], allowed: ['followers'], arrays: ['followers'] }).followers as string[];
		for (const id of followers) known(ctx, ctx.store.users, id, 'User');
		const added = followers.filter((f) => !contact.followers.includes(f));
		ctx.store.updateContact(contact.id, { followers: [...contact.followers, ...added] });
		ctx.reply(201, { followers: contact.followers, followersAdded: added });
	}),
	route<GhlContext>('DELETE', '/contacts/{contactId}/followers', (ctx, p) => {
		const contact = findContact(ctx, p.contactId);
		const followers = validateBody(ctx.body, { required: ['followers'], allowed: ['followers'], arrays: ['followers'] }).followers as string[];
		const removed = contact.followers.filter((f) => followers.includes(f));
		ctx.store.updateContact(contact.id, { followers: contact.followers.filter((f) => !followers.includes(f)) });
		ctx.reply(200, { followers: contact.followers, followersRemoved: removed });
	}),
	route<GhlContext>('DELETE', '/contacts/{contactId}/campaigns/removeAll', (ctx, p) => {
		findContact(ctx, p.contactId);
		membership(ctx.store.campaignMembers, p.contactId).clear();
		ctx.reply(200, { succeded: true });
	}),
	route<GhlContext>('POST', '/contacts/{contactId}/campaigns/{campaignId}', (ctx, p) => {
		findContact(ctx, p.contactId);
		known(ctx, ctx.store.campaigns, p.campaignId, 'Campaign');
		validateBody(ctx.body, { allowed: [] });
		membership(ctx.store.campaignMembers, p.contactId).add(p.campaignId);
		ctx.reply(201, { succeded: true });
	}),
	route<GhlContext>('DELETE', '/contacts/{contactId}/campaigns/{campaignId}', (ctx, p) => {
		findContact(ctx, p.contactId);
		known(ctx, ctx.store.campaigns, p.campaignId, 'Campaign');
		membership(ctx.store.campaignMembers, p.contactId).delete(p.campaignId);
		ctx.reply(200, { succeded: true });
	}),
	route<GhlContext>('POST', '/contacts/{contactId}/workflow/{workflowId}', (ctx, p) => {
		findContact(ctx, p.contactId);
		known(ctx, ctx.store.workflows, p.workflowId, 'Workflow');
		validateBody(ctx.body, { allowed: ['eventStartTime'], strings: ['eventStartTime'], dates: ['eventStartTime'] });
		membership(ctx.store.workflowMembers, p.contactId).add(p.workflowId);
		ctx.reply(200, { succeded: true });
	}),
	route<GhlContext>('DELETE', '/contacts/{contactId}/workflow/{workflowId}', (ctx, p) => {
		findContact(ctx, p.contactId);
		known(ctx, ctx.store.workflows, p.workflowId, 'Workflow');
		validateBody(ctx.body, { allowed: ['eventStartTime'], strings: ['eventStartTime'] });
		membership(ctx.store.workflowMembers, p.contactId).delete(p.workflowId);
		ctx.reply(200, { succeded: true });
	}),
];
