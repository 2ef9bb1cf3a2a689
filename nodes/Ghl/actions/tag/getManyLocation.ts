import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { returnAllFields, simplifyField, simplifyOn, wantedLimit } from '../common';

/** Tag → Get Many Location Tags: the location's tag list, one item per tag. */
export const getManyLocation: OperationModule = {
	routes: ['GET /locations/{locationId}/tags'],
	description: [...returnAllFields(), simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const limit = wantedLimit.call(this, i);
		const locationId = await ghlLocation(this);
		// GHL answers the whole list at once: the limit is applied here.
		const response = await ghlRequest<IDataObject>(this, { method: 'GET', path: apiPath`/locations/${locationId}/tags`, itemIndex: i });
		const tags = ((response.tags as IDataObject[]) ?? []).slice(0, limit);
		return simplifyOn.call(this, i) ? tags : { ...response, tags };
	},
};
