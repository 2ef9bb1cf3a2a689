/** The node's pickers, through n8n-core's load-options context. */
import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { TestCredentialsHelper } from '../harness/credentials';
import { nodeTypes } from '../harness/nodeTypes';
import { additionalDataFor } from '../harness/runNode';
import { GHL, ghlSuite } from './setup';

const { state } = ghlSuite({ seed: { contacts: 120 }, rateLimit: false });

function context() {
	const node: INode = {
		id: 'n',
		name: 'GHL',
		type: GHL,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'privateIntegration' },
		credentials: { ghlApi: { id: 'c', name: 'ghl' } },
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes, active: false });
	const helper = new TestCredentialsHelper({ ghlApi: { authType: 'location', token: state.sb.token, locationId: state.sb.locationId, baseUrl: state.sb.url } });
	return new LoadOptionsContext(workflow, node, additionalDataFor(helper, undefined as never), '', undefined);
}

describe('GHL node pickers', () => {
	const methods = new Ghl().methods;

	it('searches contacts page by page for the contact locator', async () => {
		const first = await methods.listSearch.searchContacts.call(context(), '');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const last = await methods.listSearch.searchContacts.call(context(), '', '3');
		expect(last.results).toHaveLength(20);
		expect(last.paginationToken).toBeUndefined();
		const c = state.sb.store.contactsOf(state.sb.locationId)[7];
		const found = await methods.listSearch.searchContacts.call(context(), String(c.email));
		expect(found.results.map((r) => r.value)).toEqual([c.id]);
	});

	it.each([
		['getTags', 'lead'],
		['getUsers', 'Sam Seller'],
		['getCampaigns', 'Welcome Series'],
		['getWorkflows', 'New Lead Nurture'],
		['getCustomFields', 'Lead Score (contact.lead_score)'],
	] as const)('%s lists what the location has', async (method, name) => {
		const options = await methods.loadOptions[method].call(context());
		expect(options.map((o) => o.name)).toContain(name);
	});

	it('getTagIds gives IDs for the location tag operations', async () => {
		const options = await methods.loadOptions.getTagIds.call(context());
		const tag = [...state.sb.store.tags.values()][0];
		expect(options).toContainEqual(expect.objectContaining({ name: tag.name, value: tag.id }));
	});
});
