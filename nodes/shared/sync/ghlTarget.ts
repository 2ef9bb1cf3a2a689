import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../ghlApi';
import { apiPath } from '../transport/path';
import { isNotFound, nodeError } from '../apiErrors';

/** Writing the GHL side of a Sync to GHL, through the one transport (paced to GHL's limits, retried where safe). */

export interface GhlCall {
	ctx: IExecuteFunctions;
	itemIndex: number;
	locationId: string;
}

const send = async <T = IDataObject>(g: GhlCall, request: Omit<Parameters<typeof ghlRequest>[1], 'itemIndex'>): Promise<T> =>
	await ghlRequest<T>(g.ctx, { ...request, itemIndex: g.itemIndex });

/** The contact, or undefined when GHL answers "not found". */
export async function getGhlContact(g: GhlCall, id: string): Promise<IDataObject | undefined> {
	try {
		return (await send<{ contact: IDataObject }>(g, { method: 'GET', path: apiPath`/contacts/${id}` })).contact;
	} catch (error) {
		if (isNotFound(error)) return undefined;
		throw nodeError(g.ctx.getNode(), error);
	}
}

/** GHL's duplicate lookup: by email first, then by phone (the order GHL's own duplicate rules use). */
export async function findGhlDuplicate(g: GhlCall, email: unknown, phone: unknown): Promise<IDataObject | undefined> {
	for (const [key, value] of [['email', email], ['number', phone]] as const) {
		if (typeof value !== 'string' || !value) continue;
		const answer = await send<{ contact?: IDataObject | null }>(g, { method: 'GET', path: '/contacts/search/duplicate', qs: { locationId: g.locationId, [key]: value } });
		if (answer.contact) return answer.contact;
	}
	return undefined;
}

export async function createGhlContact(g: GhlCall, body: IDataObject): Promise<IDataObject> {
	return (await send<{ contact: IDataObject }>(g, { method: 'POST', path: '/contacts/', body: { ...body, locationId: g.locationId } })).contact;
}

export async function updateGhlContact(g: GhlCall, id: string, body: IDataObject): Promise<IDataObject> {
	return (await send<{ contact: IDataObject }>(g, { method: 'PUT', path: apiPath`/contacts/${id}`, body })).contact;
}

export async function addGhlTags(g: GhlCall, id: string, tags: string[]): Promise<void> {
	if (tags.length) await send(g, { method: 'POST', path: apiPath`/contacts/${id}/tags`, body: { tags }, idempotent: true });
}

export async function removeGhlTags(g: GhlCall, id: string, tags: string[]): Promise<void> {
	if (tags.length) await send(g, { method: 'DELETE', path: apiPath`/contacts/${id}/tags`, body: { tags }, idempotent: true });
}

export async function deleteGhlContact(g: GhlCall, id: string): Promise<void> {
	try {
		await send(g, { method: 'DELETE', path: apiPath`/contacts/${id}` });
	} catch (error) {
		if (!isNotFound(error)) throw nodeError(g.ctx.getNode(), error);
	}
}

/**
 * A soft delete keeps the GHL contact with everything it holds: it gets the tag and Do Not Disturb, so
 * GHL stops messaging it and a user can find (and undo) it. Nothing is written when it already has both.
 */
export async function softDeleteGhlContact(g: GhlCall, contact: IDataObject, tag: string): Promise<boolean> {
	const tags = (Array.isArray(contact.tags) ? contact.tags : []).map((t) => String(t).toLowerCase());
	const needsTag = !tags.includes(tag.toLowerCase());
	if (needsTag) await addGhlTags(g, String(contact.id), [tag]);
	if (contact.dnd !== true) await updateGhlContact(g, String(contact.id), { dnd: true });
	return needsTag || contact.dnd !== true;
}

export async function listGhlChildren(g: GhlCall, kind: 'task' | 'note', contactId: string): Promise<IDataObject[]> {
	if (kind === 'task') return (await send<{ tasks?: IDataObject[] }>(g, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks` })).tasks ?? [];
	return (await send<{ notes?: IDataObject[] }>(g, { method: 'GET', path: apiPath`/contacts/${contactId}/notes` })).notes ?? [];
}

export async function createGhlChild(g: GhlCall, kind: 'task' | 'note', contactId: string, body: IDataObject): Promise<IDataObject> {
	if (kind === 'task') {
		const answer = await send<{ task: IDataObject }>(g, { method: 'POST', path: apiPath`/contacts/${contactId}/tasks`, body: { completed: false, ...body } });
		return answer.task;
	}
	return (await send<{ note: IDataObject }>(g, { method: 'POST', path: apiPath`/contacts/${contactId}/notes`, body })).note;
}

export async function updateGhlChild(g: GhlCall, kind: 'task' | 'note', contactId: string, id: string, body: IDataObject): Promise<void> {
	const path = kind === 'task' ? apiPath`/contacts/${contactId}/tasks/${id}` : apiPath`/contacts/${contactId}/notes/${id}`;
	await send(g, { method: 'PUT', path, body });
}

export async function setGhlTaskCompleted(g: GhlCall, contactId: string, id: string, completed: boolean): Promise<void> {
	await send(g, { method: 'PUT', path: apiPath`/contacts/${contactId}/tasks/${id}/completed`, body: { completed } });
}
