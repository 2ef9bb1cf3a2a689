import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, simplifyField, unwrap } from '../common';
import { noteIdField, noteIds } from './fields';

export const get: OperationModule = {
	routes: ['GET /contacts/{contactId}/notes/{id}'],
	description: [contactLocator({ description: 'The contact the note belongs to' }), noteIdField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, noteId } = noteIds.call(this, i);
		const response = await ghlRequest(this, { method: 'GET', path: apiPath`/contacts/${contactId}/notes/${noteId}`, itemIndex: i });
		return unwrap.call(this, i, response, 'note');
	},
};
