import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { membershipResult } from '../campaign/fields';
import { contactLocator, getContactId } from '../common';
import { ghlDateTime } from '../task/values';
import { workflowField, workflowId } from './fields';

export const add: OperationModule = {
	routes: ['POST /contacts/{contactId}/workflow/{workflowId}'],
	description: [
		contactLocator({ description: 'The contact to enrol' }),
		workflowField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Event Start Time',
					name: 'eventStartTime',
					type: 'dateTime',
					default: '',
					description:
						"The event date the workflow's wait steps count from (e.g. an appointment). A date without a time zone is read in the workflow's time zone.",
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const workflow = workflowId.call(this, i);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const eventStartTime = ghlDateTime(this, extra.eventStartTime, 'Event Start Time', i);
		const body: IDataObject = eventStartTime ? { eventStartTime } : {};
		const response = await ghlRequest<IDataObject>(this, { method: 'POST', path: apiPath`/contacts/${contactId}/workflow/${workflow}`, body, itemIndex: i });
		return membershipResult(response, { contactId, workflowId: workflow, ...body });
	},
};
