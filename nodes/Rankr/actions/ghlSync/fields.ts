import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Deletions } from '../../../shared/sync/children';
import { checkEnum } from '../../../shared/validation';

export const deletionsField: INodeProperties = {
	displayName: 'GHL Deletions',
	name: 'deletions',
	type: 'options',
	options: [
		{ name: 'Keep in Rankr', value: 'keep', description: 'Leave them in Rankr (the safe default)' },
		{
			name: 'Delete in Rankr',
			value: 'delete',
			description:
				'Remove Rankr tasks and notes whose GHL original is gone, and the Rankr contact when GHL deleted the contact: deleting the contact also deletes everything Rankr holds for it, including tasks and notes made in Rankr and its score history',
		},
	],
	default: 'keep',
	description: 'What to do with Rankr records copied from GHL that GHL no longer has',
};

export function getDeletions(ctx: IExecuteFunctions, i: number): Deletions {
	return checkEnum(ctx, ctx.getNodeParameter('deletions', i, 'keep'), ['delete', 'keep'] as const, 'GHL Deletions', i);
}
