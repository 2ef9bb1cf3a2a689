import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlLocation, ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { collectPages, nextSkip } from '../../../shared/transport/pagination';
import { invalid, requireId, requireValue, toList } from '../../../shared/validation';
import { contactLocator, deleted, getContactId, returnAllFields, simplifyField, unwrap, wantedLimit } from '../common';
import { taskBody, taskIdField, taskIds, taskOptionalFields } from './fields';

export const create: OperationModule = {
	routes: ['POST /contacts/{contactId}/tasks'],
	description: [
		contactLocator(),
		{ displayName: 'Title', name: 'title', type: 'string', default: '', required: true },
		{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', required: true },
		{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: taskOptionalFields.filter((f) => !['title', 'dueDate'].includes(f.name)) },
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const title = requireValue(this, this.getNodeParameter('title', i), 'Title', i);
		requireValue(this, this.getNodeParameter('dueDate', i), 'Due Date', i);
		const body = taskBody.call(this, i, { ...extra, title, dueDate: this.getNodeParameter('dueDate', i) });
		body.completed ??= false;
		return unwrap.call(this, i, await ghlRequest(this, { method: 'POST', path: apiPath`/contacts/${contactId}/tasks`, body, itemIndex: i }), 'task');
	},
};

export const get: OperationModule = {
	routes: ['GET /contacts/{contactId}/tasks/{taskId}'],
	description: [contactLocator(), taskIdField, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, taskId } = taskIds.call(this, i);
		return unwrap.call(this, i, await ghlRequest(this, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks/${taskId}`, itemIndex: i }), 'task');
	},
};

export const getMany: OperationModule = {
	routes: ['GET /contacts/{contactId}/tasks'],
	description: [contactLocator(), ...returnAllFields()],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const response = await ghlRequest<IDataObject>(this, { method: 'GET', path: apiPath`/contacts/${contactId}/tasks`, itemIndex: i });
		const limit = wantedLimit.call(this, i);
		const tasks = (response.tasks as IDataObject[]) ?? [];
		return limit === undefined ? tasks : tasks.slice(0, limit);
	},
};

export const update: OperationModule = {
	routes: ['PUT /contacts/{contactId}/tasks/{taskId}'],
	description: [contactLocator(), taskIdField, { displayName: 'Update Fields', name: 'updateFields', type: 'collection', placeholder: 'Add Field', default: {}, options: taskOptionalFields }, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, taskId } = taskIds.call(this, i);
		const body = taskBody.call(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
		if (!Object.keys(body).length) throw invalid(this, 'Update Fields', i, 'choose at least one field to update');
		return unwrap.call(this, i, await ghlRequest(this, { method: 'PUT', path: apiPath`/contacts/${contactId}/tasks/${taskId}`, body, itemIndex: i }), 'task');
	},
};

export const setCompleted: OperationModule = {
	routes: ['PUT /contacts/{contactId}/tasks/{taskId}/completed'],
	description: [contactLocator(), taskIdField, { displayName: 'Completed', name: 'completed', type: 'boolean', default: true, description: 'Whether the task is done (off marks it open again)' }, simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, taskId } = taskIds.call(this, i);
		const completed = this.getNodeParameter('completed', i, true) as boolean;
		const response = await ghlRequest(this, { method: 'PUT', path: apiPath`/contacts/${contactId}/tasks/${taskId}/completed`, body: { completed }, itemIndex: i });
		return unwrap.call(this, i, response, 'task');
	},
};

export const deleteTask: OperationModule = {
	routes: ['DELETE /contacts/{contactId}/tasks/{taskId}'],
	description: [contactLocator(), taskIdField],
	async execute(this: IExecuteFunctions, i: number) {
		const { contactId, taskId } = taskIds.call(this, i);
		await ghlRequest(this, { method: 'DELETE', path: apiPath`/contacts/${contactId}/tasks/${taskId}`, itemIndex: i });
		return deleted(taskId);
	},
};

export const searchLocation: OperationModule = {
	routes: ['POST /locations/{locationId}/tasks/search'],
	description: [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'taskFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Assigned To (User IDs)', name: 'assignedTo', type: 'string', default: '', description: 'Comma-separated user IDs' },
				{ displayName: 'Business ID', name: 'businessId', type: 'string', default: '' },
				{ displayName: 'Completed', name: 'completed', type: 'boolean', default: false },
				{ displayName: 'Contact IDs', name: 'contactIds', type: 'string', default: '', description: 'Comma-separated contact IDs' },
				{ displayName: 'Search Query', name: 'query', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const f = this.getNodeParameter('taskFilters', i, {}) as IDataObject;
		const contactIds = toList(f.contactIds).map((id) => requireId(this, id, 'Contact IDs', i));
		const assignedTo = toList(f.assignedTo).map((id) => requireId(this, id, 'Assigned To', i));
		const locationId = await ghlLocation(this);
		return await collectPages<IDataObject, number>(
			async (skip, pageSize) => {
				const body: IDataObject = {
					limit: pageSize,
					skip: skip ?? 0,
					...(contactIds.length ? { contactId: contactIds } : {}),
					...(assignedTo.length ? { assignedTo } : {}),
					...(f.completed !== undefined ? { completed: f.completed } : {}),
					...(f.query ? { query: f.query } : {}),
					...(f.businessId ? { businessId: requireId(this, f.businessId, 'Business ID', i) } : {}),
				};
				const response = await ghlRequest<{ tasks: unknown[] }>(this, { method: 'POST', path: apiPath`/locations/${locationId}/tasks/search`, body, idempotent: true, itemIndex: i });
				// quirk 7: typed as an array of arrays; GHL sends task objects. Accept either.
				const tasks = (response.tasks ?? []).flat() as IDataObject[];
				return { items: tasks, next: nextSkip(skip, tasks.length, pageSize) };
			},
			{ limit: wantedLimit.call(this, i), pageSize: 100 },
		);
	},
};
