/** Sync Contact's contact picker: the GHL Rankr Sync node offers GHL's contact search, read with the GHL credential. */
import { LoadOptionsContext } from 'n8n-core';
import type { INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { GhlRankrSync } from '../../nodes/GhlRankrSync/GhlRankrSync.node';
import { TestCredentialsHelper } from '../harness/credentials';
import { nodeTypes } from '../harness/nodeTypes';
import { additionalDataFor } from '../harness/runNode';
import type { SyncSandboxes } from './setup';
import { RANKR, startSandboxes } from './setup';

let sb: SyncSandboxes;
beforeEach(async () => {
	sb = await startSandboxes({ seed: { contacts: 3 } });
});
afterEach(async () => Promise.all([sb.ghl.close(), sb.rankr.close()]));

it('lists GHL contacts for the GHL Contact locator', async () => {
	const node: INode = {
		id: 'n',
		name: 'GHL Rankr Sync',
		type: RANKR,
		typeVersion: 1,
		position: [0, 0],
		parameters: { operation: 'syncContact', authentication: 'privateIntegration' },
		credentials: { ghlApi: { id: 'g', name: 'ghl' }, rankrApi: { id: 'r', name: 'rankr' } },
	};
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, nodeTypes, active: false });
	const helper = new TestCredentialsHelper({
		ghlApi: { authType: 'location', token: sb.ghl.token, locationId: sb.ghl.locationId, baseUrl: sb.ghl.url },
		rankrApi: { apiKey: sb.rankr.apiKey, baseUrl: sb.rankr.url },
	});
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(helper, undefined as never), '');
	const found = await new GhlRankrSync().methods.listSearch.searchGhlContacts.call(context, '');
	const ids = sb.ghl.store.contactsOf(sb.ghl.locationId).map((c) => c.id);
	expect(found.results.map((r) => r.value).sort()).toEqual([...ids].sort());
	expect(sb.rankr.requests).toHaveLength(0);

	// Sync Contact's locator asks for this method (a GHL search), not a Rankr contact search.
	const locator = new GhlRankrSync().description.properties.find((p) => p.name === 'contactId' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes('ghlSync'));
	expect(locator?.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod).toBe('searchGhlContacts');
});
