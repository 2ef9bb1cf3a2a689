import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/operation';
import { operationFields } from '../../../shared/operation';
import { parityCheck } from './parityCheck';
import { syncContact } from './syncContact';
import { syncLocation } from './syncLocation';
import { syncToGhl } from './syncToGhl';

export const operations: ResourceOperations = { syncContact, syncLocation, syncToGhl, parityCheck };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ghlSync'] } },
		options: [
			{
				name: 'Parity Check',
				value: 'parityCheck',
				action: 'Check contacts for parity',
				description: 'Report contacts missing, extra, duplicated or different, GHL → Rankr, Rankr → GHL or both, and repair them if asked',
			},
			{
				name: 'Sync Contact',
				value: 'syncContact',
				action: 'Sync a contact',
				description: 'Make the Rankr contact, its tags, tasks and notes match GHL; writes only what differs',
			},
			{
				name: 'Sync Location',
				value: 'syncLocation',
				action: 'Sync a location incrementally',
				description: 'Make Rankr match every GHL contact changed since the last run, with tags, tasks and notes, in batches and within a request budget',
			},
			{
				name: 'Sync to GHL',
				value: 'syncToGhl',
				action: 'Sync a contact to GHL',
				description: 'Make the GHL contact, its tasks, notes and Rankr’s tags match Rankr; writes only what differs',
			},
		],
		default: 'syncContact',
	},
	...operationFields('ghlSync', operations),
];
