import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ghlAuthentication, ghlCredentials } from '../shared/ghlDescription';
import { resourceDescriptions, router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Ghl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL',
		name: 'ghl',
		icon: { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with contacts, tasks, notes, tags and more in GoHighLevel (HighLevel / LeadConnector)',
		defaults: { name: 'GHL' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials,
		properties: [
			ghlAuthentication,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Follower', value: 'follower' },
					{ name: 'Note', value: 'note' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'Task', value: 'task' },
					{ name: 'Workflow', value: 'workflow' },
				],
				default: 'contact',
			},
			...resourceDescriptions,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
