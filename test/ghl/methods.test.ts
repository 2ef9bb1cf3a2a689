/** The node's pickers (listSearch, loadOptions), through n8n-core's load-options context against the sandbox. */
import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Ghl } from '../../nodes/Ghl/Ghl.node';
import type { GhlSandbox } from '../../sandbox/ghl';
import { TestCredentialsHelper } from '../harness/credentials';
import { nodeTypes } from '../harness/nodeTypes';
import { additionalDataFor } from '../harness/runNode';
import { GHL, ghlSuite } from './setup';

const { state } = ghlSuite({ seed: { contacts: 120 }, rateLimit: false });
const sb = (): GhlSandbox => state.sb;
const last = () => sb().requests[sb().requests.length - 1];
const methods = new Ghl().methods;

/** A picker's context on a GHL node with the given authentication, credential reference and credential data. */
function pickerContext(authentication: string, credentials: INode['credentials'], data: Record<string, ICredentialDataDecryptedObject>) {
	const node: INode = { id: 'n', name: 'GHL', type: GHL, typeVersion: 1, position: [0, 0], parameters: { authentication }, credentials };
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes, active: false });
	return new LoadOptionsContext(workflow, node, additionalDataFor(new TestCredentialsHelper(data), undefined as never), '');
}

function context(overrides: Partial<ICredentialDataDecryptedObject> = {}) {
	return pickerContext('privateIntegration', { ghlApi: { id: 'c', name: 'ghl' } }, {
		ghlApi: { authType: 'location', token: sb().token, locationId: sb().locationId, baseUrl: sb().url, ...overrides },
	});
}

describe('listSearch.searchContacts (the contact locator\'s list)', () => {
	it('pages by number, 50 at a time, until the last page', async () => {
		const first = await methods.listSearch.searchContacts.call(context(), '');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		expect(last()).toMatchObject({ method: 'POST', path: '/contacts/search', body: { locationId: sb().locationId, pageLimit: 50, page: 1 } });
		expect(last().body).not.toHaveProperty('query');
		const third = await methods.listSearch.searchContacts.call(context(), undefined, '3');
		expect(third.results).toHaveLength(20);
		expect(third.paginationToken).toBeUndefined();
		expect(last().body).toMatchObject({ page: 3 });
	});

	it('sends what the user typed as query and shows "Name (email)" with the phone below', async () => {
		const c = sb().store.contactsOf(sb().locationId)[7];
		const found = await methods.listSearch.searchContacts.call(context(), ` ${String(c.email)} `);
		expect(last().body).toMatchObject({ query: String(c.email), page: 1 });
		expect(found.results).toEqual([{ name: `${String(c.firstName)} ${String(c.lastName)} (${String(c.email)})`, value: c.id, description: String(c.phone) }]);
		expect(found.paginationToken).toBeUndefined();
	});

	it('falls back to the first page for a token it did not make', async () => {
		await methods.listSearch.searchContacts.call(context(), '', 'not-a-page');
		expect(last().body).toMatchObject({ page: 1 });
	});
});

describe('loadOptions', () => {
	it('getTags offers the location\'s tags by name, sorted', async () => {
		const options = await methods.loadOptions.getTags.call(context());
		const names = [...sb().store.tags.values()].map((t) => t.name).sort((a, b) => a.localeCompare(b));
		expect(options).toEqual(names.map((name) => ({ name, value: name })));
		expect(last()).toMatchObject({ method: 'GET', path: `/locations/${sb().locationId}/tags` });
	});

	it('getTagIds offers the same tags by ID for the location tag operations', async () => {
		const options = await methods.loadOptions.getTagIds.call(context());
		const tag = [...sb().store.tags.values()][0];
		expect(options).toContainEqual({ name: tag.name, value: tag.id });
	});

	it('getUsers asks /users/ for the credential\'s location', async () => {
		const options = await methods.loadOptions.getUsers.call(context());
		const user = [...sb().store.users.values()].find((u) => u.name === 'Sam Seller')!;
		expect(options).toContainEqual({ name: 'Sam Seller', value: user.id, description: user.email });
		expect(options.map((o) => o.name)).toEqual(['Sam Seller', 'Una Support']);
		expect(last()).toMatchObject({ method: 'GET', path: '/users/', query: { locationId: sb().locationId } });
	});

	it('getCustomFields offers fields by ID, naming their key', async () => {
		const options = await methods.loadOptions.getCustomFields.call(context());
		const field = [...sb().store.customFields.values()].find((f) => f.fieldKey === 'contact.lead_score')!;
		expect(options).toContainEqual({ name: 'Lead Score (contact.lead_score)', value: field.id, description: 'NUMERICAL' });
		expect(last()).toMatchObject({ method: 'GET', path: `/locations/${sb().locationId}/customFields` });
	});

	it.each([
		['getCampaigns', '/campaigns/', 'campaigns', 'Welcome Series'],
		['getWorkflows', '/workflows/', 'workflows', 'New Lead Nurture'],
	] as const)('%s asks %s for the credential\'s location', async (method, path, store, name) => {
		const options = await methods.loadOptions[method].call(context());
		const record = [...sb().store[store].values()].find((r) => r.name === name)!;
		expect(options).toContainEqual({ name, value: record.id, description: 'published' });
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		expect(last()).toMatchObject({ method: 'GET', path, query: { locationId: sb().locationId } });
		expect(last().headers.version).toBe('2021-07-28');
	});

	it('fails with GHL\'s message and without the token when the credential is refused', async () => {
		const error = await methods.loadOptions.getUsers.call(context({ token: 'pit-wrong-token-123' })).catch((e: Error) => e);
		expect(error).toBeInstanceOf(Error);
		expect(String((error as Error).message)).toMatch(/401/);
		expect(JSON.stringify(error)).not.toContain('pit-wrong-token-123');
	});
});

describe('an OAuth2 credential that was never connected', () => {
	it('makes the contact picker say it is not connected and how to connect it, sending nothing', async () => {
		// Saved with client ID and secret, but "Connect my account" was never clicked: no oauthTokenData.
		const ctx = pickerContext('oAuth2', { ghlOAuth2Api: { id: 'o', name: 'GHL OAuth2 (demo)' } }, {
			ghlOAuth2Api: { clientId: 'client', clientSecret: 'secret', baseUrl: sb().url },
		});
		const before = sb().requests.length;
		const failure = await methods.listSearch.searchContacts.call(ctx, '').then(() => undefined, (e: Error) => e);
		expect(failure?.message).toBe('The GHL OAuth2 credential "GHL OAuth2 (demo)" is not connected: open it and click "Connect my account"');
		expect(failure?.message).not.toMatch(/reach|access token/i);
		expect(sb().requests.length).toBe(before);
	});
});
