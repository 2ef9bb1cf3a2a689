import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { contactLabel } from '../../shared/fields';
import { ghlLocation, ghlRequest } from '../../shared/ghlApi';
import { apiPath } from '../../shared/transport/path';

/** Pickers of the GHL node. They read through the same paced transport as the operations. */
async function list(ctx: ILoadOptionsFunctions, path: string, key: string, qs?: IDataObject): Promise<IDataObject[]> {
	const response = await ghlRequest<IDataObject>(ctx, { method: 'GET', path, qs });
	return ((response[key] as IDataObject[]) ?? []).slice();
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);
const PICKER_PAGE = 50;

export const listSearch = {
	/** Contacts for the resource locator: GHL's search (query = what the user typed), 50 a page, the page number as pagination token. */
	async searchContacts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
		const page = Math.max(1, Number.parseInt(paginationToken ?? '1', 10) || 1);
		const response = await ghlRequest<{ contacts?: IDataObject[]; total?: number }>(this, {
			method: 'POST',
			path: '/contacts/search',
			body: { locationId: await ghlLocation(this), pageLimit: PICKER_PAGE, page, ...(filter?.trim() ? { query: filter.trim() } : {}) },
			idempotent: true,
		});
		const results = (response.contacts ?? []).map((c) => ({
			name: contactLabel(c, c.id),
			value: String(c.id),
			description: c.phone ? String(c.phone) : undefined,
		}));
		// Numbered pages stop at GHL's 10,000-record window (SPEC-QUIRKS 2).
		const more = results.length === PICKER_PAGE && (page + 1) * PICKER_PAGE <= 10_000 && (response.total === undefined || page * PICKER_PAGE < response.total);
		return { results, paginationToken: more ? String(page + 1) : undefined };
	},
};

export const loadOptions = {
	/** Tags by name: what contact operations send. */
	async getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const tags = await list(this, apiPath`/locations/${await ghlLocation(this)}/tags`, 'tags');
		return tags.map((t) => ({ name: String(t.name), value: String(t.name) })).sort(byName);
	},
	/** Tags by ID: what the location tag operations address. */
	async getTagIds(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const tags = await list(this, apiPath`/locations/${await ghlLocation(this)}/tags`, 'tags');
		return tags.map((t) => ({ name: String(t.name), value: String(t.id) })).sort(byName);
	},
	async getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const users = await list(this, '/users/', 'users', { locationId: await ghlLocation(this) });
		return users
			.map((u) => ({ name: String(u.name ?? ([u.firstName, u.lastName].filter(Boolean).join(' ') || u.email)), value: String(u.id), description: u.email as string | undefined }))
			.sort(byName);
	},
	async getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const fields = await list(this, apiPath`/locations/${await ghlLocation(this)}/customFields`, 'customFields');
		return fields.map((f) => ({ name: `${String(f.name)} (${String(f.fieldKey ?? f.id)})`, value: String(f.id), description: f.dataType as string | undefined })).sort(byName);
	},
	async getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const campaigns = await list(this, '/campaigns/', 'campaigns', { locationId: await ghlLocation(this) });
		return campaigns.map((c) => ({ name: String(c.name), value: String(c.id), description: c.status as string | undefined })).sort(byName);
	},
	async getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const workflows = await list(this, '/workflows/', 'workflows', { locationId: await ghlLocation(this) });
		return workflows.map((w) => ({ name: String(w.name), value: String(w.id), description: w.status as string | undefined })).sort(byName);
	},
};
