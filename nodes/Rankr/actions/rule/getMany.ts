import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { filtersCollection } from '../../../shared/fields';
import { checkEnum } from '../../../shared/validation';
import { listAll, returnAllFields } from '../common';
import { eventTypeField, ruleEventType } from './fields';

const STATE = ['all', 'enabled', 'disabled'] as const;

export const getMany: OperationModule = {
	routes: ['GET /v1/rules'],
	description: [
		...returnAllFields(),
		filtersCollection([
			eventTypeField,
			{
				displayName: 'State',
				name: 'state',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Enabled', value: 'enabled' },
					{ name: 'Disabled', value: 'disabled' },
				],
				default: 'all',
			},
		]),
	],
	async execute(this: IExecuteFunctions, i: number) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const state = checkEnum(this, filters.state ?? 'all', STATE, 'Filters → State', i);
		const eventType = ruleEventType.call(this, i, filters.eventType, false);
		const qs: IDataObject = { ...(eventType ? { eventType } : {}), ...(state !== 'all' ? { enabled: state === 'enabled' } : {}) };
		return await listAll.call(this, i, '/v1/rules', qs);
	},
};
