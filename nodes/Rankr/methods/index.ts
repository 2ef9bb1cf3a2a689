import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { contactLabel } from '../../shared/fields';
import { rankrRequest } from '../../shared/rankrApi';

/** Pickers of the Rankr node, through the same paced transport as the operations. */

const PICKER_PAGE = 50;

export const listSearch = {
	/** Contacts for the resource locator: Rankr's text search, 50 a page, Rankr's cursor as pagination token. */
	async searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const q = filter?.trim();
		const page = await rankrRequest<{ data: IDataObject[]; nextCursor: string | null }>(this, {
			method: 'GET',
			path: '/v1/contacts',
			qs: { limit: PICKER_PAGE, ...(q ? { q: q.slice(0, 200) } : {}), ...(paginationToken ? { cursor: paginationToken } : {}) },
		});
		const results = (page.data ?? []).map((c) => ({
			name: contactLabel(c, c.externalRef ?? c.id),
			value: String(c.id),
			description: c.externalRef ? String(c.externalRef) : undefined,
		}));
		return { results, paginationToken: page.nextCursor ?? undefined };
	},
};

export const loadOptions = {};
