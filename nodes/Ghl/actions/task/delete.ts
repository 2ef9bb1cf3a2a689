import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, deleted } from '../common';
import { taskIdField, taskIds } from './fields';

export const deleteTask: OperationModule = {
	routes: ['DELETE /contacts/{contactId}/tasks/{taskId}'],
	description: [contactLocator(), taskIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, taskId } = taskIds.call(this, i);
		// GHL answers {succeded: true} (SPEC-QUIRKS 8); n8n's convention is {deleted: true, id}.
		await ghlRequest(this, { method: 'DELETE', path: apiPath`/contacts/${contactId}/tasks/${taskId}`, itemIndex: i });
		return deleted(taskId);
	},
};
