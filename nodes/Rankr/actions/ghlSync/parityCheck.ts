import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { maxRequestsOption, readMaxRequests } from '../../../shared/requestBudget';
import { parityCheck as check } from '../../../shared/sync/parityCheck';
import { differenceItems } from '../../../shared/sync/parityCompare';
import { checkEnum, checkNumber, invalid, requireValue } from '../../../shared/validation';
import { syncContact } from './syncContact';
import { syncToGhl } from './syncToGhl';

const DIRECTIONS = ['ghlToRankr', 'rankrToGhl', 'both'] as const;

/** Whether a boolean parameter (maybe set by an expression) is true; anything but a boolean is refused. */
function flag(ctx: IExecuteFunctions, name: string, label: string, i: number): boolean {
	const value = ctx.getNodeParameter(name, i, false) as unknown;
	if (typeof value !== 'boolean') throw invalid(ctx, label, i, `"${String(value).slice(0, 40)}" is not true or false`);
	return value;
}

export const parityCheck: OperationModule = {
	// With Repair, everything Sync Contact and Sync to GHL send (never their deletes: both run with Keep).
	routes: [
		...new Set([
			'GHL POST /contacts/search',
			'GHL GET /contacts/{contactId}/tasks',
			'GHL GET /contacts/{contactId}/notes',
			'Rankr GET /v1/contacts',
			'Rankr GET /v1/contacts/{contactId}/tasks',
			'Rankr GET /v1/contacts/{contactId}/notes',
			...[...syncContact.routes, ...syncToGhl.routes].filter((r) => !/^(GHL|Rankr) DELETE \/(v1\/)?contacts\/\{contactId\}(\/(tasks|notes)\/.*)?$/.test(r)),
		]),
	],
	description: [
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			options: [
				{ name: 'GHL → Rankr', value: 'ghlToRankr', description: 'GHL contacts missing, duplicated or different in Rankr (what Sync Contact would write)' },
				{
					name: 'Rankr → GHL',
					value: 'rankrToGhl',
					description: 'Rankr contacts linked to this location or to no GHL contact (e.g. from Clio) missing or different in GHL (what Sync to GHL would write)',
				},
				{ name: 'Both', value: 'both', description: 'Both comparisons, reported apart' },
			],
			default: 'ghlToRankr',
		},
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
			description: 'Whether to also compare each contact’s tags, tasks and notes (four more reads per contact compared)',
		},
		{
			displayName: 'Children Of',
			name: 'childrenOf',
			type: 'options',
			displayOptions: { show: { compareChildren: [true] } },
			options: [
				{
					name: 'Contacts Changed Since Last Check',
					value: 'changed',
					description: 'Contacts whose GHL dateUpdated (or Rankr updatedAt) moved since the last check found their tasks and notes equal; the first check (and a manual run, which keeps nothing) compares all',
				},
				{ name: 'A Sample', value: 'sample', description: 'Contacts picked at random' },
				{ name: 'Every Contact', value: 'all' },
			],
			default: 'changed',
			description: 'Whose tasks and notes to compare (tags are compared for every contact)',
		},
		{
			displayName: 'Sample Size',
			name: 'sampleSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			displayOptions: { show: { compareChildren: [true], childrenOf: ['sample'] } },
			default: 50,
			description: 'How many contacts’ tasks and notes to compare',
		},
		{
			displayName: 'Repair',
			name: 'repair',
			type: 'boolean',
			default: false,
			description:
				'Whether to repair what the check finds, with the syncs: missing or different in Rankr by Sync Contact, in GHL by Sync to GHL (both with deletions Keep: nothing is deleted; extras and duplicates are only reported)',
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
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				maxRequestsOption('GHL requests this check (and its repairs) may send; when they run out it stops between contacts and says what it covered.', 'a quarter of what GHL’s X-RateLimit-Daily-Remaining says is left today'),
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const direction = checkEnum(this, this.getNodeParameter('direction', i, 'ghlToRankr'), DIRECTIONS, 'Direction', i);
		const scope = checkEnum(this, this.getNodeParameter('scope', i, 'all'), ['all', 'query', 'tag'] as const, 'Contacts', i);
		if (direction !== 'ghlToRankr' && scope !== 'all') {
			throw invalid(this, 'Contacts', i, `"${scope}" works only with Direction GHL → Rankr`, 'A search or tag narrows GHL’s side only as GHL sees it; check Rankr → GHL for all contacts.');
		}
		const output = checkEnum(this, this.getNodeParameter('output', i, 'summary'), ['summary', 'differences'] as const, 'Output', i);
		const query = scope === 'query' ? requireValue(this, this.getNodeParameter('query', i, ''), 'Search Query', i) : undefined;
		const tag = scope === 'tag' ? requireValue(this, this.getNodeParameter('tag', i, ''), 'Tag', i).toLowerCase() : undefined;
		if (tag && tag.length > 64) throw invalid(this, 'Tag', i, 'is longer than 64 characters (Rankr’s limit)');
		if (query && query.length > 200) throw invalid(this, 'Search Query', i, 'is longer than 200 characters');
		const compareChildren = flag(this, 'compareChildren', 'Compare Tags, Tasks and Notes', i);
		const childrenOf = compareChildren ? checkEnum(this, this.getNodeParameter('childrenOf', i, 'changed'), ['changed', 'sample', 'all'] as const, 'Children Of', i) : 'all';
		const sampleSize = childrenOf === 'sample' ? checkNumber(this, this.getNodeParameter('sampleSize', i, 50), 'Sample Size', i, { min: 1, max: 100_000, integer: true }) : 0;
		const repair = flag(this, 'repair', 'Repair', i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const maxRequests = readMaxRequests(this, options, i);
		const { summary, ghlToRankr, rankrToGhl } = await check(this, i, { direction, query, tag, compareChildren, childrenOf, sampleSize, repair, maxRequests });
		if (output === 'summary') return summary;
		return [...(ghlToRankr ? differenceItems(ghlToRankr, 'ghlToRankr') : []), ...(rankrToGhl ? differenceItems(rankrToGhl, 'rankrToGhl') : [])];
	},
};
