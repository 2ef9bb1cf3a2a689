import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { apiPath } from '../../../shared/transport/path';
import { invalid } from '../../../shared/validation';
import { actionsField, conditionsField, eventTypeField, getRuleId, ruleActions, ruleConditions, ruleEventType, ruleIdField, ruleName } from './fields';

export const update: OperationModule = {
	routes: ['PATCH /v1/rules/{ruleId}'],
	description: [
		ruleIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ ...actionsField, description: 'Replaces the rule\'s actions' },
				{ ...conditionsField, description: 'Replaces the rule\'s conditions' },
				{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true },
				eventTypeField,
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const ruleId = getRuleId.call(this, i);
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		const body: IDataObject = {};
		if ('name' in fields) body.name = ruleName.call(this, i, fields.name, true);
		if ('eventType' in fields) body.eventType = ruleEventType.call(this, i, fields.eventType, true);
		if ('enabled' in fields) body.enabled = Boolean(fields.enabled);
		if ('conditions' in fields) body.conditions = ruleConditions.call(this, i, fields.conditions as IDataObject);
		if ('actions' in fields) {
			body.actions = ruleActions.call(this, i, fields.actions as IDataObject);
			if (!(body.actions as IDataObject[]).length) throw invalid(this, 'Actions', i, 'is empty', 'A rule needs at least one action.');
		}
		if (!Object.keys(body).length) throw invalid(this, 'Update Fields', i, 'nothing to update', 'Add at least one field to change.');
		return await rankrRequest(this, { method: 'PATCH', path: apiPath`/v1/rules/${ruleId}`, body, itemIndex: i });
	},
};
