import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, requireId, toList } from '../../../shared/validation';

/** Fields the Tag operations share: tags by name on contacts, and the location's own tag list by ID. */
export const tagsField: INodeProperties = {
	displayName: 'Tag Names or IDs',
	name: 'tags',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	required: true,
	description: 'Tags by name. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Tag names, blanks and repeats dropped. */
export function tagsOf(ctx: IExecuteFunctions, i: number, required: boolean): string[] {
	const tags = [...new Set(toList(ctx.getNodeParameter('tags', i, [])))];
	if (required && !tags.length) throw invalid(ctx, 'Tags', i, 'is required but empty');
	return tags;
}

/** A tag of the location's list (Settings → Tags in GHL), addressed by ID. */
export const tagIdField: INodeProperties = {
	displayName: 'Tag Name or ID',
	name: 'tagId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTagIds' },
	default: '',
	required: true,
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export function tagIdOf(ctx: IExecuteFunctions, i: number): string {
	return requireId(ctx, ctx.getNodeParameter('tagId', i), 'Tag', i);
}

export const nameField: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', required: true };
