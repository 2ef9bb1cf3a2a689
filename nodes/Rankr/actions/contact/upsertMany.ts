import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { omitKeys } from '../../../shared/omitKeys';
import { invalid } from '../../../shared/validation';
import { batchOperation, BATCH_SIZE } from '../batchUpsert';
import { simplifyContact, simplifyField } from '../common';
import { contactBody, contactFieldOptions } from './fields';

/**
 * Contact → Create or Update Many: every input item is one contact, matched by External Ref, sent 100 a
 * request (POST /v1/contacts/batch-upsert) instead of a request per item. Each item outputs its own result.
 */
export const upsertMany = batchOperation(
	{
		path: '/v1/contacts/batch-upsert',
		key: 'contacts',
		record(this: IExecuteFunctions, i: number) {
			const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
			const body = contactBody.call(this, i, { ...extra, externalRef: this.getNodeParameter('externalRef', i, '') });
			if (!body.externalRef) throw invalid(this, 'External Ref', i, 'is required but empty', 'Create or Update Many finds each contact by its External Ref.');
			return body;
		},
		output(this: IExecuteFunctions, i: number, result: IDataObject) {
			// `index` is the record's place in its request, which means nothing to the item.
			if (!(this.getNodeParameter('simplify', i, true) as boolean)) return omitKeys({ ...result }, 'index');
			return {
				...simplifyContact.call(this, i, (result.contact ?? {}) as IDataObject),
				upsertAction: result.status,
				changedFields: result.changedFields,
				...(Array.isArray(result.skippedTags) && result.skippedTags.length ? { skippedTags: result.skippedTags } : {}),
			};
		},
	},
	[
		{
			displayName: `Each input item is one contact; they are sent ${BATCH_SIZE} a request. A contact Rankr refuses (e.g. an email another contact has) does not stop the others of its request.`,
			name: 'batchNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'External Ref',
			name: 'externalRef',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ghl:ve9EPM428h8vShlRW1KT:ocQHyuzHvysMo5N5VsXc',
			description: 'Finds the existing contact; a new one is created when none has it',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: contactFieldOptions.filter((o) => o.name !== 'externalRef'),
		},
		simplifyField,
	],
);
