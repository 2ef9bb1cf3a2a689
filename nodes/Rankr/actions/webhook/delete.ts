import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { deleted } from '../common';
import { getWebhookId, webhookIdField } from './fields';

export const deleteWebhook: OperationModule = {
	routes: ['DELETE /v1/webhooks/{webhookId}'],
	description: [webhookIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const webhookId = getWebhookId.call(this, i);
		await rankrRequest(this, { method: 'DELETE', path: apiPath`/v1/webhooks/${webhookId}`, itemIndex: i });
		return deleted(webhookId);
	},
};
