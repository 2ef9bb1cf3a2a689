import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { contactLocator, simplifyField } from '../common';
import { setArchived } from './archive';

export const unarchive: OperationModule = {
	routes: ['PATCH /v1/contacts/{contactId}'],
	description: [contactLocator({ description: 'The archived contact to restore (clears its Archived At)' }), simplifyField],
	async execute(this: IExecuteFunctions, i: number) {
		return await setArchived.call(this, i, false);
	},
};
