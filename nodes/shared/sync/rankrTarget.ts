import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { rankrRequest } from '../rankrApi';
import { apiPath } from '../transport/path';
import { collectPages, nextOpaqueCursor } from '../transport/pagination';
import type { ApiRequest } from '../transport/types';
import { isNotFound, nodeError } from '../apiErrors';
import type { ChildKind } from './refs';

/**
 * Reading and writing the Rankr side of a sync. Every call goes through rankrRequest (paced, retried, POSTs
 * keyed), and every write says it comes from GHL (`Rankr-Origin: ghl`), so the Rankr events it fires carry
 * `origin: ghl` and a Rankr Trigger set to ignore changes from GHL does not send them back (the loop guard).
 */

const RANKR_PAGE = 100;

/** A Rankr caller bound to one item (its errors name the item). */
export interface RankrCall {
	(request: Omit<ApiRequest, 'itemIndex'>): Promise<IDataObject>;
	node: INode;
}

/** The system the sync's Rankr writes come from (the contract's Rankr-Origin). */
export const SYNC_ORIGIN = 'ghl';

export function rankrCaller(ctx: IExecuteFunctions, itemIndex: number): RankrCall {
	// The sync's PATCHes send absolute values (never increments), so sending one twice leaves the same
	// record: the transport may retry them after a 5xx or a dropped connection, as it does PUT and DELETE.
	const call = async (request: Omit<ApiRequest, 'itemIndex'>) =>
		await rankrRequest<IDataObject>(ctx, {
			...request,
			itemIndex,
			...(request.method === 'GET' ? {} : { headers: { ...request.headers, 'Rankr-Origin': SYNC_ORIGIN } }),
			...(request.method === 'PATCH' ? { idempotent: true } : {}),
		});
	return Object.assign(call, { node: ctx.getNode() });
}

/** Every record of a Rankr list endpoint (cursor pages of 100). */
export async function listAll(call: RankrCall, path: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	return await collectPages<IDataObject, string>(
		async (cursor) => {
			const page = await call({ method: 'GET', path, qs: { ...qs, limit: RANKR_PAGE, ...(cursor ? { cursor } : {}) } });
			return { items: (page.data as IDataObject[]) ?? [], next: nextOpaqueCursor(page.nextCursor as string | null) };
		},
		{ pageSize: RANKR_PAGE },
	);
}

export async function contactsByRef(call: RankrCall, externalRef: string): Promise<IDataObject[]> {
	return await listAll(call, '/v1/contacts', { externalRef });
}

/** Contacts linked to an outside record (the contract's `link` filter, `<system>:<id>`, any account). */
export async function contactsByLink(call: RankrCall, system: 'ghl' | 'clio', id: string): Promise<IDataObject[]> {
	return await listAll(call, '/v1/contacts', { link: `${system}:${id}` });
}

/** Updates a contact by its Rankr ID (fields not sent stay). */
export async function updateContact(call: RankrCall, contactId: string, body: IDataObject): Promise<void> {
	await call({ method: 'PATCH', path: apiPath`/v1/contacts/${contactId}`, body });
}

const childPath = (kind: ChildKind, contactId: string) =>
	kind === 'task' ? apiPath`/v1/contacts/${contactId}/tasks` : apiPath`/v1/contacts/${contactId}/notes`;

export async function listChildren(call: RankrCall, kind: ChildKind, contactId: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	return await listAll(call, childPath(kind, contactId), qs);
}

export async function createChild(call: RankrCall, kind: ChildKind, contactId: string, body: IDataObject): Promise<void> {
	await call({ method: 'POST', path: childPath(kind, contactId), body });
}

export async function updateChild(call: RankrCall, kind: ChildKind, contactId: string, id: string, body: IDataObject): Promise<void> {
	await call({ method: 'PATCH', path: `${childPath(kind, contactId)}/${encodeURIComponent(id)}`, body });
}

export async function completeTask(call: RankrCall, contactId: string, taskId: string, completed: boolean): Promise<void> {
	await call({ method: 'POST', path: apiPath`/v1/contacts/${contactId}/tasks/${taskId}/complete`, body: { completed } });
}

/** A delete whose target is already gone (a retried delete the first attempt did) counts as done. */
async function deleteQuietly(call: RankrCall, path: string): Promise<void> {
	try {
		await call({ method: 'DELETE', path });
	} catch (error) {
		if (!isNotFound(error)) throw nodeError(call.node, error);
	}
}

export async function deleteChild(call: RankrCall, kind: ChildKind, contactId: string, id: string): Promise<void> {
	await deleteQuietly(call, `${childPath(kind, contactId)}/${encodeURIComponent(id)}`);
}

export async function deleteContact(call: RankrCall, contactId: string): Promise<void> {
	await deleteQuietly(call, apiPath`/v1/contacts/${contactId}`);
}

/** Archiving keeps the contact and everything it holds; a later sync that finds it in GHL restores it. */
export async function archiveContact(call: RankrCall, contactId: string): Promise<void> {
	await call({ method: 'PATCH', path: apiPath`/v1/contacts/${contactId}`, body: { archived: true } });
}

export async function upsertContact(call: RankrCall, body: IDataObject): Promise<{ action: string; contact: IDataObject }> {
	const answer = await call({ method: 'POST', path: '/v1/contacts/upsert', body: { ...body, matchBy: 'externalRef' } });
	return answer as { action: string; contact: IDataObject };
}

/**
 * Tags are added and removed one by one, never replaced as a set: a tag a Rankr rule adds while the sync
 * runs is not overwritten, and tags the sync does not own are never sent at all.
 */
export async function addTags(call: RankrCall, contactId: string, tags: string[]): Promise<void> {
	if (tags.length) await call({ method: 'POST', path: apiPath`/v1/contacts/${contactId}/tags`, body: { tags } });
}

export async function removeTag(call: RankrCall, contactId: string, tag: string): Promise<void> {
	await call({ method: 'DELETE', path: apiPath`/v1/contacts/${contactId}/tags/${tag}` });
}
