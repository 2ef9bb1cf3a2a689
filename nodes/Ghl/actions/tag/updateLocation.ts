import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { requireValue } from '../../../shared/validation';
import { simplifyField, unwrap } from '../common';
import { nameField, tagIdField, tagIdOf } from './fields';

/** Tag → Update Location Tag: renames a tag of the location's list. */
export const updateLocation: OperationModule = {
	routes: ['PUT /locations/{locationId}/tags/{tagId}'],
	description: [tagIdField, { ...nameField, displayName: 'New Name' }, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const tagId = tagIdOf(this, i);
		const name = requireValue(this, this.getNodeParameter('name', i), 'New Name', i);
		const locationId = await ghlLocation(this);
		const response = await ghlRequest(this, { method: 'PUT', path: apiPath`/locations/${locationId}/tags/${tagId}`, body: { name }, itemIndex: i });
		return unwrap.call(this, i, response, 'tag');
	},
};
