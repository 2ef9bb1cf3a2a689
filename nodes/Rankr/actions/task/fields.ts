import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkDate, checkEnum, invalid } from '../../../shared/validation';
import { checkSource, idField, requirePrefixedId, sourceField } from '../common';

const TASK_STATUSES = ['pending', 'in_progress', 'in_review', 'complete'] as const;

export const taskIdField = idField('Task ID', 'taskId', 'tsk_4Qm9xT2b');

export const getTaskId = function (this: IExecuteFunctions, itemIndex: number): string {
	return requirePrefixedId.call(this, itemIndex, 'taskId', 'Task ID', 'tsk');
};

export const taskFieldOptions: INodeProperties[] = [
	{ displayName: 'Assignee', name: 'assignee', type: 'string', default: '', placeholder: 'e.g. sam@acme.example', description: 'Who should do it (free text)' },
	{ displayName: 'Completed', name: 'completed', type: 'boolean', default: false, description: 'Whether the task is done' },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ displayName: 'Due At', name: 'dueAt', type: 'dateTime', default: '' },
	{ displayName: 'External Ref', name: 'externalRef', type: 'string', default: '', placeholder: 'e.g. ghl:ve9EPM428h8vShlRW1KT:task:x8Jk2', description: 'Your reference for this task' },
	sourceField('task'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Complete', value: 'complete' },
			{ name: 'In Progress', value: 'in_progress' },
			{ name: 'In Review', value: 'in_review' },
			{ name: 'Pending', value: 'pending' },
		],
		default: 'pending',
		description: 'Complete also sets Completed; another status on a completed task opens it again',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

const MAX_LENGTH: Record<string, [string, number]> = {
	title: ['Title', 255],
	description: ['Description', 5000],
	assignee: ['Assignee', 255],
	externalRef: ['External Ref', 255],
};

/** A contract TaskFields body from what the user filled, checked. */
export function taskBody(this: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, raw] of Object.entries(fields)) {
		if (raw === undefined || raw === null || raw === '') continue;
		if (key === 'completed') body.completed = Boolean(raw);
		else if (key === 'status') body.status = checkEnum(this, raw, TASK_STATUSES, 'Status', itemIndex);
		else if (key === 'source') body.source = checkSource(this, raw, itemIndex);
		else if (key === 'dueAt') body.dueAt = checkDate(this, raw, 'Due At', itemIndex);
		else {
			const value = String(raw).trim();
			const [label, max] = MAX_LENGTH[key] ?? [key, 255];
			if (value.length > max) throw invalid(this, label, itemIndex, `is longer than ${max} characters`);
			if (value) body[key] = value;
		}
	}
	return body;
}
