import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

/** Searchable pickers (resource locators); filled in by methods/listSearch.ts. */
export const listSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {};

/** Dropdown options (tags, users, custom fields, campaigns, workflows); filled in by methods/loadOptions.ts. */
export const loadOptions: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> = {};
