import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId, simplifyField, unwrap } from '../common';
import { bodyField, noteBody, noteOptionalFields } from './fields';

export const create: OperationModule = {
	routes: ['POST /contacts/{contactId}/notes'],
	description: [
		contactLocator({ description: 'The contact the note is about' }),
		{ ...bodyField, required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: noteOptionalFields,
		},
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = noteBody.call(this, i, { ...extra, body: this.getNodeParameter('body', i, '') });
		const response = await ghlRequest(this, { method: 'POST', path: apiPath`/contacts/${contactId}/notes`, body, itemIndex: i });
		return unwrap.call(this, i, response, 'note');
	},
};
