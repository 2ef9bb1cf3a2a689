import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, getContactChoice, getContactId } from '../common';
import { getNoteId, noteBody, noteBodyField, noteExternalRefField, noteIdField } from './fields';

export const update: OperationModule = {
	routes: ['PATCH /v1/contacts/{contactId}/notes/{noteId}'],
	description: [
		contactLocator(),
		noteIdField,
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [noteBodyField, noteExternalRefField] },
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const noteId = getNoteId.call(this, i);
		const body = noteBody.call(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalid(this, 'Update Fields', i, 'nothing to update', 'Add at least one field to change.');
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, { method: 'PATCH', path: apiPath`/v1/contacts/${contactId}/notes/${noteId}`, body, itemIndex: i });
	},
};
