/**
 * A credential's "Test" button as n8n runs it: n8n's CredentialsTester wraps the credential's test request
 * in a declarative node (requestDefaults + one routed property) and runs it through RoutingNode with the
 * credential's own authenticate and preAuthentication. This does the same through n8n-core.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { registerNodeType } from './nodeTypes';
import { runNode } from './runNode';
import type { RunNodeResult } from './runNode';

export async function testCredential(credential: ICredentialType, data: ICredentialDataDecryptedObject): Promise<RunNodeResult> {
	if (!credential.test) throw new Error(`${credential.name} has no test request`);
	const tester: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: `credentialTest${credential.name}`,
			group: ['transform'],
			version: 1,
			description: 'Test-only',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credential.name, required: true }],
			requestDefaults: credential.test.request,
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: {} } }],
		},
	};
	const type = registerNodeType(`credentialTest${credential.name}`, tester);
	return await runNode({ type, parameters: { temp: '' }, credentials: { [credential.name]: data } });
}
