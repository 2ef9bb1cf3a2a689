import type {
	IExecuteFunctions,
	INodeCredentialDescription,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ghlAuthentication, ghlCredentials } from '../shared/ghlDescription';
import { resourceDescriptions, router } from './actions/router';
import { listSearch } from './methods';

/** The Rankr credential is needed whatever the settings; the GHL one follows GHL Authentication. */
const credentials: INodeCredentialDescription[] = [
	{ name: 'rankrApi', displayName: 'Rankr Credential', required: true },
	...ghlCredentials,
];

/**
 * Reads GHL and writes Rankr, so it needs one credential of each. Its own node (not a resource of the Rankr
 * node) so that the Rankr node has a single credential, and here the Rankr credential is unconditional while
 * the GHL one follows *GHL Authentication* through `hide` (see ghlDescription.ts for why that matters to n8n's
 * editor). The sync logic itself lives in nodes/shared/sync and nodes/Rankr/actions/ghlSync.
 */
export class GhlRankrSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Rankr Sync',
		name: 'ghlRankrSync',
		icon: { light: 'file:ghlRankrSync.svg', dark: 'file:ghlRankrSync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ {parityCheck: "Parity Check", syncToGhl: "Sync to GHL", syncLocation: "Sync Location"}[$parameter["operation"]] || "Sync Contact" }}',
		description: 'Make Rankr match GHL (contacts, tags, tasks, notes), or report where the two differ',
		defaults: { name: 'GHL Rankr Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials,
		properties: [
			// One resource, but an options field: n8n's nodes panel lists a node's actions from the options of its
			// `resource` field, so a hidden one (no options) left the panel with no Sync Contact or Parity Check.
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'GHL Sync', value: 'ghlSync' }],
				default: 'ghlSync',
			},
			{ ...ghlAuthentication, displayName: 'GHL Authentication' },
			...resourceDescriptions,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
