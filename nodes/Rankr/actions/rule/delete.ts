import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { deleted } from '../common';
import { getRuleId, ruleIdField } from './fields';

export const deleteRule: OperationModule = {
	routes: ['DELETE /v1/rules/{ruleId}'],
	description: [ruleIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const ruleId = getRuleId.call(this, i);
		await rankrRequest(this, { method: 'DELETE', path: apiPath`/v1/rules/${ruleId}`, itemIndex: i });
		return deleted(ruleId);
	},
};
