import type { IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import { idField, requirePrefixedId } from '../common';

export const webhookIdField = idField('Webhook ID', 'webhookId', 'whk_5Tn3vR');

export function getWebhookId(this: IExecuteFunctions, itemIndex: number): string {
	return requirePrefixedId.call(this, itemIndex, 'webhookId', 'Webhook ID', 'whk');
}

/** The contract's WebhookEventType, in the editor's words. */
export const RANKR_EVENTS: INodePropertyOptions[] = [
	{ name: 'Contact Created', value: 'contact.created' },
	{ name: 'Contact Deleted', value: 'contact.deleted' },
	{ name: 'Contact Merged', value: 'contact.merged' },
	{ name: 'Contact Updated', value: 'contact.updated' },
	{ name: 'Note Created', value: 'note.created' },
	{ name: 'Note Deleted', value: 'note.deleted' },
	{ name: 'Note Updated', value: 'note.updated' },
	{ name: 'Rule Fired', value: 'rule.fired' },
	{ name: 'Score Changed', value: 'score.changed' },
	{ name: 'Tag Added', value: 'tag.added' },
	{ name: 'Tag Removed', value: 'tag.removed' },
	{ name: 'Task Completed', value: 'task.completed' },
	{ name: 'Task Created', value: 'task.created' },
	{ name: 'Task Deleted', value: 'task.deleted' },
	{ name: 'Task Updated', value: 'task.updated' },
];
