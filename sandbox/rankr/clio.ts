/**
 * The sandbox playing Clio's connector to Rankr: it changes Rankr records as a real Clio connector would
 * (records linked `{system: 'clio', id}`, `source`/`sourceSystem: clio`, every event with `origin: clio`),
 * so a two-way GHL sync can be tested against changes that came from a third system. Not part of the
 * contract: `POST /_sandbox/clio/<action>` (with the API key), `npm run sandbox -- --clio <action>`, or
 * `clioChange(store, action, body)` in tests.
 *
 * Actions (bodies; IDs are Clio's):
 *   contact  {clioId, ...contact fields}   create or update the contact linked to clioId
 *   merge    {survivorClioId, mergedClioId} merge the second into the first (contact.merged)
 *   delete   {clioId}                       delete the contact (contact.deleted)
 *   task     {contactClioId, clioTaskId, title?, status?, dueAt?, description?}  create or update
 *   note     {contactClioId, clioNoteId, body}  create or update
 */
import { RankrError } from './context';
import { addNote, updateNote } from './notes';
import type { RankrStore } from './store';
import { normalizeTags } from './store';
import { addTask, updateTask } from './tasks';
import type { Contact, ContactInput, Link, TaskInput } from './types';

export const CLIO_ACTIONS = ['contact', 'merge', 'delete', 'task', 'note'] as const;
export type ClioAction = (typeof CLIO_ACTIONS)[number];

type Body = Record<string, unknown>;

const clioLink = (id: string): Link => ({ system: 'clio', id });
const hasLink = (links: Link[], link: Link) => links.some((l) => l.system === link.system && l.id === link.id);

function need(body: Body, field: string): string {
	const value = body[field];
	if (typeof value !== 'string' || !value) throw RankrError.invalid([{ field, message: 'is required (text)' }]);
	return value;
}

function contactOf(store: RankrStore, clioId: string): Contact {
	const [contact] = store.contactsByLink('clio', clioId);
	if (!contact) throw new RankrError(404, 'not_found', `No contact linked to Clio contact ${clioId}`);
	return contact;
}

function upsertContact(store: RankrStore, body: Body): Contact {
	const { clioId: _, ...fields } = body;
	const clioId = need(body, 'clioId');
	const [existing] = store.contactsByLink('clio', clioId);
	const given = (fields.links as Link[] | undefined) ?? [];
	const links = hasLink(given, clioLink(clioId)) ? given : [clioLink(clioId), ...given];
	if (!existing) return store.addContact({ ...(fields as ContactInput), links, sourceSystem: 'clio' });
	store.updateContact(existing, fields as ContactInput);
	return existing;
}

/** The survivor keeps its fields and gains the other's tasks, notes, tags and links; the other is deleted. */
export function mergeContacts(store: RankrStore, survivor: Contact, merged: Contact): Contact {
	if (survivor.id === merged.id) throw RankrError.invalid([{ field: 'mergedClioId', message: 'names the survivor itself' }]);
	const mergedContact = structuredClone(merged);
	for (const task of store.tasks.values()) if (task.contactId === merged.id) task.contactId = survivor.id;
	for (const note of store.notes.values()) if (note.contactId === merged.id) note.contactId = survivor.id;
	const before = survivor.tags;
	survivor.tags = normalizeTags([...survivor.tags, ...merged.tags]);
	survivor.links = [...survivor.links, ...merged.links.filter((l) => !hasLink(survivor.links, l))];
	survivor.updatedAt = store.now();
	// Nothing is left under the merged contact, so deleting it deletes only the contact.
	store.contacts.delete(merged.id);
	store.emit('contact.merged', { contact: survivor, mergedContact });
	store.emitTagDiff(survivor.id, before, survivor.tags);
	return survivor;
}

function upsertChild(store: RankrStore, kind: 'task' | 'note', body: Body): unknown {
	const contact = contactOf(store, need(body, 'contactClioId'));
	const link = clioLink(need(body, kind === 'task' ? 'clioTaskId' : 'clioNoteId'));
	if (kind === 'task') {
		const fields: TaskInput = {};
		for (const key of ['title', 'status', 'dueAt', 'description'] as const) if (body[key] !== undefined) (fields as Body)[key] = body[key];
		const existing = [...store.tasks.values()].find((t) => t.contactId === contact.id && hasLink(t.links, link));
		if (existing) return updateTask(store, existing, fields);
		return addTask(store, contact.id, { ...fields, title: fields.title ?? '(untitled task)', source: 'clio', links: [link] });
	}
	const existing = [...store.notes.values()].find((n) => n.contactId === contact.id && hasLink(n.links, link));
	const text = need(body, 'body');
	if (existing) return updateNote(store, existing, { body: text });
	return addNote(store, contact.id, { body: text, source: 'clio', links: [link] });
}

/** Applies one Clio change as the Clio connector would; answers the record it changed. */
export function clioChange(store: RankrStore, action: string, body: Body): unknown {
	return store.as('clio', () => {
		switch (action as ClioAction) {
			case 'contact':
				return upsertContact(store, body);
			case 'merge':
				return mergeContacts(store, contactOf(store, need(body, 'survivorClioId')), contactOf(store, need(body, 'mergedClioId')));
			case 'delete': {
				const contact = contactOf(store, need(body, 'clioId'));
				store.deleteContact(contact.id);
				return { deleted: contact.id };
			}
			case 'task':
				return upsertChild(store, 'task', body);
			case 'note':
				return upsertChild(store, 'note', body);
			default:
				throw new RankrError(404, 'not_found', `No Clio sandbox action ${action}; actions: ${CLIO_ACTIONS.join(', ')}`);
		}
	});
}
