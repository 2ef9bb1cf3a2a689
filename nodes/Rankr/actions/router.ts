import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems } from '../../shared/operation';
import { isBatchOperation, runBatch } from './batchUpsert';
import type { ResourceOperations } from '../../shared/operation';
import * as account from './account';
import * as contact from './contact';
import * as event from './event';
import * as note from './note';
import * as rule from './rule';
import * as score from './score';
import * as tag from './tag';
import * as task from './task';
import * as webhook from './webhook';

export const resources: Record<string, ResourceOperations> = {
	account: account.operations,
	contact: contact.operations,
	task: task.operations,
	note: note.operations,
	tag: tag.operations,
	score: score.operations,
	rule: rule.operations,
	event: event.operations,
	webhook: webhook.operations,
};

export const resourceDescriptions = [
	...account.description,
	...contact.description,
	...task.description,
	...note.description,
	...tag.description,
	...score.description,
	...rule.description,
	...event.description,
	...webhook.description,
];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Resource and operation take no expressions, so one item tells them for all; a batch operation sends all items together.
	const module = resources[this.getNodeParameter('resource', 0) as string]?.[this.getNodeParameter('operation', 0) as string];
	if (isBatchOperation(module) && this.getInputData().length > 0) return await runBatch(this, module.batch);
	return await routeItems.call(this, resources);
}
