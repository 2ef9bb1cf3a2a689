/**
 * The least any community node can do for "GET one contact per item": n8n's authenticated HTTP helper called
 * for every item with the same credential, 8 at a time, no pacing, retries or mapping. Ours ÷ this isolates
 * our package's overhead from n8n's (verified community nodes may send only through that helper).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import type { GhlSandbox } from '../sandbox/ghl';
import { registerNodeType } from '../test/harness/nodeTypes';
import { runNode } from '../test/harness/runNode';
import type { RunNodeResult } from '../test/harness/runNode';

const CONCURRENCY = 8;

class BareHelperGet implements INodeType {
	description = {
		displayName: 'Bare Helper GET',
		name: 'bareHelperGet',
		group: ['transform'],
		version: 1,
		description: 'Benchmark reference',
		defaults: { name: 'Bare Helper GET' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'ghlApi', required: true }],
		properties: [{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const baseUrl = this.getNodeParameter('baseUrl', 0) as string;
		const out: INodeExecutionData[] = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const i = next++;
				const body = await this.helpers.httpRequestWithAuthentication.call(this, 'ghlApi', {
					method: 'GET',
					url: `${baseUrl}/contacts/${String(items[i].json.id)}`,
					json: true,
				});
				out[i] = { json: body.contact, pairedItem: { item: i } };
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
		return [out];
	}
}

const BARE = registerNodeType('bareHelperGet', new BareHelperGet());

export async function runBareHelper(sb: GhlSandbox, ids: string[]): Promise<RunNodeResult> {
	return await runNode({
		type: BARE,
		parameters: { baseUrl: sb.url },
		credentials: { ghlApi: { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url } },
		items: ids.map((id) => ({ id })),
	});
}
