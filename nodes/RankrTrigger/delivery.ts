import type { IDataObject } from 'n8n-workflow';

/**
 * One output item per Rankr event: what happened (`event`), which delivery, when, the contact it is about
 * (`contactId`, whatever the event's shape), then the event's own data (`contact`, `task`, `note`, or the
 * score/tag/rule fields).
 */
export function eventItem(body: IDataObject, eventHeader: string, deliveryId: string): IDataObject {
	const data = (body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data : {}) as IDataObject;
	const nested = (data.contact ?? data.task ?? data.note) as IDataObject | undefined;
	const contactId = data.contactId ?? (data.contact ? nested?.id : nested?.contactId) ?? null;
	return {
		event: String(body.type ?? eventHeader),
		deliveryId: String(body.id ?? deliveryId),
		createdAt: body.createdAt ?? null,
		contactId,
		...data,
	};
}
