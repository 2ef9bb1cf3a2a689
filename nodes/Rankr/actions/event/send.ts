import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { checkDate, invalid, parseJson } from '../../../shared/validation';
import { contactLocator, getContactChoice } from '../common';
import { ruleEventType } from '../rule/fields';

export const send: OperationModule = {
	routes: ['POST /v1/events'],
	description: [
		{
			displayName: 'Event Type',
			name: 'eventType',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ghl.TaskComplete',
			description: 'Rules listening for this type act on it',
		},
		contactLocator({ description: 'Whom the event is about: a Rankr contact, or its External Ref (e.g. the GHL contact as ghl:&lt;locationId&gt;:&lt;contactId&gt;)' }),
		{
			displayName: 'Payload (JSON)',
			name: 'payload',
			type: 'json',
			default: '{}',
			description: 'What happened; rule conditions read fields of it, e.g. {"task": {"title": "Demo call"}}',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [{ displayName: 'Occurred At', name: 'occurredAt', type: 'dateTime', default: '', description: 'When it happened (default: now)' }],
		},
	],
	async execute(this: IExecuteFunctions, i: number) {
		const type = ruleEventType.call(this, i, this.getNodeParameter('eventType', i, ''), true);
		const contact = getContactChoice.call(this, i);
		const payload = parseJson(this, this.getNodeParameter('payload', i, '{}'), 'Payload (JSON)', i) ?? {};
		if (Array.isArray(payload) || typeof payload !== 'object') throw invalid(this, 'Payload (JSON)', i, 'must be a JSON object');
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body: IDataObject = {
			type,
			...(contact.mode === 'externalRef' ? { contactExternalRef: contact.value } : { contactId: contact.value }),
			payload,
		};
		const occurredAt = checkDate(this, extra.occurredAt, 'Occurred At', i);
		if (occurredAt) body.occurredAt = occurredAt;
		return await rankrRequest(this, { method: 'POST', path: '/v1/events', body, itemIndex: i });
	},
};
