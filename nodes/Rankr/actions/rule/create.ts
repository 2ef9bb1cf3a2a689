import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { invalid } from '../../../shared/validation';
import { actionsField, conditionsField, eventTypeField, ruleActions, ruleConditions, ruleEventType, ruleName } from './fields';

export const create: OperationModule = {
	routes: ['POST /v1/rules'],
	description: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Task done → +10' },
		{ ...eventTypeField, required: true },
		{ ...actionsField, required: true },
		conditionsField,
		{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the rule acts on events' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const body: IDataObject = {
			name: ruleName.call(this, i, this.getNodeParameter('name', i, ''), true),
			eventType: ruleEventType.call(this, i, this.getNodeParameter('eventType', i, ''), true),
			conditions: ruleConditions.call(this, i, this.getNodeParameter('conditions', i, {}) as IDataObject),
			actions: ruleActions.call(this, i, this.getNodeParameter('actions', i, {}) as IDataObject),
			enabled: this.getNodeParameter('enabled', i, true) as boolean,
		};
		if (!(body.actions as IDataObject[]).length) throw invalid(this, 'Actions', i, 'is empty', 'A rule needs at least one action.');
		return await rankrRequest(this, { method: 'POST', path: '/v1/rules', body, itemIndex: i });
	},
};
