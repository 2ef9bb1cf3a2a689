import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { membershipResult } from '../campaign/fields';
import { contactLocator, getContactId } from '../common';
import { workflowField, workflowId } from './fields';

export const remove: OperationModule = {
	routes: ['DELETE /contacts/{contactId}/workflow/{workflowId}'],
	description: [contactLocator({ description: 'The contact to take out' }), workflowField],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const workflow = workflowId.call(this, i);
		// The spec requires a body on this DELETE (the add's CreateWorkflowDto, eventStartTime optional): an empty one.
		const response = await ghlRequest<IDataObject>(this, { method: 'DELETE', path: apiPath`/contacts/${contactId}/workflow/${workflow}`, body: {}, itemIndex: i });
		return membershipResult(response, { contactId, workflowId: workflow });
	},
};
