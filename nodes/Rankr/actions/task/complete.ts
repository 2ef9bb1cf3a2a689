import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactChoice, getContactId } from '../common';
import { getTaskId, taskIdField } from './fields';

export const complete: OperationModule = {
	routes: ['POST /v1/contacts/{contactId}/tasks/{taskId}/complete'],
	description: [
		contactLocator(),
		taskIdField,
		{ displayName: 'Completed', name: 'completed', type: 'boolean', default: true, description: 'Whether to mark the task done (off: open it again)' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const taskId = getTaskId.call(this, i);
		const completed = this.getNodeParameter('completed', i, true) as boolean;
		const contactId = await getContactId.call(this, i);
		return await rankrRequest(this, {
			method: 'POST',
			path: apiPath`/v1/contacts/${contactId}/tasks/${taskId}/complete`,
			body: { completed: Boolean(completed) },
			itemIndex: i,
		});
	},
};
