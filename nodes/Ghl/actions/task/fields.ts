import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId, requireValue } from '../../../shared/validation';
import { getContactId } from '../common';
import { checkBoolean, ghlDateTime } from './values';

/** Fields and input checks the task operations share. */
export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. lJpzYrWdpkC2hX6t2yue',
	description: 'ID of the task (Get Many lists the tasks of a contact)',
};

export const assignedToField: INodeProperties = {
	displayName: 'Assigned To Name or ID',
	name: 'assignedTo',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

const bodyField: INodeProperties = { displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Details of the task' };
const completedField: INodeProperties = { displayName: 'Completed', name: 'completed', type: 'boolean', default: false, description: 'Whether the task is done' };

/** Optional fields of Create. */
export const taskExtraFields: INodeProperties[] = [assignedToField, bodyField, completedField];

/** Fields Update may change. */
export const taskUpdateFields: INodeProperties[] = [
	assignedToField,
	bodyField,
	completedField,
	{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', description: 'When the task is due (read in the workflow\'s time zone)' },
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

/** The contact and task IDs of one item, validated. */
export function taskIds(this: IExecuteFunctions, i: number): { contactId: string; taskId: string } {
	return { contactId: getContactId.call(this, i), taskId: requireId(this, this.getNodeParameter('taskId', i), 'Task ID', i) };
}

/**
 * The task body GHL takes, from the fields the user set. A field the user added is sent even when empty
 * where that means something (an empty Body clears it); an empty Title is refused, as GHL would.
 */
export function taskBody(this: IExecuteFunctions, i: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.title !== undefined) body.title = requireValue(this, fields.title, 'Title', i);
	if (fields.body !== undefined && fields.body !== null) body.body = String(fields.body);
	if (fields.dueDate !== undefined && fields.dueDate !== '') body.dueDate = ghlDateTime(this, fields.dueDate, 'Due Date', i);
	if (fields.completed !== undefined) body.completed = checkBoolean(this, fields.completed, 'Completed', i);
	if (fields.assignedTo !== undefined && fields.assignedTo !== '') body.assignedTo = requireId(this, fields.assignedTo, 'Assigned To', i);
	return body;
}
