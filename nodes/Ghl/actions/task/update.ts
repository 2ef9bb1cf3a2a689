import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { contactLocator, simplifyField, unwrap } from '../common';
import { taskBody, taskIdField, taskIds, taskUpdateFields } from './fields';

export const update: OperationModule = {
	routes: ['PUT /contacts/{contactId}/tasks/{taskId}'],
	description: [
		contactLocator(),
		taskIdField,
		{ displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: taskUpdateFields },
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, taskId } = taskIds.call(this, i);
		const body = taskBody.call(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalid(this, 'Update Fields', i, 'choose at least one field to update');
		const response = await ghlRequest(this, { method: 'PUT', path: apiPath`/contacts/${contactId}/tasks/${taskId}`, body, itemIndex: i });
		return unwrap.call(this, i, response, 'task');
	},
};
