import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId, simplifyField, unwrap } from '../common';

export const getAppointments: OperationModule = {
	routes: ['GET /contacts/{contactId}/appointments'],
	description: [contactLocator(), simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const id = getContactId.call(this, i);
		const response = await ghlRequest<IDataObject>(this, { method: 'GET', path: apiPath`/contacts/${id}/appointments`, itemIndex: i });
		return unwrap.call(this, i, response, 'events');
	},
};
