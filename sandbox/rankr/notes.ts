/** A contact's notes: list (externalRef filter), create, get, patch, delete. */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { pageByCreation, RankrError } from './context';
import type { RankrStore } from './store';
import { assertRefFree } from './tasks';
import type { Note, NoteInput } from './types';

export function findNote(store: RankrStore, contactId: string, noteId: string): Note {
	store.findContact(contactId);
	const note = store.notes.get(noteId);
	if (!note || note.contactId !== contactId) throw RankrError.notFound('note', noteId);
	return note;
}

/** Creates a note, emitting note.created. */
export function addNote(store: RankrStore, contactId: string, input: NoteInput & { body: string }): Note {
	store.findContact(contactId);
	assertRefFree(store.notes.values(), contactId, input.externalRef);
	const now = store.now();
	const note: Note = {
		id: store.id('nte_'),
		contactId,
		externalRef: input.externalRef ?? null,
		body: input.body,
		source: input.source ?? 'rankr',
		links: input.links ?? [],
		createdAt: now,
		updatedAt: now,
	};
	store.notes.set(note.id, note);
	store.emit('note.created', { note });
	return note;
}

/** Applies a change; emits note.updated when something changed. */
export function updateNote(store: RankrStore, note: Note, input: NoteInput): Note {
	assertRefFree(store.notes.values(), note.contactId, input.externalRef, note.id);
	const before = JSON.stringify(note);
	Object.assign(note, input);
	if (JSON.stringify(note) === before) return note;
	note.updatedAt = store.now();
	store.emit('note.updated', { note });
	return note;
}

export function deleteNote(store: RankrStore, note: Note): void {
	store.notes.delete(note.id);
	store.emit('note.deleted', { note });
}

export const noteRoutes = [
	route<RankrContext>('GET', '/v1/contacts/{contactId}/notes', (ctx, p) => {
		ctx.store.findContact(p.contactId);
		const { externalRef } = ctx.query;
		const notes = [...ctx.store.notes.values()].filter((n) => n.contactId === p.contactId && (externalRef === undefined || n.externalRef === externalRef));
		ctx.reply(200, pageByCreation(ctx, notes));
	}),
	route<RankrContext>('POST', '/v1/contacts/{contactId}/notes', (ctx, p) => {
		ctx.reply(201, addNote(ctx.store, p.contactId, ctx.body));
	}),
	route<RankrContext>('GET', '/v1/contacts/{contactId}/notes/{noteId}', (ctx, p) => {
		ctx.reply(200, findNote(ctx.store, p.contactId, p.noteId));
	}),
	route<RankrContext>('PATCH', '/v1/contacts/{contactId}/notes/{noteId}', (ctx, p) => {
		ctx.reply(200, updateNote(ctx.store, findNote(ctx.store, p.contactId, p.noteId), ctx.body));
	}),
	route<RankrContext>('DELETE', '/v1/contacts/{contactId}/notes/{noteId}', (ctx, p) => {
		deleteNote(ctx.store, findNote(ctx.store, p.contactId, p.noteId));
		ctx.reply(204);
	}),
];
