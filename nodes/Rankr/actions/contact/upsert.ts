import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { checkEnum, invalid } from '../../../shared/validation';
import { simplifyContact, simplifyField } from '../common';
import { contactBody, contactFieldOptions } from './fields';

const MATCH_BY = ['externalRef', 'email'] as const;

export const upsert: OperationModule = {
	routes: ['POST /v1/contacts/upsert'],
	description: [
		{
			displayName: 'Match By',
			name: 'matchBy',
			type: 'options',
			options: [
				{ name: 'External Ref', value: 'externalRef', description: 'E.g. ghl:&lt;locationId&gt;:&lt;contactId&gt; for contacts from GHL.' },
				{ name: 'Email', value: 'email' },
			],
			default: 'externalRef',
			description: 'Which field finds the existing contact',
		},
		{
			displayName: 'External Ref',
			name: 'externalRef',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ghl:ve9EPM428h8vShlRW1KT:ocQHyuzHvysMo5N5VsXc',
			displayOptions: { show: { matchBy: ['externalRef'] } },
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			displayOptions: { show: { matchBy: ['email'] } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactFieldOptions,
		},
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const matchBy = checkEnum(this, this.getNodeParameter('matchBy', i, 'externalRef'), MATCH_BY, 'Match By', i);
		const matchLabel = matchBy === 'email' ? 'Email' : 'External Ref';
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const body = contactBody.call(this, i, { ...extra, [matchBy]: this.getNodeParameter(matchBy, i, '') });
		if (!body[matchBy]) throw invalid(this, matchLabel, i, 'is required but empty', `Upsert finds the contact by its ${matchLabel}.`);
		body.matchBy = matchBy;
		const result = await rankrRequest<{ action: string; contact: IDataObject }>(this, { method: 'POST', path: '/v1/contacts/upsert', body, itemIndex: i });
		if (!(this.getNodeParameter('simplify', i, true) as boolean)) return result;
		return { ...simplifyContact.call(this, i, result.contact), upsertAction: result.action };
	},
};
