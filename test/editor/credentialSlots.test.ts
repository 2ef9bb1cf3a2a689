/**
 * What n8n's editor shows in each node's credential slots. The editor (packages/frontend/editor-ui,
 * nodeTypesUtils getNodeAuthFields / getMainAuthField) takes any parameter that a credential's
 * `displayOptions.show` names as the node's "main authentication" field: it hides that parameter and the
 * ones it depends on, and fills every required slot with credentials of all the types behind it. That is
 * how a Rankr node lost its Resource field and its Rankr slot listed GHL credentials. These tests pin the
 * structure that keeps every node of the package out of that path, and check with n8n-workflow's own
 * displayParameter (used by the editor and at execution) which slot each setting shows.
 */
import type { INode, INodeCredentialDescription, INodeParameters, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { GhlPollingTrigger } from '../../nodes/GhlPollingTrigger/GhlPollingTrigger.node';
import { GhlRankrSync } from '../../nodes/GhlRankrSync/GhlRankrSync.node';
import { GhlTrigger } from '../../nodes/GhlTrigger/GhlTrigger.node';
import { Rankr } from '../../nodes/Rankr/Rankr.node';
import { RankrTrigger } from '../../nodes/RankrTrigger/RankrTrigger.node';

const nodes: Array<[string, INodeType]> = [
	['GHL', new Ghl()],
	['GHL Trigger', new GhlTrigger()],
	['GHL Polling Trigger', new GhlPollingTrigger()],
	['GHL Rankr Sync', new GhlRankrSync()],
	['Rankr', new Rankr()],
	['Rankr Trigger', new RankrTrigger()],
];

/** The credential slots the panel shows for these parameter values (defaults filled in, as the editor does). */
function shownSlots(type: INodeType, values: INodeParameters): string[] {
	const description = type.description;
	const node: Pick<INode, 'typeVersion'> = { typeVersion: 1 };
	const parameters = NodeHelpers.getNodeParameters(description.properties, values, true, false, node as INode, description) ?? {};
	return (description.credentials ?? [])
		.filter((c: INodeCredentialDescription) => NodeHelpers.displayParameter(parameters, c, node, description))
		.map((c) => c.name);
}

describe.each(nodes)('%s in the editor', (_name, type) => {
	it('has no parameter the editor would take for its authentication selector (no credential is shown by one)', () => {
		const credentialDependencies = (type.description.credentials ?? []).flatMap((c) => Object.keys(c.displayOptions?.show ?? {}));
		expect(credentialDependencies).toEqual([]);
	});
});

describe('Rankr node', () => {
	it('has one credential slot, Rankr API, whatever the resource', () => {
		const rankr = new Rankr();
		expect(rankr.description.credentials).toEqual([{ name: 'rankrApi', required: true }]);
		const resources = rankr.description.properties.find((p) => p.name === 'resource')?.options ?? [];
		for (const option of resources) expect(shownSlots(rankr, { resource: (option as { value: string }).value })).toEqual(['rankrApi']);
	});

	it('shows its Resource field (nothing hides it) and has no GHL resource or GHL authentication', () => {
		const properties = new Rankr().description.properties;
		const resource = properties.find((p) => p.name === 'resource');
		expect(resource?.displayOptions).toBeUndefined();
		expect(properties.find((p) => p.name === 'authentication')).toBeUndefined();
		expect((resource?.options ?? []).map((o) => (o as { value: string }).value)).not.toContain('ghlSync');
	});
});

describe('GHL Rankr Sync node', () => {
	const sync = new GhlRankrSync();

	it('shows the Rankr slot and the GHL slot of the chosen GHL Authentication, one of each', () => {
		expect(shownSlots(sync, {})).toEqual(['rankrApi', 'ghlApi']);
		expect(shownSlots(sync, { authentication: 'privateIntegration' })).toEqual(['rankrApi', 'ghlApi']);
		expect(shownSlots(sync, { authentication: 'oAuth2' })).toEqual(['rankrApi', 'ghlOAuth2Api']);
	});

	it('labels its slots so the two read apart ("Rankr Credential", "GHL Credential")', () => {
		const labels = Object.fromEntries((sync.description.credentials ?? []).map((c) => [c.name, c.displayName]));
		expect(labels).toEqual({ rankrApi: 'Rankr Credential', ghlApi: 'GHL Credential', ghlOAuth2Api: 'GHL Credential' });
	});

	it('shows GHL Authentication as a field of its own (the sticky note of template 4 refers to it)', () => {
		const field = sync.description.properties.find((p) => p.name === 'authentication');
		expect(field?.displayName).toBe('GHL Authentication');
		expect(field?.displayOptions).toBeUndefined();
	});
});

describe.each([
	['GHL', new Ghl()],
	['GHL Trigger', new GhlTrigger()],
	['GHL Polling Trigger', new GhlPollingTrigger()],
])('%s node', (_name, type) => {
	it('starts on the Private Integration token slot; OAuth2 shows only when chosen', () => {
		// With no slot the editor shows for OAuth2 on a new node, it cannot default to an unconnected OAuth2 credential.
		expect(shownSlots(type, {})).toEqual(['ghlApi']);
		expect(shownSlots(type, { authentication: 'oAuth2' })).toEqual(['ghlOAuth2Api']);
	});
});
