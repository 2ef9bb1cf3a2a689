/** A contact's tasks: list (completed/externalRef filters), create, get, patch, complete/reopen, delete. */
import { route } from '../shared/http';
import type { RankrContext } from './context';
import { pageByCreation, RankrError } from './context';
import type { RankrStore } from './store';
import type { Task, TaskInput, TaskStatus } from './types';

export function findTask(store: RankrStore, contactId: string, taskId: string): Task {
	store.findContact(contactId);
	const task = store.tasks.get(taskId);
	if (!task || task.contactId !== contactId) throw RankrError.notFound('task', taskId);
	return task;
}

/** externalRef is unique per contact for tasks and for notes. */
export function assertRefFree(records: Iterable<{ id: string; contactId: string; externalRef: string | null }>, contactId: string, externalRef: string | null | undefined, exceptId?: string): void {
	if (externalRef === undefined || externalRef === null) return;
	for (const r of records) {
		if (r.contactId === contactId && r.externalRef === externalRef && r.id !== exceptId) {
			throw new RankrError(409, 'conflict', 'Another record of this contact has this externalRef', [{ field: 'externalRef', message: `is taken by ${r.id}` }]);
		}
	}
}

/** Creates a task (emitting task.created, and task.completed when created done). */
export function addTask(store: RankrStore, contactId: string, input: TaskInput & { title: string }): Task {
	store.findContact(contactId);
	assertRefFree(store.tasks.values(), contactId, input.externalRef);
	const now = store.now();
	const task: Task = {
		id: store.id('tsk_'),
		contactId,
		externalRef: input.externalRef ?? null,
		title: input.title,
		description: input.description ?? null,
		dueAt: input.dueAt ?? null,
		assignee: input.assignee ?? null,
		...statusFields(input, 'pending'),
		completedAt: null,
		source: input.source ?? 'rankr',
		links: input.links ?? [],
		createdAt: now,
		updatedAt: now,
	};
	if (task.completed) task.completedAt = now;
	store.tasks.set(task.id, task);
	store.emit('task.created', { task });
	if (task.completed) store.emit('task.completed', { task });
	return task;
}

/**
 * `completed` is `status === 'complete'`: a status sets it; `completed` alone sets the status (true:
 * complete; false on a complete task: pending; false on an open one keeps its status).
 */
function statusFields(input: TaskInput, current: TaskStatus): { status: TaskStatus; completed: boolean } {
	let status = current;
	if (input.status !== undefined) status = input.status;
	else if (input.completed === true) status = 'complete';
	else if (input.completed === false && current === 'complete') status = 'pending';
	return { status, completed: status === 'complete' };
}

/** Applies a change; emits task.updated when something changed, and task.completed when it became complete. */
export function updateTask(store: RankrStore, task: Task, input: TaskInput): Task {
	assertRefFree(store.tasks.values(), task.contactId, input.externalRef, task.id);
	const wasCompleted = task.completed;
	const before = JSON.stringify(task);
	const now = store.now();
	Object.assign(task, input, statusFields(input, task.status));
	if (task.completed !== wasCompleted) task.completedAt = task.completed ? now : null;
	if (JSON.stringify(task) === before) return task;
	task.updatedAt = now;
	store.emit('task.updated', { task });
	if (task.completed && !wasCompleted) store.emit('task.completed', { task });
	return task;
}

export function deleteTask(store: RankrStore, task: Task): void {
	store.tasks.delete(task.id);
	store.emit('task.deleted', { task });
}

export const taskRoutes = [
	route<RankrContext>('GET', '/v1/contacts/{contactId}/tasks', (ctx, p) => {
		ctx.store.findContact(p.contactId);
		const { completed, externalRef } = ctx.query;
		const tasks = [...ctx.store.tasks.values()].filter(
			(t) => t.contactId === p.contactId && (completed === undefined || t.completed === completed) && (externalRef === undefined || t.externalRef === externalRef),
		);
		ctx.reply(200, pageByCreation(ctx, tasks));
	}),
	route<RankrContext>('POST', '/v1/contacts/{contactId}/tasks', (ctx, p) => {
		ctx.reply(201, addTask(ctx.store, p.contactId, ctx.body));
	}),
	route<RankrContext>('GET', '/v1/contacts/{contactId}/tasks/{taskId}', (ctx, p) => {
		ctx.reply(200, findTask(ctx.store, p.contactId, p.taskId));
	}),
	route<RankrContext>('PATCH', '/v1/contacts/{contactId}/tasks/{taskId}', (ctx, p) => {
		ctx.reply(200, updateTask(ctx.store, findTask(ctx.store, p.contactId, p.taskId), ctx.body));
	}),
	route<RankrContext>('POST', '/v1/contacts/{contactId}/tasks/{taskId}/complete', (ctx, p) => {
		const task = findTask(ctx.store, p.contactId, p.taskId);
		const completed = (ctx.body as { completed?: boolean } | undefined)?.completed ?? true;
		ctx.reply(200, task.completed === completed ? task : updateTask(ctx.store, task, { completed }));
	}),
	route<RankrContext>('DELETE', '/v1/contacts/{contactId}/tasks/{taskId}', (ctx, p) => {
		deleteTask(ctx.store, findTask(ctx.store, p.contactId, p.taskId));
		ctx.reply(204);
	}),
];
