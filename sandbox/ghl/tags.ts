/** Tags on contacts (one, or in bulk per SPEC-QUIRKS 1) and the location's tag list. */
import { route } from '../shared/http';
import { findContact } from './contacts';
import type { GhlContext } from './context';
import { checkLocation, GhlError, notFound, validateBody } from './context';
import { newId } from './store';

const TAGS_RULES = { required: ['tags'], allowed: ['tags'], arrays: ['tags'] };

function tagList(value: unknown): string[] {
	return (value as unknown[]).map((t) => String(t).toLowerCase().trim()).filter(Boolean);
}

function locationTag(ctx: GhlContext, locationId: string, tagId: string) {
	checkLocation(ctx, locationId);
	const tag = ctx.store.tags.get(tagId);
	if (!tag || tag.locationId !== ctx.location) throw notFound('Tag');
	return tag;
}

export const tagRoutes = [
	route<GhlContext>('POST', '/contacts/{contactId}/tags', (ctx, p) => {
		const contact = findContact(ctx, p.contactId);
		const tags = tagList(validateBody(ctx.body, TAGS_RULES).tags);
		ctx.store.updateContact(contact.id, { tags: [...contact.tags, ...tags] });
		ctx.reply(201, { tags: contact.tags });
	}),
	route<GhlContext>('DELETE', '/contacts/{contactId}/tags', (ctx, p) => {
		const contact = findContact(ctx, p.contactId);
		const tags = tagList(validateBody(ctx.body, TAGS_RULES).tags);
		ctx.store.updateContact(contact.id, { tags: contact.tags.filter((t) => !tags.includes(t)) });
		ctx.reply(200, { tags: contact.tags });
	}),
	route<GhlContext>('POST', '/contacts/bulk/tags/update/{type}', (ctx, p) => {
		if (p.type !== 'add' && p.type !== 'remove') throw new GhlError(400, 'type must be add or remove');
		const body = validateBody(ctx.body, {
			required: ['contacts', 'tags', 'locationId'],
			allowed: ['contacts', 'tags', 'locationId', 'removeAllTags'],
			arrays: ['contacts', 'tags'],
			booleans: ['removeAllTags'],
		});
		checkLocation(ctx, body.locationId);
		const tags = tagList(body.tags);
		const responses = (body.contacts as string[]).map((contactId) => {
			const contact = ctx.store.contacts.get(contactId);
			if (!contact || contact.locationId !== ctx.location) return { contactId, success: false, message: 'Contact not found' };
			const next =
				p.type === 'add' ? [...contact.tags, ...tags] : body.removeAllTags ? [] : contact.tags.filter((t) => !tags.includes(t));
			ctx.store.updateContact(contactId, { tags: next });
			return { contactId, success: true, tags: contact.tags };
		});
		const errorCount = responses.filter((r) => !r.success).length;
		ctx.reply(201, { succeded: errorCount === 0, errorCount, responses });
	}),
	route<GhlContext>('GET', '/locations/{locationId}/tags', (ctx, p) => {
		checkLocation(ctx, p.locationId);
		ctx.reply(200, { tags: [...ctx.store.tags.values()].filter((t) => t.locationId === ctx.location) });
	}),
	route<GhlContext>('POST', '/locations/{locationId}/tags', (ctx, p) => {
		checkLocation(ctx, p.locationId);
		const body = validateBody(ctx.body, { required: ['name'], allowed: ['name'], strings: ['name'] });
		const name = String(body.name).toLowerCase();
		if ([...ctx.store.tags.values()].some((t) => t.locationId === ctx.location && t.name === name)) {
			throw new GhlError(400, 'Tag already exists');
		}
		const tag = { id: newId('g'), name, locationId: ctx.location };
		ctx.store.tags.set(tag.id, tag);
		ctx.reply(201, { tag });
	}),
	route<GhlContext>('GET', '/locations/{locationId}/tags/{tagId}', (ctx, p) => {
		ctx.reply(200, { tag: locationTag(ctx, p.locationId, p.tagId) });
	}),
	route<GhlContext>('PUT', '/locations/{locationId}/tags/{tagId}', (ctx, p) => {
		const tag = locationTag(ctx, p.locationId, p.tagId);
		const body = validateBody(ctx.body, { required: ['name'], allowed: ['name'], strings: ['name'] });
		tag.name = String(body.name).toLowerCase();
		ctx.reply(200, { tag });
	}),
	route<GhlContext>('DELETE', '/locations/{locationId}/tags/{tagId}', (ctx, p) => {
		locationTag(ctx, p.locationId, p.tagId);
		ctx.store.tags.delete(p.tagId);
		ctx.reply(200, { succeded: true });
	}),
];
