import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, deleted } from '../common';
import { noteIdField, noteIds } from './fields';

export const deleteNote: OperationModule = {
	routes: ['DELETE /contacts/{contactId}/notes/{id}'],
	description: [contactLocator({ description: 'The contact the note belongs to' }), noteIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, noteId } = noteIds.call(this, i);
		await ghlRequest(this, { method: 'DELETE', path: apiPath`/contacts/${contactId}/notes/${noteId}`, itemIndex: i });
		return deleted(noteId);
	},
};
