/** Tasks and notes of a contact. */
import { route } from '../shared/http';
import { findContact } from './contacts';
import type { GhlContext } from './context';
import { notFound, unprocessable, validateBody } from './context';

const TASK_RULES = {
	allowed: ['title', 'body', 'dueDate', 'completed', 'assignedTo'],
	strings: ['title', 'body', 'assignedTo'],
	booleans: ['completed'],
	dates: ['dueDate'],
};
const NOTE_RULES = { allowed: ['userId', 'body', 'title', 'color', 'pinned'], strings: ['userId', 'body', 'title', 'color'], booleans: ['pinned'] };

function findTask(ctx: GhlContext, contactId: string, taskId: string) {
	findContact(ctx, contactId);
	const task = ctx.store.tasks.get(taskId);
	if (!task || task.contactId !== contactId) throw notFound('Task');
	return task;
}

function findNote(ctx: GhlContext, contactId: string, noteId: string) {
	findContact(ctx, contactId);
	const note = ctx.store.notes.get(noteId);
	if (!note || note.contactId !== contactId) throw notFound('Note');
	return note;
}

export const taskRoutes = [
	route<GhlContext>('GET', '/contacts/{contactId}/tasks', (ctx, p) => {
		findContact(ctx, p.contactId);
		ctx.reply(200, { tasks: [...ctx.store.tasks.values()].filter((t) => t.contactId === p.contactId).map((t) => ctx.store.taskView(t)) });
	}),
	route<GhlContext>('POST', '/contacts/{contactId}/tasks', (ctx, p) => {
		findContact(ctx, p.contactId);
		const body = validateBody(ctx.body, { ...TASK_RULES, required: ['title', 'dueDate'] });
		if (body.completed === undefined) throw unprocessable(['completed must be a boolean value']);
		ctx.reply(201, { task: ctx.store.taskView(ctx.store.addTask(p.contactId, body)) });
	}),
	route<GhlContext>('GET', '/contacts/{contactId}/tasks/{taskId}', (ctx, p) => {
		ctx.reply(200, { task: ctx.store.taskView(findTask(ctx, p.contactId, p.taskId)) });
	}),
	route<GhlContext>('PUT', '/contacts/{contactId}/tasks/{taskId}', (ctx, p) => {
		findTask(ctx, p.contactId, p.taskId);
		ctx.reply(200, { task: ctx.store.taskView(ctx.store.updateTask(p.taskId, validateBody(ctx.body, TASK_RULES))) });
	}),
	route<GhlContext>('PUT', '/contacts/{contactId}/tasks/{taskId}/completed', (ctx, p) => {
		findTask(ctx, p.contactId, p.taskId);
		const body = validateBody(ctx.body, { required: ['completed'], allowed: ['completed'], booleans: ['completed'] });
		const completed = body.completed as boolean;
		ctx.reply(200, { task: ctx.store.taskView(ctx.store.updateTask(p.taskId, { completed, completedAt: completed ? ctx.store.now() : null })) });
	}),
	route<GhlContext>('DELETE', '/contacts/{contactId}/tasks/{taskId}', (ctx, p) => {
		findTask(ctx, p.contactId, p.taskId);
		ctx.store.tasks.delete(p.taskId);
		ctx.reply(200, { succeded: true });
	}),
	route<GhlContext>('GET', '/contacts/{contactId}/notes', (ctx, p) => {
		findContact(ctx, p.contactId);
		ctx.reply(200, { notes: [...ctx.store.notes.values()].filter((n) => n.contactId === p.contactId) });
	}),
	route<GhlContext>('POST', '/contacts/{contactId}/notes', (ctx, p) => {
		findContact(ctx, p.contactId);
		const body = validateBody(ctx.body, { ...NOTE_RULES, required: ['body'] });
		ctx.reply(201, { note: ctx.store.addNote(p.contactId, body) });
	}),
	route<GhlContext>('GET', '/contacts/{contactId}/notes/{id}', (ctx, p) => {
		ctx.reply(200, { note: findNote(ctx, p.contactId, p.id) });
	}),
	route<GhlContext>('PUT', '/contacts/{contactId}/notes/{id}', (ctx, p) => {
		const note = findNote(ctx, p.contactId, p.id);
		Object.assign(note, validateBody(ctx.body, NOTE_RULES), { dateUpdated: ctx.store.now() });
		ctx.reply(200, { note });
	}),
	route<GhlContext>('DELETE', '/contacts/{contactId}/notes/{id}', (ctx, p) => {
		findNote(ctx, p.contactId, p.id);
		ctx.store.notes.delete(p.id);
		ctx.reply(200, { succeded: true });
	}),
];
