/**
 * n8n's own HighLevel node (n8n-nodes-base, v2, declarative) run through the same n8n-core harness as ours,
 * for side-by-side numbers. It is loaded from the n8n installed for the e2e suite; nothing of n8n's is
 * copied or edited. Only its hard-coded host is pointed at the sandbox, in memory, on the loaded instance.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { ICredentialType, IDataObject, INodeType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';

import type { GhlSandbox } from '../sandbox/ghl';
import { registerCredentialType } from '../test/harness/credentials';
import { registerNodeType } from '../test/harness/nodeTypes';
import { runNode } from '../test/harness/runNode';
import type { RunNodeResult } from '../test/harness/runNode';

const CACHE = process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache/n8n-nodes-ghl-rankr/e2e');
export const NODES_BASE = path.join(CACHE, 'app/node_modules/n8n-nodes-base');

export interface BuiltinNode {
	type: string;
	version: string;
	/** Points the node's requests at a sandbox (its description hard-codes GHL's production host). */
	pointAt(sb: GhlSandbox): void;
	run(sb: GhlSandbox, parameters: IDataObject, items?: IDataObject[]): Promise<RunNodeResult>;
}

let loaded: BuiltinNode | undefined;

/** Loads HighLevel v2 and its OAuth2 credential, or throws saying why (the caller reports it). */
export function loadBuiltinHighLevel(): BuiltinNode {
	if (loaded) return loaded;
	if (!fs.existsSync(NODES_BASE)) {
		throw new Error(`n8n-nodes-base not found at ${NODES_BASE}; run \`bash scripts/e2e/install-n8n.sh\``);
	}
	const version = (JSON.parse(fs.readFileSync(path.join(NODES_BASE, 'package.json'), 'utf8')) as { version: string }).version;
	const dist = path.join(NODES_BASE, 'dist');
	// require, not import: a module outside this package, found at run time.
	const { HighLevel } = require(path.join(dist, 'nodes/HighLevel/HighLevel.node.js')) as { HighLevel: new () => IVersionedNodeType };
	const { HighLevelOAuth2Api } = require(path.join(dist, 'credentials/HighLevelOAuth2Api.credentials.js')) as { HighLevelOAuth2Api: new () => ICredentialType };
	const { OAuth2Api } = require(path.join(dist, 'credentials/OAuth2Api.credentials.js')) as { OAuth2Api: new () => ICredentialType };
	registerCredentialType(new OAuth2Api());
	registerCredentialType(new HighLevelOAuth2Api());
	const node = new HighLevel();
	const v2 = node.nodeVersions[2] as INodeType;
	const description = v2.description as INodeTypeDescription;
	const type = registerNodeType('builtinHighLevel', node);
	loaded = {
		type,
		version,
		pointAt(sb) {
			description.requestDefaults = { ...description.requestDefaults, baseURL: sb.url };
		},
		run(sb, parameters, items) {
			loaded?.pointAt(sb);
			return runNode({
				type,
				typeVersion: 2,
				parameters,
				items,
				continueOnFail: true,
				credentials: {
					highLevelOAuth2Api: {
						grantType: 'authorizationCode',
						authUrl: 'https://marketplace.leadconnectorhq.com/oauth/chooselocation',
						accessTokenUrl: `${sb.url}/oauth/token`,
						clientId: 'sandbox-client-id',
						clientSecret: 'sandbox-client-secret',
						scope: 'contacts.readonly contacts.write',
						authentication: 'body',
						// A connected credential, as n8n stores it after the OAuth dance; the sandbox accepts the token.
						oauthTokenData: { access_token: sb.token, token_type: 'Bearer', locationId: sb.locationId },
					},
				},
			});
		},
	};
	return loaded;
}
