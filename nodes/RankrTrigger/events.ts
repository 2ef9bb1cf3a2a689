import type { IDataObject } from 'n8n-workflow';

/** The contract's WebhookEventType values (docs/rankr-openapi.yaml), with the names the node shows. */
export const RANKR_EVENTS = {
	'contact.created': 'Contact Created',
	'contact.updated': 'Contact Updated',
	'contact.deleted': 'Contact Deleted',
	'task.created': 'Task Created',
	'task.completed': 'Task Completed',
	'note.created': 'Note Created',
	'tag.added': 'Tag Added',
	'tag.removed': 'Tag Removed',
	'score.changed': 'Score Changed',
	'rule.fired': 'Rule Fired',
} as const;

export type RankrEventType = keyof typeof RANKR_EVENTS;

export const isRankrEvent = (value: string): value is RankrEventType => Object.prototype.hasOwnProperty.call(RANKR_EVENTS, value);

/** A delivery's body as the contract defines it (WebhookDelivery). */
export interface RankrDelivery {
	id: string;
	type: string;
	createdAt: string;
	data: IDataObject;
}

/**
 * The item a workflow starts with: the event's data (`contact`, `task`, `note`, `tag`, `score`…) with the
 * event type, delivery id and time beside it; those three always win over a same-named data key.
 */
export function eventItem(delivery: RankrDelivery): IDataObject {
	const meta = { event: delivery.type, deliveryId: delivery.id, occurredAt: delivery.createdAt };
	return { ...meta, ...delivery.data, ...meta };
}
