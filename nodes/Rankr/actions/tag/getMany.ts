import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { filtersCollection } from '../../../shared/fields';
import { invalid } from '../../../shared/validation';
import { listAll, returnAllFields } from '../common';

export const getMany: OperationModule = {
	routes: ['GET /v1/tags'],
	description: [
		...returnAllFields(),
		filtersCollection([{ displayName: 'Starts With', name: 'prefix', type: 'string', default: '', placeholder: 'e.g. ghl-' }]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const prefix = String(filters.prefix ?? '').trim().toLowerCase();
		if (prefix.length > 64) throw invalid(this, 'Filters → Starts With', i, 'is longer than 64 characters');
		return await listAll.call(this, i, '/v1/tags', prefix ? { prefix } : {});
	},
};
