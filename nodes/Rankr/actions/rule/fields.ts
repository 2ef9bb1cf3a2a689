import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkEnum, checkNumber, invalid } from '../../../shared/validation';
import { checkTags, idField, requirePrefixedId } from '../common';

/** Automation rules: "when an event of this type matches these conditions → do these actions". */

export const ruleIdField = idField('Rule ID', 'ruleId', 'rul_2Lx9pQ');

export function getRuleId(this: IExecuteFunctions, itemIndex: number): string {
	return requirePrefixedId.call(this, itemIndex, 'ruleId', 'Rule ID', 'rul');
}

const ACTION_TYPES = ['addTag', 'removeTag', 'createTask', 'adjustScore'] as const;
const VALUE_TYPES = ['string', 'number', 'boolean'] as const;

export const eventTypeField: INodeProperties = {
	displayName: 'Event Type',
	name: 'eventType',
	type: 'string',
	default: '',
	placeholder: 'e.g. ghl.TaskComplete',
	description: 'The event type the rule listens for, as sent with Event → Send',
};

export const conditionsField: INodeProperties = {
	displayName: 'Conditions',
	name: 'conditions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Condition',
	default: {},
	description: 'All must hold for the rule to act (none: every event of the type)',
	options: [
		{
			displayName: 'Condition',
			name: 'condition',
			values: [
				{ displayName: 'Field', name: 'field', type: 'string', default: '', placeholder: 'e.g. task.title', description: 'Dotted path into the event\'s payload' },
				{
					displayName: 'Value Type',
					name: 'valueType',
					type: 'options',
					options: [
						{ name: 'Text', value: 'string' },
						{ name: 'Number', value: 'number' },
						{ name: 'Boolean', value: 'boolean' },
					],
					default: 'string',
				},
				{ displayName: 'Equals', name: 'equals', type: 'string', default: '', description: 'Text is compared in any case' },
			],
		},
	],
};

export const actionsField: INodeProperties = {
	displayName: 'Actions',
	name: 'actions',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Action',
	default: {},
	description: 'What Rankr does, in order, when the rule matches',
	options: [
		{
			displayName: 'Action',
			name: 'action',
			values: [
				{
					displayName: 'Action Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Add Tag', value: 'addTag' },
						{ name: 'Adjust Score', value: 'adjustScore' },
						{ name: 'Create Task', value: 'createTask' },
						{ name: 'Remove Tag', value: 'removeTag' },
					],
					default: 'addTag',
				},
				{ displayName: 'Change By', name: 'delta', type: 'number', default: 10, displayOptions: { show: { type: ['adjustScore'] } } },
				{ displayName: 'Due In Days', name: 'dueInDays', type: 'number', typeOptions: { minValue: 0, maxValue: 365 }, default: 1, displayOptions: { show: { type: ['createTask'] } } },
				{ displayName: 'Reason', name: 'reason', type: 'string', default: '', displayOptions: { show: { type: ['adjustScore'] } } },
				{ displayName: 'Tag', name: 'tag', type: 'string', default: '', displayOptions: { show: { type: ['addTag', 'removeTag'] } } },
				{ displayName: 'Task Description', name: 'description', type: 'string', default: '', displayOptions: { show: { type: ['createTask'] } } },
				{ displayName: 'Task Title', name: 'title', type: 'string', default: '', displayOptions: { show: { type: ['createTask'] } } },
			],
		},
	],
};

export function ruleConditions(this: IExecuteFunctions, itemIndex: number, raw: IDataObject | undefined): IDataObject[] {
	const list = ((raw?.condition as IDataObject[] | undefined) ?? []).map((c, n) => {
		const label = `Conditions ${n + 1}`;
		const field = String(c.field ?? '').trim();
		if (!field) throw invalid(this, `${label} → Field`, itemIndex, 'is required but empty');
		if (field.length > 200) throw invalid(this, `${label} → Field`, itemIndex, 'is longer than 200 characters');
		const type = checkEnum(this, c.valueType ?? 'string', VALUE_TYPES, `${label} → Value Type`, itemIndex);
		const text = String(c.equals ?? '');
		let equals: string | number | boolean = text;
		if (type === 'number') equals = checkNumber(this, text.trim() === '' ? NaN : text, `${label} → Equals`, itemIndex);
		if (type === 'boolean') {
			if (!['true', 'false'].includes(text.trim().toLowerCase())) throw invalid(this, `${label} → Equals`, itemIndex, `"${text.slice(0, 20)}" is not true or false`);
			equals = text.trim().toLowerCase() === 'true';
		}
		return { field, equals };
	});
	if (list.length > 20) throw invalid(this, 'Conditions', itemIndex, 'Rankr takes at most 20');
	return list;
}

export function ruleActions(this: IExecuteFunctions, itemIndex: number, raw: IDataObject | undefined): IDataObject[] {
	const list = ((raw?.action as IDataObject[] | undefined) ?? []).map((a, n) => {
		const label = `Actions ${n + 1}`;
		const type = checkEnum(this, a.type, ACTION_TYPES, `${label} → Action Type`, itemIndex);
		if (type === 'addTag' || type === 'removeTag') {
			const [tag] = checkTags.call(this, a.tag, `${label} → Tag`, itemIndex);
			if (!tag) throw invalid(this, `${label} → Tag`, itemIndex, 'is required but empty');
			return { type, tag };
		}
		if (type === 'createTask') {
			const title = String(a.title ?? '').trim();
			if (!title) throw invalid(this, `${label} → Task Title`, itemIndex, 'is required but empty');
			if (title.length > 255) throw invalid(this, `${label} → Task Title`, itemIndex, 'is longer than 255 characters');
			const description = String(a.description ?? '').trim();
			const dueInDays = a.dueInDays === undefined || a.dueInDays === '' ? undefined : checkNumber(this, a.dueInDays, `${label} → Due In Days`, itemIndex, { integer: true, min: 0, max: 365 });
			return { type, title, ...(description ? { description } : {}), ...(dueInDays !== undefined ? { dueInDays } : {}) };
		}
		const delta = checkNumber(this, a.delta, `${label} → Change By`, itemIndex, { integer: true, min: -1_000_000, max: 1_000_000 });
		if (delta === 0) throw invalid(this, `${label} → Change By`, itemIndex, 'is 0, which changes nothing');
		const reason = String(a.reason ?? '').trim();
		return { type, delta, ...(reason ? { reason: reason.slice(0, 500) } : {}) };
	});
	if (list.length > 20) throw invalid(this, 'Actions', itemIndex, 'Rankr takes at most 20');
	return list;
}

export function ruleName(this: IExecuteFunctions, itemIndex: number, value: unknown, required: boolean): string | undefined {
	const name = String(value ?? '').trim();
	if (!name) {
		if (required) throw invalid(this, 'Name', itemIndex, 'is required but empty');
		return undefined;
	}
	if (name.length > 200) throw invalid(this, 'Name', itemIndex, 'is longer than 200 characters');
	return name;
}

export function ruleEventType(this: IExecuteFunctions, itemIndex: number, value: unknown, required: boolean): string | undefined {
	const type = String(value ?? '').trim();
	if (!type) {
		if (required) throw invalid(this, 'Event Type', itemIndex, 'is required but empty');
		return undefined;
	}
	if (type.length > 100) throw invalid(this, 'Event Type', itemIndex, 'is longer than 100 characters');
	return type;
}
