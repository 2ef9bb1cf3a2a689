import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { listAll, returnAllFields } from '../common';

export const getMany: OperationModule = {
	routes: ['GET /v1/webhooks'],
	description: [...returnAllFields()],
	async execute(this: IExecuteFunctions, i: number) {
		return await listAll.call(this, i, '/v1/webhooks');
	},
};
