/**
 * Batch upserts: up to 100 contacts, tasks or notes a request, each applied as its single-record upsert
 * would be, with a result per record. One record failing does not stop the others (its result says why).
 */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { RankrError } from './context';
import { addNote } from './notes';
import type { RankrStore } from './store';
import { normalizeTags } from './store';
import { addTask, assertRefFree, updateTask } from './tasks';
import type { Contact, ContactInput, Link, Note, NoteInput, Task, TaskInput } from './types';

const MAX_TAGS = 100;

type Status = 'created' | 'updated' | 'unchanged' | 'failed';

function recordError(error: unknown): { code: string; message: string; details: Array<{ field: string; message: string }> } {
	if (error instanceof RankrError && error.code !== 'rate_limited' && error.code !== 'unauthorized' && error.code !== 'idempotency_conflict') {
		return { code: error.code, message: error.message, details: error.details };
	}
	throw error;
}

/**
 * `syncExternalTags`: add what the contact lacks, remove only what `externalTags` recorded and the set no
 * longer has, keep the rest, and record the set. Tags past the contact's 100 are skipped.
 */
function planExternalTags(contact: Contact | undefined, given: string[]): { tags: string[]; externalTags: string[]; skipped: string[] } {
	const wanted = normalizeTags(given);
	const have = contact?.tags ?? [];
	const previous = contact?.externalTags ?? [];
	const kept = have.filter((t) => wanted.includes(t) || !previous.includes(t));
	const missing = wanted.filter((t) => !kept.includes(t));
	const room = Math.max(0, MAX_TAGS - kept.length);
	return { tags: [...kept, ...missing.slice(0, room)], externalTags: wanted, skipped: missing.slice(room) };
}

/** A record's `link`: the outside record it mirrors, matched when no record holds its externalRef. */
type BatchLink = Pick<Link, 'system' | 'id' | 'account'>;

/** Same system and ID, and the same account when both name one. */
const holdsLink = (links: Link[], link: BatchLink) =>
	links.some((l) => l.system === link.system && l.id === link.id && (!l.account || !link.account || l.account === link.account));

/**
 * Matched by externalRef, else by `link`. A record found through its link keeps the externalRef it has
 * (another system's, say `clio:…`) and takes the one sent only when it has none.
 */
function matchRecord<T extends { externalRef: string | null; links: Link[] }>(
	candidates: T[],
	externalRef: string,
	link: BatchLink | undefined,
): { existing: T | undefined; keepRef: boolean } {
	const byRef = candidates.find((r) => r.externalRef === externalRef);
	if (byRef || !link) return { existing: byRef, keepRef: false };
	const byLink = candidates.find((r) => holdsLink(r.links, link));
	return { existing: byLink, keepRef: Boolean(byLink?.externalRef) };
}

function upsertOne(store: RankrStore, record: ContactInput & { syncExternalTags?: string[]; link?: BatchLink }) {
	const { syncExternalTags, link, ...fields } = record;
	if (syncExternalTags && (fields.tags !== undefined || fields.externalTags !== undefined)) {
		throw RankrError.invalid([{ field: 'syncExternalTags', message: 'cannot be sent with tags or externalTags' }]);
	}
	const { existing, keepRef } = matchRecord([...store.contacts.values()], String(fields.externalRef), link);
	let skippedTags: string[] = [];
	const input: ContactInput = { ...fields };
	if (keepRef) delete input.externalRef;
	if (syncExternalTags) {
		const plan = planExternalTags(existing, syncExternalTags);
		Object.assign(input, { tags: plan.tags, externalTags: plan.externalTags });
		skippedTags = plan.skipped;
	}
	if (!existing) {
		const contact = store.addContact(input);
		return { status: 'created' as Status, contact, changedFields: [], skippedTags };
	}
	const changedFields = Object.keys(store.changedFields(existing, input));
	const changed = store.updateContact(existing, input);
	return { status: (changed ? 'updated' : 'unchanged') as Status, contact: existing, changedFields, skippedTags };
}

type ChildInput<T> = T & { contactId: string; externalRef: string; link?: BatchLink };

function changedChildFields<T extends object>(record: T, input: object): string[] {
	return Object.entries(input).filter(([key, value]) => key !== 'contactId' && (record as Record<string, unknown>)[key] !== value).map(([key]) => key);
}

/** The contact's task (or note) the record names: by externalRef, else by link; the input to apply to it. */
function findChild<T extends { contactId: string; externalRef: string | null; links: Link[] }, I extends { externalRef?: string | null }>(
	records: Iterable<T>,
	record: ChildInput<I>,
): { existing: T | undefined; input: I } {
	const { contactId, link, externalRef, ...rest } = record;
	const { existing, keepRef } = matchRecord([...records].filter((r) => r.contactId === contactId), externalRef, link);
	return { existing, input: (keepRef ? rest : { ...rest, externalRef }) as unknown as I };
}

function upsertTask(store: RankrStore, record: ChildInput<TaskInput & { title: string }>) {
	const { contactId } = record;
	store.findContact(contactId);
	const { existing, input } = findChild(store.tasks.values(), record);
	if (!existing) return { status: 'created' as Status, task: addTask(store, contactId, input), changedFields: [] as string[] };
	const sameInstant = (a: unknown, b: unknown) => a === b || (typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b));
	const changedFields = changedChildFields(existing, input).filter((f) => !(f === 'dueAt' && sameInstant(existing.dueAt, input.dueAt)));
	if (!changedFields.length) return { status: 'unchanged' as Status, task: existing, changedFields };
	return { status: 'updated' as Status, task: updateTask(store, existing, input), changedFields };
}

function upsertNote(store: RankrStore, record: ChildInput<NoteInput & { body: string }>) {
	const { contactId } = record;
	store.findContact(contactId);
	const { existing, input } = findChild(store.notes.values(), record);
	if (!existing) return { status: 'created' as Status, note: addNote(store, contactId, input), changedFields: [] as string[] };
	const changedFields = changedChildFields(existing, input);
	if (!changedFields.length) return { status: 'unchanged' as Status, note: existing, changedFields };
	assertRefFree(store.notes.values(), contactId, input.externalRef, existing.id);
	Object.assign(existing, input, { updatedAt: store.now() });
	return { status: 'updated' as Status, note: existing, changedFields };
}

function each<T, R extends object>(records: T[], apply: (record: T) => R, empty: R) {
	return records.map((record, index) => {
		try {
			return { index, ...apply(record), error: null };
		} catch (error) {
			return { index, ...empty, status: 'failed' as Status, error: recordError(error) };
		}
	});
}

export const batchRoutes = [
	route<RankrContext>('POST', '/v1/contacts/batch-upsert', (ctx) => {
		const results = each(ctx.body.contacts, (r: ContactInput) => upsertOne(ctx.store, r), {
			status: 'failed' as Status,
			contact: null as Contact | null,
			changedFields: [] as string[],
			skippedTags: [] as string[],
		});
		ctx.reply(200, { results });
	}),
	route<RankrContext>('POST', '/v1/tasks/batch-upsert', (ctx) => {
		const results = each(ctx.body.tasks, (r: ChildInput<TaskInput & { title: string }>) => upsertTask(ctx.store, r), {
			status: 'failed' as Status,
			task: null as Task | null,
			changedFields: [] as string[],
		});
		ctx.reply(200, { results });
	}),
	route<RankrContext>('POST', '/v1/notes/batch-upsert', (ctx) => {
		const results = each(ctx.body.notes, (r: ChildInput<NoteInput & { body: string }>) => upsertNote(ctx.store, r), {
			status: 'failed' as Status,
			note: null as Note | null,
			changedFields: [] as string[],
		});
		ctx.reply(200, { results });
	}),
];
