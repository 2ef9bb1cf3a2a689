import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, getContactChoice, getContactId, sourceField } from '../common';
import { noteBody, noteBodyField, noteExternalRefField } from './fields';

export const create: OperationModule = {
	routes: ['POST /v1/contacts/{contactId}/notes'],
	description: [
		contactLocator(),
		{ ...noteBodyField, required: true },
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [noteExternalRefField, sourceField('note')] },
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = noteBody.call(this, i, { ...extra, body: this.getNodeParameter('body', i, '') });
		if (!body.body) throw invalid(this, 'Body', i, 'is required but empty');
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, { method: 'POST', path: apiPath`/v1/contacts/${contactId}/notes`, body, itemIndex: i });
	},
};
