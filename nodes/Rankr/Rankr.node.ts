import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescriptions, router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Rankr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rankr',
		name: 'rankr',
		icon: { light: 'file:rankr.svg', dark: 'file:rankr.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with Rankr contacts, tasks, notes, tags, lead scores, rules, events and webhooks',
		defaults: { name: 'Rankr' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// One credential, shown for every resource: nothing here for n8n's editor to take as an auth selector.
		// Syncing from GHL is the GHL Rankr Sync node's job, which needs a GHL credential as well.
		credentials: [{ name: 'rankrApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Automation Rule', value: 'rule' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Event', value: 'event' },
					{ name: 'Note', value: 'note' },
					{ name: 'Score', value: 'score' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'Task', value: 'task' },
					{ name: 'Webhook', value: 'webhook' },
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
