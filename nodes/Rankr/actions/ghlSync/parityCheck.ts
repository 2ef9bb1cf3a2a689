import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { parityCheck as check } from '../../../shared/sync/parityCheck';
import { differenceItems } from '../../../shared/sync/parityCompare';
import { checkEnum, invalid, requireValue } from '../../../shared/validation';

export const parityCheck: OperationModule = {
	routes: [
		'GHL POST /contacts/search',
		'GHL GET /contacts/{contactId}/tasks',
		'GHL GET /contacts/{contactId}/notes',
		'Rankr GET /v1/contacts',
		'Rankr GET /v1/contacts/{contactId}/tasks',
		'Rankr GET /v1/contacts/{contactId}/notes',
	],
	description: [
		{
			displayName: 'Contacts',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'All', value: 'all', description: "Every contact of the credential's GHL location" },
				{ name: 'Matching a Search', value: 'query', description: 'GHL contacts found by a text search; Rankr extras are not reported' },
				{ name: 'With a Tag', value: 'tag', description: 'Contacts holding a tag, on both sides' },
			],
			default: 'all',
		},
		{
			displayName: 'Search Query',
			name: 'query',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { scope: ['query'] } },
			description: 'Matches name, email, phone and company in GHL',
		},
		{
			displayName: 'Tag',
			name: 'tag',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { scope: ['tag'] } },
		},
		{
			displayName: 'Compare Tags, Tasks and Notes',
			name: 'compareChildren',
			type: 'boolean',
			default: false,
			description: 'Whether to also compare each contact’s tags, tasks and notes (four more reads per contact)',
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'One Summary Item', value: 'summary' },
				{ name: 'One Item per Difference', value: 'differences', description: 'No items when both sides agree' },
			],
			default: 'summary',
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const scope = checkEnum(this, this.getNodeParameter('scope', i, 'all'), ['all', 'query', 'tag'] as const, 'Contacts', i);
		const output = checkEnum(this, this.getNodeParameter('output', i, 'summary'), ['summary', 'differences'] as const, 'Output', i);
		const query = scope === 'query' ? requireValue(this, this.getNodeParameter('query', i, ''), 'Search Query', i) : undefined;
		const tag = scope === 'tag' ? requireValue(this, this.getNodeParameter('tag', i, ''), 'Tag', i).toLowerCase() : undefined;
		if (tag && tag.length > 64) throw invalid(this, 'Tag', i, 'is longer than 64 characters (Rankr’s limit)');
		if (query && query.length > 200) throw invalid(this, 'Search Query', i, 'is longer than 200 characters');
		const compareChildren = this.getNodeParameter('compareChildren', i, false) === true;
		const report = await check(this, i, { query, tag, compareChildren });
		return output === 'summary' ? report : differenceItems(report);
	},
};
