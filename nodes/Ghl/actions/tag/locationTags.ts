import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { requireId, requireValue } from '../../../shared/validation';
import { deleted, returnAllFields, simplifyField, simplifyOn, unwrap, wantedLimit } from '../common';

/** The location's own tag list (Settings → Tags in GHL). */
const tagIdField: INodeProperties = {
	displayName: 'Tag Name or ID',
	name: 'tagId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTagIds' },
	default: '',
	required: true,
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};
const nameField: INodeProperties = { displayName: 'Name', name: 'name', type: 'string', default: '', required: true };

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

export const getLocation: OperationModule = {
	routes: ['GET /locations/{locationId}/tags/{tagId}'],
	description: [tagIdField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const tagId = requireId(this, this.getNodeParameter('tagId', i), 'Tag', i);
		const locationId = await ghlLocation(this);
		return unwrap.call(this, i, await ghlRequest(this, { method: 'GET', path: apiPath`/locations/${locationId}/tags/${tagId}`, itemIndex: i }), 'tag');
	},
};

export const createLocation: OperationModule = {
	routes: ['POST /locations/{locationId}/tags'],
	description: [nameField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const name = requireValue(this, this.getNodeParameter('name', i), 'Name', i);
		const locationId = await ghlLocation(this);
		return unwrap.call(this, i, await ghlRequest(this, { method: 'POST', path: apiPath`/locations/${locationId}/tags`, body: { name }, itemIndex: i }), 'tag');
	},
};

export const updateLocation: OperationModule = {
	routes: ['PUT /locations/{locationId}/tags/{tagId}'],
	description: [tagIdField, { ...nameField, displayName: 'New Name' }, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const tagId = requireId(this, this.getNodeParameter('tagId', i), 'Tag', i);
		const name = requireValue(this, this.getNodeParameter('name', i), 'New Name', i);
		const locationId = await ghlLocation(this);
		return unwrap.call(this, i, await ghlRequest(this, { method: 'PUT', path: apiPath`/locations/${locationId}/tags/${tagId}`, body: { name }, itemIndex: i }), 'tag');
	},
};

export const deleteLocation: OperationModule = {
	routes: ['DELETE /locations/{locationId}/tags/{tagId}'],
	description: [tagIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const tagId = requireId(this, this.getNodeParameter('tagId', i), 'Tag', i);
		const locationId = await ghlLocation(this);
		await ghlRequest(this, { method: 'DELETE', path: apiPath`/locations/${locationId}/tags/${tagId}`, itemIndex: i });
		return deleted(tagId);
	},
};
