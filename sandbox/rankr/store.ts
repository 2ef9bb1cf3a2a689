/**
 * The Rankr sandbox's in-memory account. Tests may read and edit the maps directly, or seed through
 * the helpers (which go through the same code as the API, so they emit webhook events too).
 */
import { randomBytes } from 'node:crypto';

import { prng } from '../shared/http';
import { RankrError } from './context';
import type { Contact, ContactInput, EventResult, Note, Rule, ScoreChange, System, Task, Webhook, WebhookEventType } from './types';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomId(prefix: string, length = 16): string {
	const bytes = randomBytes(length);
	let out = prefix;
	for (const b of bytes) out += ALPHANUMERIC[b % ALPHANUMERIC.length];
	return out;
}

export type EventListener = (type: WebhookEventType, data: Record<string, unknown>, origin: System) => void;

/** Tags are case-insensitive: stored trimmed, lower-cased, each once. */
export function normalizeTags(tags: readonly string[]): string[] {
	return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0))];
}

export class RankrStore {
	readonly contacts = new Map<string, Contact>();
	readonly tasks = new Map<string, Task>();
	readonly notes = new Map<string, Note>();
	readonly rules = new Map<string, Rule>();
	readonly webhooks = new Map<string, Webhook>();
	/** Every score change, oldest first. */
	readonly scoreHistory: ScoreChange[] = [];
	/** When each contact's score last changed (the Score schema's `updatedAt`). */
	readonly scoreUpdatedAt = new Map<string, string>();
	readonly events = new Map<string, EventResult>();
	/** Creation order for cursors: ids seeded straight into a map get one when first listed. */
	private readonly order = new Map<string, number>();
	private sequence = 0;
	private readonly listeners: EventListener[] = [];

	/** The system the request being handled comes from (its Rankr-Origin); events carry it. */
	origin: System = 'rankr';

	/** Runs `fn` as a change coming from `origin` (the server wraps each request in it). */
	as<T>(origin: System, fn: () => T): T {
		const before = this.origin;
		this.origin = origin;
		try {
			return fn();
		} finally {
			this.origin = before;
		}
	}

	/** `Date.now()` by default; tests may freeze or move the clock. */
	clock: () => number = () => Date.now();

	now(): string {
		return new Date(this.clock()).toISOString();
	}

	id(prefix: string): string {
		const id = randomId(prefix);
		this.order.set(id, ++this.sequence);
		return id;
	}

	positionOf(id: string): number {
		let position = this.order.get(id);
		if (position === undefined) {
			position = ++this.sequence;
			this.order.set(id, position);
		}
		return position;
	}

	onEvent(listener: EventListener): void {
		this.listeners.push(listener);
	}

	emit(type: WebhookEventType, data: Record<string, unknown>): void {
		for (const listener of this.listeners) listener(type, structuredClone(data), this.origin);
	}

	/** Empties the account (subscriptions included); listeners stay. */
	reset(): void {
		for (const map of [this.contacts, this.tasks, this.notes, this.rules, this.webhooks, this.scoreUpdatedAt, this.events, this.order]) map.clear();
		this.scoreHistory.length = 0;
	}

	findContact(contactId: string): Contact {
		const contact = this.contacts.get(contactId);
		if (!contact) throw RankrError.notFound('contact', contactId);
		return contact;
	}

	/** The contacts linked to an outside record (`ghl`, its ID). */
	contactsByLink(system: string, id: string): Contact[] {
		return [...this.contacts.values()].filter((c) => c.links.some((l) => l.system === system && l.id === id));
	}

	contactBy(field: 'email' | 'externalRef', value: string): Contact | undefined {
		const wanted = field === 'email' ? value.trim().toLowerCase() : value;
		for (const c of this.contacts.values()) if (c[field] === wanted) return c;
		return undefined;
	}

	/** 409 when another contact holds this externalRef or email. */
	assertUnique(input: ContactInput, exceptId?: string): void {
		for (const field of ['externalRef', 'email'] as const) {
			const value = input[field];
			if (value === undefined || value === null) continue;
			const holder = this.contactBy(field, value);
			if (holder && holder.id !== exceptId) {
				throw new RankrError(409, 'conflict', `Another contact has this ${field}`, [{ field, message: `is taken by ${holder.id}` }]);
			}
		}
	}

	/** Creates a contact (uniqueness checked), emitting contact.created. */
	addContact(input: ContactInput): Contact {
		const normalized = normalizeContactInput(input);
		this.assertUnique(normalized);
		const now = this.now();
		const contact: Contact = {
			id: this.id('ctc_'),
			externalRef: null,
			email: null,
			phone: null,
			firstName: null,
			lastName: null,
			companyName: null,
			website: null,
			address1: null,
			city: null,
			state: null,
			postalCode: null,
			country: null,
			timezone: null,
			source: null,
			dnd: false,
			customFields: {},
			tags: [],
			externalTags: null,
			score: 0,
			...withoutArchived(normalized),
			links: normalized.links ?? [],
			sourceSystem: normalized.sourceSystem ?? 'rankr',
			archivedAt: normalized.archived ? now : null,
			createdAt: now,
			updatedAt: now,
		};
		this.contacts.set(contact.id, contact);
		this.emit('contact.created', { contact });
		return contact;
	}

	/**
	 * The fields of `input` that differ from the contact's (tags as sets, custom fields by value), as stored
	 * fields: `archived` becomes archivedAt, set only when the contact is not archived yet.
	 */
	changedFields(contact: Contact, input: ContactInput): Partial<Contact> {
		const normalized = normalizeContactInput(input);
		const changed: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(withoutArchived(normalized))) {
			if (!sameValue(key, (contact as unknown as Record<string, unknown>)[key], value)) changed[key] = value;
		}
		if (normalized.archived === true && contact.archivedAt === null) changed.archivedAt = this.now();
		if (normalized.archived === false && contact.archivedAt !== null) changed.archivedAt = null;
		return changed as Partial<Contact>;
	}

	/** Applies the fields that differ; emits contact.updated and tag.added/removed when something changed. */
	updateContact(contact: Contact, input: ContactInput): boolean {
		const changed = this.changedFields(contact, input);
		if (Object.keys(changed).length === 0) return false;
		this.assertUnique(changed, contact.id);
		const before = contact.tags;
		Object.assign(contact, changed, { updatedAt: this.now() });
		this.emit('contact.updated', { contact });
		this.emitTagDiff(contact.id, before, contact.tags);
		return true;
	}

	emitTagDiff(contactId: string, before: string[], after: string[]): void {
		for (const tag of after) if (!before.includes(tag)) this.emit('tag.added', { contactId, tag });
		for (const tag of before) if (!after.includes(tag)) this.emit('tag.removed', { contactId, tag });
	}

	/** Removes a contact with its tasks, notes and score history; emits contact.deleted. */
	deleteContact(contactId: string): void {
		const contact = this.findContact(contactId);
		this.contacts.delete(contactId);
		for (const [id, t] of this.tasks) if (t.contactId === contactId) this.tasks.delete(id);
		for (const [id, n] of this.notes) if (n.contactId === contactId) this.notes.delete(id);
		for (let i = this.scoreHistory.length - 1; i >= 0; i--) if (this.scoreHistory[i].contactId === contactId) this.scoreHistory.splice(i, 1);
		this.scoreUpdatedAt.delete(contactId);
		this.emit('contact.deleted', { contact });
	}

	/** Sample contacts for demos and pagination tests (deterministic names; a few tags). */
	seedContacts(count: number, seed = 1): Contact[] {
		const random = prng(seed);
		const first = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Radia', 'Linus'];
		const last = ['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Perlman', 'Torvalds'];
		const tags = ['lead', 'customer', 'vip', 'newsletter'];
		const out: Contact[] = [];
		for (let i = 1; i <= count; i++) {
			const f = first[Math.floor(random() * first.length)];
			const l = last[Math.floor(random() * last.length)];
			out.push(
				this.addContact({
					firstName: f,
					lastName: l,
					email: `${f}.${l}.${i}@example.com`.toLowerCase(),
					externalRef: `seed:${i}`,
					companyName: `${l} Labs`,
					source: 'sandbox seed',
					tags: [tags[Math.floor(random() * tags.length)]],
				}),
			);
		}
		return out;
	}
}

export function normalizeContactInput(input: ContactInput): ContactInput {
	const out: ContactInput = { ...input };
	delete (out as Record<string, unknown>).matchBy;
	if (typeof out.email === 'string') out.email = out.email.trim().toLowerCase();
	if (out.tags) out.tags = normalizeTags(out.tags);
	if (out.externalTags) out.externalTags = normalizeTags(out.externalTags);
	return out;
}

function withoutArchived(input: ContactInput): Omit<ContactInput, 'archived'> {
	const rest = { ...input };
	delete rest.archived;
	return rest;
}

function sameValue(key: string, stored: unknown, given: unknown): boolean {
	if (key === 'tags' || key === 'externalTags') {
		// externalTags null (never recorded) differs from [] (recorded: none).
		if ((stored === null) !== (given === null)) return false;
		const a = (stored as string[]) ?? [];
		const b = (given as string[]) ?? [];
		return a.length === b.length && a.every((t) => b.includes(t));
	}
	if (key === 'links') return JSON.stringify(stored) === JSON.stringify(given);
	if (key === 'customFields') {
		const a = (stored ?? {}) as Record<string, unknown>;
		const b = (given ?? {}) as Record<string, unknown>;
		const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
		return [...keys].every((k) => a[k] === b[k]);
	}
	return stored === given;
}
