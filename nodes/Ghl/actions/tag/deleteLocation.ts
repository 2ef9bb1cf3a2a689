import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { deleted } from '../common';
import { tagIdField, tagIdOf } from './fields';

export const deleteLocation: OperationModule = {
	routes: ['DELETE /locations/{locationId}/tags/{tagId}'],
	description: [tagIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const tagId = tagIdOf(this, i);
		const locationId = await ghlLocation(this);
		await ghlRequest(this, { method: 'DELETE', path: apiPath`/locations/${locationId}/tags/${tagId}`, itemIndex: i });
		return deleted(tagId);
	},
};
