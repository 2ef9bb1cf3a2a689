import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';

export const get: OperationModule = {
	routes: ['GET /v1/whoami'],
	description: [],
	async execute(this: IExecuteFunctions, i: number) {
		return await rankrRequest(this, { method: 'GET', path: '/v1/whoami', itemIndex: i });
	},
};
