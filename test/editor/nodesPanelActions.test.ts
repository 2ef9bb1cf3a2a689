/**
 * What n8n's nodes panel lists under a node. The editor (n8n 2.41.1, nodeCreator's actions generator) derives
 * a node's actions from its description alone: when the node has a `resource` field, one action per operation
 * of each of that field's options (an operation belongs to a resource through displayOptions.show.resource, or
 * to the only one); with no `resource` field, one per option of `operation`. A resource field with no options
 * (type hidden) therefore yields no actions, and the panel offers only the node's details page.
 * The browser suite (test/e2e/browser) checks the real panel; this is the fast check of the same rule.
 */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { GhlRankrSync } from '../../nodes/GhlRankrSync/GhlRankrSync.node';
import { Rankr } from '../../nodes/Rankr/Rankr.node';

const optionsOf = (p: INodeProperties | undefined) => ((p?.options ?? []) as INodePropertyOptions[]).filter((o) => o.value !== '__CUSTOM_API_CALL__');

function panelActions(node: INodeType): string[] {
	const properties = node.description.properties;
	const resource = properties.find((p) => p.name === 'resource');
	if (!resource) return optionsOf(properties.find((p) => p.name === 'operation')).map((o) => o.action ?? o.name);
	const resources = optionsOf(resource);
	return resources.flatMap((r) => {
		const operation = properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource?.includes(r.value) ?? resources.length === 1));
		return optionsOf(operation).map((o) => o.action ?? `${r.name} ${o.name}`);
	});
}

describe('the nodes panel lists the actions of every action node', () => {
	it('GHL Rankr Sync lists Sync Contact, Sync Location, Sync to GHL and Parity Check as actions', () => {
		expect(panelActions(new GhlRankrSync()).sort()).toEqual(['Check contacts for parity', 'Sync a contact', 'Sync a contact to GHL', 'Sync a location incrementally']);
	});

	it.each([
		['GHL', new Ghl()],
		['Rankr', new Rankr()],
	])('%s lists an action for every operation of every resource', (_name, node) => {
		const resources = optionsOf(node.description.properties.find((p) => p.name === 'resource')).length;
		const operations = node.description.properties.filter((p) => p.name === 'operation').reduce((n, p) => n + optionsOf(p).length, 0);
		expect(resources).toBeGreaterThan(1);
		expect(panelActions(node)).toHaveLength(operations);
	});
});
