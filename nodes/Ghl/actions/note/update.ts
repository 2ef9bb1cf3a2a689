import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, simplifyField, unwrap } from '../common';
import { bodyField, noteBody, noteIdField, noteIds, noteOptionalFields } from './fields';

export const update: OperationModule = {
	routes: ['PUT /contacts/{contactId}/notes/{id}'],
	description: [
		contactLocator({ description: 'The contact the note belongs to' }),
		noteIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			// Collections list their options alphabetically: Author, Body, Color, Pinned, Title.
			options: [noteOptionalFields[0], bodyField, ...noteOptionalFields.slice(1)],
		},
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, noteId } = noteIds.call(this, i);
		const body = noteBody.call(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalid(this, 'Update Fields', i, 'choose at least one field to update');
		const response = await ghlRequest(this, { method: 'PUT', path: apiPath`/contacts/${contactId}/notes/${noteId}`, body, itemIndex: i });
		return unwrap.call(this, i, response, 'note');
	},
};
