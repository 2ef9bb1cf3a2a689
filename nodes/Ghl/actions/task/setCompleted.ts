import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, simplifyField, unwrap } from '../common';
import { taskIdField, taskIds } from './fields';
import { checkBoolean } from './values';

export const setCompleted: OperationModule = {
	routes: ['PUT /contacts/{contactId}/tasks/{taskId}/completed'],
	description: [
		contactLocator(),
		taskIdField,
		{ displayName: 'Completed', name: 'completed', type: 'boolean', default: true, description: 'Whether the task is done (off opens it again)' },
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, taskId } = taskIds.call(this, i);
		const completed = checkBoolean(this, this.getNodeParameter('completed', i, true), 'Completed', i);
		const response = await ghlRequest(this, {
			method: 'PUT',
			path: apiPath`/contacts/${contactId}/tasks/${taskId}/completed`,
			body: { completed },
			itemIndex: i,
		});
		return unwrap.call(this, i, response, 'task');
	},
};
