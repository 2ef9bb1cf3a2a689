import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, simplifyField, unwrap } from '../common';
import { taskIdField, taskIds } from './fields';

export const get: OperationModule = {
	routes: ['GET /contacts/{contactId}/tasks/{taskId}'],
	description: [contactLocator(), taskIdField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, taskId } = taskIds.call(this, i);
		const response = await ghlRequest(this, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks/${taskId}`, itemIndex: i });
		return unwrap.call(this, i, response, 'task');
	},
};
