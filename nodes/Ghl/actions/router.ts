import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ghlRecordKeys } from '../../shared/ghlApi';
import { routeItems } from '../../shared/operation';
import type { ResourceOperations } from '../../shared/operation';
import * as campaign from './campaign';
import * as contact from './contact';
import * as follower from './follower';
import * as note from './note';
import * as tag from './tag';
import * as task from './task';
import * as workflow from './workflow';

export const resources: Record<string, ResourceOperations> = {
	contact: contact.operations,
	task: task.operations,
	note: note.operations,
	tag: tag.operations,
	follower: follower.operations,
	campaign: campaign.operations,
	workflow: workflow.operations,
};

export const resourceDescriptions = [
	...contact.description,
	...task.description,
	...note.description,
	...tag.description,
	...follower.description,
	...campaign.description,
	...workflow.description,
];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Every GHL request goes through ghlRequest, which stops at the preflight: input is checked first.
	return await routeItems.call(this, resources, { preflight: { recordKeys: ghlRecordKeys } });
}
