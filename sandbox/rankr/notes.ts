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
	const note: Note = { id: store.id('nte_'), contactId, externalRef: input.externalRef ?? null, body: input.body, createdAt: now, updatedAt: now };
	store.notes.set(note.id, note);
	store.emit('note.created', { note });
	return note;
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
		const note = findNote(ctx.store, p.contactId, p.noteId);
		const input = ctx.body as NoteInput;
		assertRefFree(ctx.store.notes.values(), p.contactId, input.externalRef, note.id);
		Object.assign(note, input, { updatedAt: ctx.store.now() });
		ctx.reply(200, note);
	}),
	route<RankrContext>('DELETE', '/v1/contacts/{contactId}/notes/{noteId}', (ctx, p) => {
		findNote(ctx.store, p.contactId, p.noteId);
		ctx.store.notes.delete(p.noteId);
		ctx.reply(204);
	}),
];
