/** /contacts: create, get, update, delete, upsert, duplicates, business, appointments, the legacy list. */
import { route } from '../shared/http';
import type { GhlContext } from './context';
import { checkLocation, GhlError, notFound, queryString, unprocessable, validateBody } from './context';
import type { Contact } from './store';

const CONTACT_FIELDS = ['firstName', 'lastName', 'name', 'email', 'phone', 'address1', 'city', 'state', 'postalCode', 'website', 'timezone', 'dnd', 'dndSettings', 'inboundDndSettings', 'tags', 'customFields', 'source', 'dateOfBirth', 'country', 'assignedTo'];
const CREATE_RULES = {
	required: ['locationId'],
	allowed: [...CONTACT_FIELDS, 'locationId', 'gender', 'companyName'],
	strings: ['firstName', 'lastName', 'name', 'phone', 'address1', 'city', 'state', 'postalCode', 'website', 'timezone', 'source', 'country', 'assignedTo', 'gender', 'companyName'],
	booleans: ['dnd'],
	arrays: ['tags', 'customFields'],
	emails: ['email'],
	dates: ['dateOfBirth'],
};
// The spec's UpdateContactDto has neither locationId, gender nor companyName.
const UPDATE_RULES = { ...CREATE_RULES, required: [], allowed: CONTACT_FIELDS };
const UPSERT_RULES = { ...CREATE_RULES, allowed: [...CREATE_RULES.allowed, 'createNewIfDuplicateAllowed'], booleans: ['dnd', 'createNewIfDuplicateAllowed'] };

export function findContact(ctx: GhlContext, id: string): Contact {
	const contact = ctx.store.contacts.get(id);
	if (!contact || contact.locationId !== ctx.location) throw notFound('Contact');
	return contact;
}

/** customFields entries need an id or a key (SPEC-QUIRKS 4); keys are resolved to ids as GHL does. */
function resolveCustomFields(ctx: GhlContext, fields: unknown): Array<{ id: string; value: unknown }> | undefined {
	if (fields === undefined) return undefined;
	return (fields as Array<Record<string, unknown>>).map((f) => {
		const byId = f.id ? ctx.store.customFields.get(String(f.id)) : undefined;
		const byKey = !byId && f.key ? [...ctx.store.customFields.values()].find((c) => c.fieldKey === f.key || c.fieldKey === `contact.${String(f.key)}`) : undefined;
		const field = byId ?? byKey;
		if (!field || field.locationId !== ctx.location) throw unprocessable([`customFields: unknown custom field ${String(f.id ?? f.key)}`]);
		return { id: field.id, value: f.field_value ?? f.value };
	});
}

function contactFields(ctx: GhlContext, body: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = { ...body };
	delete out.locationId;
	delete out.createNewIfDuplicateAllowed;
	const custom = resolveCustomFields(ctx, body.customFields);
	if (custom) out.customFields = custom;
	if (typeof out.dateOfBirth === 'string') out.dateOfBirth = out.dateOfBirth.slice(0, 10);
	return out;
}

/** With duplicates not allowed, a create matching another contact's email or phone is refused (see GhlStore). */
function refusedAsDuplicate(ctx: GhlContext, body: Record<string, unknown>): boolean {
	const email = typeof body.email === 'string' ? body.email.toLowerCase() : undefined;
	for (const c of ctx.store.contactsOf(ctx.location)) {
		const matchingField = email && c.email === email ? 'email' : body.phone && c.phone === body.phone ? 'phone' : undefined;
		if (!matchingField) continue;
		ctx.reply(400, { statusCode: 400, message: 'This location does not allow duplicated contacts.', meta: { contactName: c.contactName ?? c.name ?? '', contactId: c.id, matchingField } });
		return true;
	}
	return false;
}

function page<T>(list: T[], skip: number, limit: number): T[] {
	return list.slice(skip, skip + limit);
}

function numberParam(ctx: GhlContext, name: string, fallback: number, max: number): number {
	const raw = queryString(ctx, name);
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0 || n > max) throw unprocessable([`${name} must not be greater than ${max}`]);
	return n;
}

export const contactRoutes = [
	route<GhlContext>('POST', '/contacts/', (ctx) => {
		const body = validateBody(ctx.body, CREATE_RULES);
		checkLocation(ctx, body.locationId);
		if (!ctx.store.allowDuplicateContacts && refusedAsDuplicate(ctx, body)) return;
		const contact = ctx.store.addContact(ctx.location, contactFields(ctx, body));
		ctx.reply(201, { contact });
	}),
	route<GhlContext>('GET', '/contacts/', (ctx) => {
		checkLocation(ctx, queryString(ctx, 'locationId'));
		const limit = numberParam(ctx, 'limit', 20, 100);
		const query = queryString(ctx, 'query')?.toLowerCase();
		const sorted = ctx.store
			.contactsOf(ctx.location)
			.filter((c) => !query || JSON.stringify([c.name, c.email, c.phone, c.companyName]).toLowerCase().includes(query))
			.sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
		const startAfterId = queryString(ctx, 'startAfterId');
		let from = 0;
		if (startAfterId) {
			const at = sorted.findIndex((c) => c.id === startAfterId);
			if (at < 0) throw new GhlError(400, 'Invalid startAfterId');
			from = at + 1;
		}
		const contacts = sorted.slice(from, from + limit);
		const last = contacts[contacts.length - 1];
		const more = from + limit < sorted.length;
		ctx.reply(200, {
			contacts,
			count: sorted.length,
			// SPEC-QUIRKS 6: GHL sends meta, and its nextPageUrl does not carry the limit.
			meta: {
				total: sorted.length,
				startAfterId: more && last ? last.id : null,
				startAfter: more && last ? Date.parse(last.dateAdded) : null,
				nextPageUrl: more && last ? `/v1/contacts/?locationId=${ctx.location}&startAfter=${Date.parse(last.dateAdded)}&startAfterId=${last.id}` : null,
				currentPage: Math.floor(from / limit) + 1,
				nextPage: more ? Math.floor(from / limit) + 2 : null,
				prevPage: from > 0 ? Math.floor(from / limit) : null,
			},
		});
	}),
	route<GhlContext>('GET', '/contacts/search/duplicate', (ctx) => {
		checkLocation(ctx, queryString(ctx, 'locationId'));
		const email = queryString(ctx, 'email')?.toLowerCase();
		const number = queryString(ctx, 'number');
		if (!email && !number) throw new GhlError(400, 'email or number is required');
		const found = ctx.store
			.contactsOf(ctx.location)
			.find((c) => (email && c.email === email) || (number && c.phone === number));
		ctx.reply(200, { contact: found ?? null });
	}),
	route<GhlContext>('POST', '/contacts/upsert', (ctx) => {
		const body = validateBody(ctx.body, UPSERT_RULES);
		checkLocation(ctx, body.locationId);
		if (!body.email && !body.phone) throw unprocessable(['email or phone is required for upsert']);
		const email = typeof body.email === 'string' ? body.email.toLowerCase() : undefined;
		const existing = ctx.store.contactsOf(ctx.location).find((c) => (email && c.email === email) || (body.phone && c.phone === body.phone));
		const fields = contactFields(ctx, body);
		const contact = existing ? ctx.store.updateContact(existing.id, fields) : ctx.store.addContact(ctx.location, fields);
		ctx.reply(200, { new: !existing, contact, traceId: `trace-${contact.id}` });
	}),
	route<GhlContext>('POST', '/contacts/bulk/business', (ctx) => {
		const body = validateBody(ctx.body, { required: ['locationId', 'ids'], allowed: ['locationId', 'ids', 'businessId'], arrays: ['ids'] });
		checkLocation(ctx, body.locationId);
		if (!('businessId' in body)) throw unprocessable(['businessId must be a string or null']);
		const businessId = body.businessId as string | null;
		if (businessId !== null && !ctx.store.businesses.has(businessId)) throw new GhlError(400, 'Business not found');
		const ids = (body.ids as string[]).filter((id) => ctx.store.contacts.get(id)?.locationId === ctx.location);
		for (const id of ids) ctx.store.updateContact(id, { businessId: businessId ?? undefined });
		ctx.reply(200, { success: true, ids });
	}),
	route<GhlContext>('GET', '/contacts/business/{businessId}', (ctx, p) => {
		checkLocation(ctx, queryString(ctx, 'locationId'));
		const business = ctx.store.businesses.get(p.businessId);
		if (!business || business.locationId !== ctx.location) throw new GhlError(400, 'Business not found');
		const limit = numberParam(ctx, 'limit', 25, 100);
		const skip = numberParam(ctx, 'skip', 0, 1_000_000);
		const query = queryString(ctx, 'query')?.toLowerCase();
		const all = ctx.store
			.contactsOf(ctx.location)
			.filter((c) => c.businessId === p.businessId && (!query || String(c.name ?? '').toLowerCase().includes(query)))
			.sort((a, b) => a.id.localeCompare(b.id));
		ctx.reply(200, { contacts: page(all, skip, limit), count: all.length });
	}),
	route<GhlContext>('GET', '/contacts/{contactId}/appointments', (ctx, p) => {
		findContact(ctx, p.contactId);
		const events = [...ctx.store.appointments.values()].filter((a) => a.contactId === p.contactId);
		ctx.reply(200, { events });
	}),
	route<GhlContext>('GET', '/contacts/{contactId}', (ctx, p) => {
		ctx.reply(200, { contact: findContact(ctx, p.contactId) });
	}),
	route<GhlContext>('PUT', '/contacts/{contactId}', (ctx, p) => {
		findContact(ctx, p.contactId);
		const body = validateBody(ctx.body, UPDATE_RULES);
		const contact = ctx.store.updateContact(p.contactId, contactFields(ctx, body));
		ctx.reply(200, { succeded: true, contact });
	}),
	route<GhlContext>('DELETE', '/contacts/{contactId}', (ctx, p) => {
		findContact(ctx, p.contactId);
		ctx.store.deleteContact(p.contactId);
		ctx.reply(200, { succeded: true });
	}),
];
