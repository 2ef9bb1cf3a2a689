import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { filtersCollection } from '../../../shared/fields';
import { apiPath } from '../../../shared/transport/path';
import { checkEnum } from '../../../shared/validation';
import { contactLocator, getContactChoice, getContactId, listAll, returnAllFields } from '../common';

const STATUS = ['all', 'open', 'completed'] as const;

export const getMany: OperationModule = {
	routes: ['GET /v1/contacts/{contactId}/tasks'],
	description: [
		contactLocator({ description: 'The contact whose tasks to list' }),
		...returnAllFields(),
		filtersCollection([
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Open', value: 'open' },
					{ name: 'Completed', value: 'completed' },
				],
				default: 'all',
			},
			{ displayName: 'External Ref', name: 'externalRef', type: 'string', default: '' },
		]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		getContactChoice.call(this, i);
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const status = checkEnum(this, filters.status ?? 'all', STATUS, 'Filters → Status', i);
		const qs: IDataObject = {};
		if (status !== 'all') qs.completed = status === 'completed';
		if (filters.externalRef) qs.externalRef = String(filters.externalRef).trim();
		const contactId = await getContactId.call(this, i);
		return await listAll.call(this, i, apiPath`/v1/contacts/${contactId}/tasks`, qs);
	},
};
