import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { filtersCollection } from '../../../shared/fields';
import { checkDate, checkEmail, checkEnum, invalid } from '../../../shared/validation';
import { listAll, returnAllFields, simplifyContact, simplifyField } from '../common';

export const getMany: OperationModule = {
	routes: ['GET /v1/contacts'],
	description: [
		...returnAllFields(),
		filtersCollection([
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'options',
				options: [
					{ name: 'Only Archived', value: 'only' },
					{ name: 'Only Not Archived', value: 'exclude' },
				],
				default: 'exclude',
				description: 'Without this filter, archived contacts are listed too',
			},
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Exact email, any case' },
			{ displayName: 'External Ref', name: 'externalRef', type: 'string', default: '', description: 'Exact External Ref' },
			{
				displayName: 'External Ref Starts With',
				name: 'externalRefPrefix',
				type: 'string',
				default: '',
				placeholder: 'e.g. ghl:ve9EPM428h8vShlRW1KT:',
				description: 'E.g. every contact synced from one GHL location.',
			},
			{
				displayName: 'Linked To',
				name: 'link',
				type: 'string',
				default: '',
				placeholder: 'e.g. ghl:ocQHyuzHvysMo5N5VsXc',
				description: 'Contacts linked to this outside record: the system (ghl or clio), a colon, its ID',
			},
			{ displayName: 'Search', name: 'q', type: 'string', default: '', description: 'Text in the name, email, phone or company name' },
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '', description: 'Contacts holding this tag' },
			{ displayName: 'Updated Since', name: 'updatedSince', type: 'dateTime', default: '' },
		]),
		simplifyField,
	],
	async execute(this: IExecuteFunctions, i: number) {
		const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
		const qs: IDataObject = {};
		for (const [key, raw] of Object.entries(filters)) {
			if (raw === '' || raw === undefined || raw === null) continue;
			const value = String(raw).trim();
			if (key === 'archived') {
				qs.archived = checkEnum(this, raw, ['only', 'exclude'] as const, 'Filters → Archived', i) === 'only';
				continue;
			}
			if (key === 'email') qs.email = checkEmail(this, value, 'Filters → Email', i);
			else if (key === 'updatedSince') qs.updatedSince = checkDate(this, raw, 'Filters → Updated Since', i);
			else if (key === 'tag') qs.tag = value.toLowerCase();
			else if (key === 'link' && !/^(ghl|clio):.+$/.test(value)) throw invalid(this, 'Filters → Linked To', i, `"${value.slice(0, 40)}" is not <system>:<id>`, 'e.g. ghl:ocQHyuzHvysMo5N5VsXc');
			else qs[key] = value;
			if (typeof qs[key] === 'string' && (qs[key] as string).length > 255) throw invalid(this, `Filters → ${key}`, i, 'is longer than 255 characters');
		}
		if (typeof qs.tag === 'string' && qs.tag.length > 64) throw invalid(this, 'Filters → Tag', i, 'is longer than 64 characters');
		const contacts = await listAll.call(this, i, '/v1/contacts', qs);
		return contacts.map((c) => simplifyContact.call(this, i, c));
	},
};
