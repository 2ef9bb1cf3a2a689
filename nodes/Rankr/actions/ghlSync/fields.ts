import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Deletions } from '../../../shared/sync/children';
import { checkEnum } from '../../../shared/validation';

/**
 * Archive is the default: a contact GHL deleted is marked in Rankr and nothing is lost. Workflows saved
 * before Archive existed never chose Keep explicitly (n8n does not store defaults), so they now archive too;
 * that is safe because archiving removes nothing, lists still return archived contacts unless filtered, and
 * the next sync restores a contact GHL still has.
 */
export const deletionsField: INodeProperties = {
	displayName: 'GHL Deletions',
	name: 'deletions',
	type: 'options',
	options: [
		{
			name: 'Archive in Rankr',
			value: 'archive',
			description:
				'Archive the Rankr contact when GHL deleted the contact, keeping its tasks, notes, tags and score history (a later sync restores it if GHL has it again); tasks and notes GHL deleted stay',
		},
		{ name: 'Keep in Rankr', value: 'keep', description: 'Leave everything in Rankr as it is' },
		{
			name: 'Hard Delete in Rankr',
			value: 'delete',
			description:
				'Delete for good: Rankr tasks and notes whose GHL original is gone, and the Rankr contact when GHL deleted the contact, which also deletes everything Rankr holds for it: tasks and notes made in Rankr, its tags and its score history',
		},
	],
	default: 'archive',
	description: 'What to do with Rankr records copied from GHL that GHL no longer has',
};

export function getDeletions(ctx: IExecuteFunctions, i: number): Deletions {
	return checkEnum(ctx, ctx.getNodeParameter('deletions', i, 'archive'), ['archive', 'keep', 'delete'] as const, 'GHL Deletions', i);
}
