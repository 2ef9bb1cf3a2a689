import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { maxRequestsOption, readMaxRequests } from '../../../shared/requestBudget';
import { syncLocation as sync } from '../../../shared/sync/syncLocation';
import { checkEnum, checkNumber } from '../../../shared/validation';
import { deletionsField, getDeletions } from './fields';

export const syncLocation: OperationModule = {
	routes: [
		'GHL POST /contacts/search',
		'GHL POST /locations/{locationId}/tasks/search',
		'GHL GET /contacts/{contactId}/notes',
		'GHL GET /contacts/{contactId}',
		'Rankr POST /v1/contacts/batch-upsert',
		'Rankr POST /v1/tasks/batch-upsert',
		'Rankr POST /v1/notes/batch-upsert',
		'Rankr GET /v1/contacts',
		'Rankr PATCH /v1/contacts/{contactId}',
		'Rankr DELETE /v1/contacts/{contactId}',
	],
	description: [
		{
			displayName: 'First Run',
			name: 'firstRun',
			type: 'options',
			options: [
				{ name: 'Copy Every Contact', value: 'everything', description: 'The first run syncs the whole location; later runs what changed' },
				{ name: 'From Now On', value: 'fromNow', description: 'The first run copies nothing and remembers the time; later runs sync what changed since' },
			],
			default: 'everything',
			description: 'What the first run of this workflow does (later runs go on from where the last one stopped, kept in the workflow)',
		},
		deletionsField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				maxRequestsOption('GHL requests this run may send; when they run out it stops between contacts and the next run goes on from there.'),
				{
					displayName: 'Overlap (Minutes)',
					name: 'overlapMinutes',
					type: 'number',
					typeOptions: { minValue: 0, maxValue: 1440 },
					default: 10,
					description: 'How far each run looks back before the last one ended, for changes GHL’s search shows late; contacts already synced at the same change are not written again',
				},
				{
					displayName: 'Look for GHL Deletions',
					name: 'deletionScan',
					type: 'options',
					options: [
						{ name: 'Once a Day', value: 'daily', description: 'One run a day also reads every GHL contact ID (500 a request) to find contacts GHL deleted' },
						{ name: 'Every Run', value: 'everyRun' },
						{ name: 'Never', value: 'never' },
					],
					default: 'daily',
					description: 'GHL’s search shows no deleted contacts: how often to compare the IDs of the whole location (nothing is looked for with GHL Deletions: Keep)',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const firstRun = checkEnum(this, this.getNodeParameter('firstRun', i, 'everything'), ['everything', 'fromNow'] as const, 'First Run', i);
		const deletions = getDeletions(this, i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const maxRequests = readMaxRequests(this, options, i);
		const overlapMinutes = checkNumber(this, options.overlapMinutes ?? 10, 'Overlap (Minutes)', i, { min: 0, max: 1440 });
		const deletionScan = checkEnum(this, options.deletionScan ?? 'daily', ['daily', 'everyRun', 'never'] as const, 'Look for GHL Deletions', i);
		return await sync(this, i, { firstRun, deletions, maxRequests, overlapMinutes, deletionScan });
	},
};
