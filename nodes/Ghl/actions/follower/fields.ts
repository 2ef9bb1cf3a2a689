import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, requireId, toList } from '../../../shared/validation';

export const followersField: INodeProperties = {
	displayName: 'Follower Names or IDs',
	name: 'followers',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: [],
	required: true,
	description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The users named, each checked and listed once; at least one is needed. */
export function followerIds(this: IExecuteFunctions, i: number): string[] {
	const ids = [...new Set(toList(this.getNodeParameter('followers', i, [])))];
	if (!ids.length) throw invalid(this, 'Followers', i, 'is required but empty', 'Choose at least one user.');
	for (const id of ids) requireId(this, id, 'Followers', i);
	return ids;
}
