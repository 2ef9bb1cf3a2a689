import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems } from '../../shared/operation';
import type { ResourceOperations } from '../../shared/operation';
import * as account from './account';
import * as ghlSync from './ghlSync';

export const resources: Record<string, ResourceOperations> = {
	account: account.operations,
	ghlSync: ghlSync.operations,
};

export const resourceDescriptions = [...account.description, ...ghlSync.description];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, resources);
}
