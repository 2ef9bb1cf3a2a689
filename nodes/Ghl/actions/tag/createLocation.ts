import type { IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { requireValue } from '../../../shared/validation';
import { simplifyField, unwrap } from '../common';
import { nameField } from './fields';

export const createLocation: OperationModule = {
	routes: ['POST /locations/{locationId}/tags'],
	description: [nameField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const name = requireValue(this, this.getNodeParameter('name', i), 'Name', i);
		const locationId = await ghlLocation(this);
		// Not retried: GHL refuses a second tag of the same name, so a lost answer would turn into an error.
		const response = await ghlRequest(this, { method: 'POST', path: apiPath`/locations/${locationId}/tags`, body: { name }, itemIndex: i });
		return unwrap.call(this, i, response, 'tag');
	},
};
