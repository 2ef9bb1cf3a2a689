import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkDate, compact, requireId } from '../../../shared/validation';
import { getContactId } from '../common';

export const taskIdField: INodeProperties = { displayName: 'Task ID', name: 'taskId', type: 'string', default: '', required: true };

export const taskOptionalFields: INodeProperties[] = [
	{ displayName: 'Assigned To Name or ID', name: 'assignedTo', type: 'options', typeOptions: { loadOptionsMethod: 'getUsers' }, default: '', description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Completed', name: 'completed', type: 'boolean', default: false },
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

/** The contact and task IDs of one item, validated. */
export function taskIds(this: IExecuteFunctions, i: number): { contactId: string; taskId: string } {
	return { contactId: getContactId.call(this, i), taskId: requireId(this, this.getNodeParameter('taskId', i), 'Task ID', i) };
}

export function taskBody(this: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	return compact({
		title: fields.title as string | undefined,
		body: fields.body as string | undefined,
		dueDate: checkDate(this, fields.dueDate, 'Due Date', i),
		completed: fields.completed as boolean | undefined,
		assignedTo: fields.assignedTo ? requireId(this, fields.assignedTo, 'Assigned To', i) : undefined,
	});
}
