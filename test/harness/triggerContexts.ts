/**
 * n8n-core's own WebhookContext and HookContext around our trigger nodes, with a fake HTTP request and
 * response, and one Workflow object per test so static data persists between calls as in n8n.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INode, IWebhookData, IWebhookResponseData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { nodeTypes } from './nodeTypes';
import { additionalDataFor } from './runNode';

export interface FakeResponse {
	statusCode?: number;
	body?: unknown;
}

export function triggerHarness(type: string, parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject>) {
	const node: INode = {
		id: 'trigger',
		name: 'Trigger',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: Object.fromEntries(Object.keys(credentials).map((t) => [t, { id: `cred-${t}`, name: t }])),
	};
	const workflow = new Workflow({ id: 'wf-trigger', nodes: [node], connections: {}, nodeTypes, active: true, staticData: {} });
	const helper = new TestCredentialsHelper(credentials);
	const nodeType = nodeTypes.getByNameAndVersion(type, 1);
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'webhook', webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' }, workflowId: 'wf-trigger' } as unknown as IWebhookData;

	async function deliver(rawBody: string | Buffer, headers: Record<string, string> = {}): Promise<{ response: FakeResponse; result: IWebhookResponseData }> {
		const raw = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody);
		let parsed: unknown = {};
		try {
			parsed = JSON.parse(raw.toString('utf8'));
		} catch {
			parsed = {};
		}
		const lower = Object.fromEntries(Object.entries({ 'content-type': 'application/json', ...headers }).map(([k, v]) => [k.toLowerCase(), v]));
		const response: FakeResponse = {};
		const res = {
			status(code: number) {
				response.statusCode = code;
				return res;
			},
			json(body: unknown) {
				response.body = body;
				return res;
			},
			end() {
				return res;
			},
		};
		const additionalData = additionalDataFor(helper, undefined as never);
		Object.assign(additionalData, { httpRequest: { headers: lower, body: parsed, rawBody: raw, query: {}, params: {} }, httpResponse: res });
		const ctx = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
		const result = await nodeType.webhook!.call(ctx);
		return { response, result };
	}

	function hook(method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
		const ctx = new HookContext(workflow, node, additionalDataFor(helper, undefined as never), 'trigger', 'activate', webhookData);
		return nodeType.webhookMethods!.default[method].call(ctx);
	}

	return { deliver, hook, staticData: () => workflow.getStaticData('node', node), workflow, node };
}
