import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ghlRequest } from '../../../shared/ghlApi';
import type { OperationModule } from '../../../shared/operation';
import { apiPath } from '../../../shared/transport/path';
import { contactLocator, getContactId } from '../common';
import { followerIds, followersField } from './fields';

export const remove: OperationModule = {
	routes: ['DELETE /contacts/{contactId}/followers'],
	description: [contactLocator({ description: 'The contact to stop following' }), followersField],
	async execute(this: IExecuteFunctions, i: number) {
		const contactId = getContactId.call(this, i);
		const followers = followerIds.call(this, i);
		// A DELETE with a body, as GHL documents it; the answer names who was removed.
		const response = await ghlRequest<IDataObject>(this, { method: 'DELETE', path: apiPath`/contacts/${contactId}/followers`, body: { followers }, itemIndex: i });
		return { contactId, ...response };
	},
};
