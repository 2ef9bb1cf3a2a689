import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { compact, invalid, requireId, requireValue } from '../../../shared/validation';
import { contactLocator, deleted, getContactId, returnAllFields, simplifyField, unwrap, wantedLimit } from '../common';

const noteIdField: INodeProperties = { displayName: 'Note ID', name: 'noteId', type: 'string', default: '', required: true };
const userField: INodeProperties = { displayName: 'User Name or ID', name: 'userId', type: 'options', typeOptions: { loadOptionsMethod: 'getUsers' }, default: '', description: 'Author of the note. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' };

function noteIds(this: IExecuteFunctions, i: number) {
	return { contactId: getContactId.call(this, i), noteId: requireId(this, this.getNodeParameter('noteId', i), 'Note ID', i) };
}

export const create: OperationModule = {
	routes: ['POST /contacts/{contactId}/notes'],
	description: [contactLocator(), { displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '', required: true }, { displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [userField] }, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = compact({ body: requireValue(this, this.getNodeParameter('body', i), 'Body', i), userId: extra.userId ? requireId(this, extra.userId, 'User', i) : undefined });
		return unwrap.call(this, i, await ghlRequest(this, { method: 'POST', path: apiPath`/contacts/${contactId}/notes`, body, itemIndex: i }), 'note');
	},
};

export const get: OperationModule = {
	routes: ['GET /contacts/{contactId}/notes/{id}'],
	description: [contactLocator(), noteIdField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, noteId } = noteIds.call(this, i);
		return unwrap.call(this, i, await ghlRequest(this, { method: 'GET', path: apiPath`/contacts/${contactId}/notes/${noteId}`, itemIndex: i }), 'note');
	},
};

export const getMany: OperationModule = {
	routes: ['GET /contacts/{contactId}/notes'],
	description: [contactLocator(), ...returnAllFields()],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const response = await ghlRequest<IDataObject>(this, { method: 'GET', path: apiPath`/contacts/${contactId}/notes`, itemIndex: i });
		const limit = wantedLimit.call(this, i);
		const notes = (response.notes as IDataObject[]) ?? [];
		return limit === undefined ? notes : notes.slice(0, limit);
	},
};

export const update: OperationModule = {
	routes: ['PUT /contacts/{contactId}/notes/{id}'],
	description: [contactLocator(), noteIdField, { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 4 }, default: '' }, userField] }, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, noteId } = noteIds.call(this, i);
		const f = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body = compact({ body: f.body as string | undefined, userId: f.userId ? requireId(this, f.userId, 'User', i) : undefined });
		if (!Object.keys(body).length) throw invalid(this, 'Update Fields', i, 'choose at least one field to update');
		return unwrap.call(this, i, await ghlRequest(this, { method: 'PUT', path: apiPath`/contacts/${contactId}/notes/${noteId}`, body, itemIndex: i }), 'note');
	},
};

export const deleteNote: OperationModule = {
	routes: ['DELETE /contacts/{contactId}/notes/{id}'],
	description: [contactLocator(), noteIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, noteId } = noteIds.call(this, i);
		await ghlRequest(this, { method: 'DELETE', path: apiPath`/contacts/${contactId}/notes/${noteId}`, itemIndex: i });
		return deleted(noteId);
	},
};
