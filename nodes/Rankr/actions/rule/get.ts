import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { getRuleId, ruleIdField } from './fields';

export const get: OperationModule = {
	routes: ['GET /v1/rules/{ruleId}'],
	description: [ruleIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const ruleId = getRuleId.call(this, i);
		return await rankrRequest(this, { method: 'GET', path: apiPath`/v1/rules/${ruleId}`, itemIndex: i });
	},
};
