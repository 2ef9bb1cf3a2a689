/** Tags: the account's tags with counts, and a contact's tags (add, replace, remove). */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { paginate } from './context';
import type { RankrStore } from './store';
import { normalizeTags } from './store';

/** Replaces a contact's tags, emitting tag.added/tag.removed for the difference (and contact.updated). */
export function setTags(store: RankrStore, contactId: string, tags: string[]): { contactId: string; tags: string[] } {
	const contact = store.findContact(contactId);
	store.updateContact(contact, { tags });
	return { contactId, tags: contact.tags };
}

export const tagRoutes = [
	route<RankrContext>('GET', '/v1/tags', (ctx) => {
		const counts = new Map<string, number>();
		for (const c of ctx.store.contacts.values()) for (const t of c.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
		const prefix = typeof ctx.query.prefix === 'string' ? ctx.query.prefix.toLowerCase() : '';
		const names = [...counts.keys()].filter((n) => n.startsWith(prefix)).sort();
		const page = paginate(ctx, names, (name) => name);
		ctx.reply(200, { data: page.data.map((name) => ({ name, contactCount: counts.get(name) ?? 0 })), nextCursor: page.nextCursor });
	}),
	route<RankrContext>('POST', '/v1/contacts/{contactId}/tags', (ctx, p) => {
		const contact = ctx.store.findContact(p.contactId);
		ctx.reply(200, setTags(ctx.store, p.contactId, [...contact.tags, ...normalizeTags(ctx.body.tags)]));
	}),
	route<RankrContext>('PUT', '/v1/contacts/{contactId}/tags', (ctx, p) => {
		ctx.reply(200, setTags(ctx.store, p.contactId, ctx.body.tags));
	}),
	route<RankrContext>('DELETE', '/v1/contacts/{contactId}/tags/{tag}', (ctx, p) => {
		const contact = ctx.store.findContact(p.contactId);
		const gone = normalizeTags([p.tag])[0];
		ctx.reply(200, setTags(ctx.store, p.contactId, contact.tags.filter((t) => t !== gone)));
	}),
];
