import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { simplifyField, unwrap } from '../common';
import { tagIdField, tagIdOf } from './fields';

export const getLocation: OperationModule = {
	routes: ['GET /locations/{locationId}/tags/{tagId}'],
	description: [tagIdField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const tagId = tagIdOf(this, i);
		const locationId = await ghlLocation(this);
		const response = await ghlRequest(this, { method: 'GET', path: apiPath`/locations/${locationId}/tags/${tagId}`, itemIndex: i });
		return unwrap.call(this, i, response, 'tag');
	},
};
