import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ghlAuthentication } from '../shared/ghlDescription';
import { resourceDescriptions, router } from './actions/router';
import { listSearch, loadOptions } from './methods';

/** GHL's credentials matter only to the GHL Sync resource, which reads GHL and writes Rankr. */
const onlyForGhlSync = { show: { resource: ['ghlSync'] } };

export class Rankr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Rankr',
		name: 'rankr',
		icon: { light: 'file:rankr.svg', dark: 'file:rankr.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with Rankr contacts, tasks, notes, tags, lead scores, rules, events and webhooks, and sync GHL into Rankr',
		defaults: { name: 'Rankr' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'rankrApi', required: true },
			{
				name: 'ghlApi',
				required: true,
				displayOptions: { show: { resource: ['ghlSync'], authentication: ['privateIntegration'] } },
			},
			{
				name: 'ghlOAuth2Api',
				required: true,
				displayOptions: { show: { resource: ['ghlSync'], authentication: ['oAuth2'] } },
			},
		],
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
					{ name: 'GHL Sync', value: 'ghlSync', description: 'Make Rankr match GHL, or report where they differ' },
					{ name: 'Note', value: 'note' },
					{ name: 'Score', value: 'score' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'Task', value: 'task' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'contact',
			},
			{ ...ghlAuthentication, displayName: 'GHL Authentication', displayOptions: onlyForGhlSync },
			...resourceDescriptions,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
