import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, getContactChoice, getContactId } from '../common';
import { taskBody, taskFieldOptions } from './fields';

export const create: OperationModule = {
	routes: ['POST /v1/contacts/{contactId}/tasks'],
	description: [
		contactLocator(),
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, placeholder: 'e.g. Book the onboarding call' },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: taskFieldOptions.filter((o) => o.name !== 'title'),
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = taskBody.call(this, i, { ...extra, title: this.getNodeParameter('title', i, '') });
		if (!body.title) throw invalid(this, 'Title', i, 'is required but empty');
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, { method: 'POST', path: apiPath`/v1/contacts/${contactId}/tasks`, body, itemIndex: i });
	},
};
