import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';

/** Contacts and GHL businesses (companies): the business field and the bulk link/unlink call. */
export const businessIdField: INodeProperties = {
	displayName: 'Business ID',
	name: 'businessId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 63b7ec34ea409a9a8bd2a4ff',
};

/** POST /contacts/bulk/business: businessId links the contacts, null unlinks them. */
export async function setBusiness(ctx: IExecuteFunctions, i: number, ids: string[], businessId: string | null): Promise<IDataObject> {
	// The field is required by GHL, so null is sent explicitly to unlink.
	const body = { locationId: await ghlLocation(ctx), ids, businessId };
	// Setting the same business twice leaves the same state, so a retry is harmless.
	return await ghlRequest<IDataObject>(ctx, { method: 'POST', path: '/contacts/bulk/business', body, idempotent: true, itemIndex: i });
}
