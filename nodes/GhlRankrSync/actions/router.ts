import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import * as ghlSync from '../../Rankr/actions/ghlSync';
import { routeItems } from '../../shared/operation';
import type { ResourceOperations } from '../../shared/operation';

/** The node's one resource; its operations are the sync modules in nodes/Rankr/actions/ghlSync. */
export const resources: Record<string, ResourceOperations> = { ghlSync: ghlSync.operations };

export const resourceDescriptions = ghlSync.description;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, resources);
}
