import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, getContactId, simplifyField, unwrap } from '../common';
import { taskBody, taskExtraFields } from './fields';

export const create: OperationModule = {
	routes: ['POST /contacts/{contactId}/tasks'],
	description: [
		contactLocator(),
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true, placeholder: 'e.g. Call back about the quote' },
		{
			displayName: 'Due Date',
			name: 'dueDate',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'When the task is due (read in the workflow\'s time zone). GHL requires one.',
		},
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: taskExtraFields },
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = taskBody.call(this, i, {
			...extra,
			title: this.getNodeParameter('title', i, ''),
			dueDate: this.getNodeParameter('dueDate', i, ''),
		});
		if (!body.dueDate) throw invalid(this, 'Due Date', i, 'is required but empty');
		// GHL's create requires `completed`; a new task is open unless the user says otherwise.
		body.completed ??= false;
		const response = await ghlRequest(this, { method: 'POST', path: apiPath`/contacts/${contactId}/tasks`, body, itemIndex: i });
		return unwrap.call(this, i, response, 'task');
	},
};
