/**
 * A bare node that sends one GHL request per item through the shared transport. Transport tests run it in
 * n8n-core so pacing, retries and errors are exercised exactly as a real node would exercise them.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ghlRequest } from '../../nodes/shared/ghlApi';
import { registerNodeType } from './nodeTypes';

class GhlProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Probe',
		name: 'ghlProbe',
		group: ['transform'],
		version: 1,
		description: 'Test-only',
		defaults: { name: 'GHL Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'ghlApi', required: true, displayOptions: { show: { authentication: ['privateIntegration'] } } },
			{ name: 'ghlOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
		],
		properties: [
			{ displayName: 'Authentication', name: 'authentication', type: 'options', options: [{ name: 'PIT', value: 'privateIntegration' }, { name: 'OAuth2', value: 'oAuth2' }], default: 'privateIntegration' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Idempotent', name: 'idempotent', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		// All items at once, as a node processing a batch concurrently would: the transport must pace them.
		const results = await Promise.allSettled(
			items.map(async (_item, i) => {
				const body = this.getNodeParameter('body', i) as string | IDataObject;
				return await ghlRequest(this, {
					method: this.getNodeParameter('method', i) as 'GET',
					path: this.getNodeParameter('path', i) as string,
					body: typeof body === 'string' && body ? (JSON.parse(body) as IDataObject) : (body || undefined) as IDataObject,
					idempotent: (this.getNodeParameter('idempotent', i) as boolean) || undefined,
					itemIndex: i,
				});
			}),
		);
		results.forEach((r, i) => {
			if (r.status === 'fulfilled') out.push({ json: r.value as IDataObject, pairedItem: { item: i } });
			else if (this.continueOnFail()) out.push({ json: { error: (r.reason as Error).message }, pairedItem: { item: i } });
			else throw r.reason;
		});
		return [out];
	}
}

export const GHL_PROBE = registerNodeType('ghlProbe', new GhlProbe());
