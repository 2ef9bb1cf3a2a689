/** Contacts: list/search (archived ones too unless filtered), create, upsert (created/updated/unchanged), get, patch (archive too), delete. */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { pageByCreation, RankrError } from './context';
import { normalizeTags } from './store';
import type { Contact, ContactInput } from './types';

function matches(c: Contact, q: Record<string, unknown>): boolean {
	if (typeof q.email === 'string' && c.email !== q.email.trim().toLowerCase()) return false;
	if (typeof q.externalRef === 'string' && c.externalRef !== q.externalRef) return false;
	if (typeof q.link === 'string') {
		const [system, ...rest] = q.link.split(':');
		if (!c.links.some((l) => l.system === system && l.id === rest.join(':'))) return false;
	}
	if (typeof q.externalRefPrefix === 'string' && !c.externalRef?.startsWith(q.externalRefPrefix)) return false;
	if (typeof q.tag === 'string' && !c.tags.includes(normalizeTags([q.tag])[0])) return false;
	if (typeof q.q === 'string') {
		const needle = q.q.toLowerCase();
		const haystack = [c.firstName, c.lastName, [c.firstName, c.lastName].filter(Boolean).join(' '), c.email, c.phone, c.companyName];
		if (!haystack.some((h) => h?.toLowerCase().includes(needle))) return false;
	}
	if (typeof q.updatedSince === 'string' && Date.parse(c.updatedAt) < Date.parse(q.updatedSince)) return false;
	if (typeof q.archived === 'boolean' && (c.archivedAt !== null) !== q.archived) return false;
	return true;
}

/**
 * The upsert the contract describes: match by `matchBy` (default externalRef when given, else email);
 * fields not sent stay; `unchanged` when the contact already holds every value sent, so a sync that
 * repeats itself writes nothing.
 */
export function upsertContact(ctx: RankrContext, body: ContactInput & { matchBy?: 'externalRef' | 'email' }): void {
	const matchBy = body.matchBy ?? (body.externalRef !== undefined && body.externalRef !== null ? 'externalRef' : 'email');
	const key = body[matchBy];
	if (typeof key !== 'string') {
		throw RankrError.invalid([{ field: matchBy, message: `is required when matchBy is ${matchBy}` }]);
	}
	const existing = ctx.store.contactBy(matchBy, key);
	if (!existing) {
		const contact = ctx.store.addContact(body);
		return ctx.reply(201, { action: 'created', contact });
	}
	const changed = ctx.store.updateContact(existing, body);
	ctx.reply(200, { action: changed ? 'updated' : 'unchanged', contact: existing });
}

export const contactRoutes = [
	route<RankrContext>('GET', '/v1/contacts', (ctx) => {
		const all = [...ctx.store.contacts.values()].filter((c) => matches(c, ctx.query));
		ctx.reply(200, pageByCreation(ctx, all));
	}),
	route<RankrContext>('POST', '/v1/contacts', (ctx) => {
		ctx.reply(201, ctx.store.addContact(ctx.body));
	}),
	route<RankrContext>('POST', '/v1/contacts/upsert', (ctx) => upsertContact(ctx, ctx.body)),
	route<RankrContext>('GET', '/v1/contacts/{contactId}', (ctx, p) => {
		ctx.reply(200, ctx.store.findContact(p.contactId));
	}),
	route<RankrContext>('PATCH', '/v1/contacts/{contactId}', (ctx, p) => {
		const contact = ctx.store.findContact(p.contactId);
		ctx.store.updateContact(contact, ctx.body);
		ctx.reply(200, contact);
	}),
	route<RankrContext>('DELETE', '/v1/contacts/{contactId}', (ctx, p) => {
		ctx.store.deleteContact(p.contactId);
		ctx.reply(204);
	}),
];
