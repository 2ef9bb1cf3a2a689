import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { filtersCollection } from '../../../shared/fields';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactChoice, getContactId, listAll, returnAllFields } from '../common';

export const getMany: OperationModule = {
	routes: ['GET /v1/contacts/{contactId}/notes'],
	description: [
		contactLocator({ description: 'The contact whose notes to list' }),
		...returnAllFields(),
		filtersCollection([{ displayName: 'External Ref', name: 'externalRef', type: 'string', default: '' }]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = filters.externalRef ? { externalRef: String(filters.externalRef).trim() } : {};
		const contactId = await getContactId.call(this, i);
		return await listAll.call(this, i, apiPath`/v1/contacts/${contactId}/notes`, qs);
	},
};
