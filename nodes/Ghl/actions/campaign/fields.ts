import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, requireId } from '../../../shared/validation';

export const campaignField: INodeProperties = {
	displayName: 'Campaign Name or ID',
	name: 'campaignId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCampaigns' },
	default: '',
	required: true,
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/**
 * The campaign of one item. "removeAll" is refused: it is the path of GHL's remove-from-every-campaign
 * endpoint, so a Remove given it as an ID would take the contact out of all its campaigns.
 */
export function campaignId(this: IExecuteFunctions, i: number): string {
	const id = requireId(this, this.getNodeParameter('campaignId', i, ''), 'Campaign', i);
	if (id.toLowerCase() === 'removeall') {
		throw invalid(this, 'Campaign', i, '"removeAll" is not a campaign ID', 'To leave every campaign use Remove Contact From All Campaigns.');
	}
	return id;
}

/** GHL answers `{succeded: true}` (its spelling, SPEC-QUIRKS 8); the item says `success` as n8n nodes do. */
export function membershipResult(response: IDataObject, fields: IDataObject): IDataObject {
	const said = response.succeded ?? response.succeeded ?? response.success;
	return { success: said !== false, ...fields };
}
