import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { getWebhookId, webhookIdField } from './fields';

export const get: OperationModule = {
	routes: ['GET /v1/webhooks/{webhookId}'],
	description: [webhookIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const webhookId = getWebhookId.call(this, i);
		return await rankrRequest(this, { method: 'GET', path: apiPath`/v1/webhooks/${webhookId}`, itemIndex: i });
	},
};
