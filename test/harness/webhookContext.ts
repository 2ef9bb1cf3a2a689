/**
 * A webhook trigger node inside n8n-core's own WebhookContext: the request and response n8n would hand it
 * (headers lower-cased, body parsed, `rawBody` as a Buffer), parameters resolved by n8n, credentials
 * through TestCredentialsHelper, and one Workflow per setup so static data persists between deliveries
 * as it does in n8n.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { nodeTypes } from './nodeTypes';
import { additionalDataFor, scanForSecrets } from './runNode';

export interface TriggerSetup {
	type: string;
	node: INode;
	workflow: Workflow;
	credentialsHelper: TestCredentialsHelper;
	/** The node's static data, as n8n would save it. */
	staticData(): IDataObject;
}

export function triggerSetup(options: {
	type: string;
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}): TriggerSetup {
	const node: INode = {
		id: 'trigger-under-test',
		name: 'Trigger Under Test',
		type: options.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: Object.fromEntries(Object.keys(options.credentials).map((t) => [t, { id: `cred-${t}`, name: t }])),
		webhookId: 'b6c1f0de-7c5e-4f43-9f57-3f1f2d0c9a11',
	};
	const workflow = new Workflow({ id: 'wf-trigger', nodes: [node], connections: {}, nodeTypes, active: true, staticData: {} });
	return {
		type: options.type,
		node,
		workflow,
		credentialsHelper: new TestCredentialsHelper(options.credentials),
		staticData: () => workflow.getStaticData('node', node),
	};
}

/** What n8n would put in the webhook description of our node: its single POST webhook. */
export function webhookDataOf(setup: TriggerSetup, isTest = false): IWebhookData {
	return {
		httpMethod: 'POST',
		node: setup.node.name,
		path: 'webhook',
		webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook', responseMode: 'onReceived' },
		workflowId: setup.workflow.id,
		workflowExecuteAdditionalData: undefined as never,
		isTest,
	} as IWebhookData;
}

export interface Delivery {
	/** What the node answered itself (refusals, duplicates); undefined when n8n answers (execution started). */
	status?: number;
	body?: unknown;
	result: IWebhookResponseData;
	/** Executions this delivery starts: 0 or 1. */
	started: number;
	/** The items the execution starts with. */
	items: IDataObject[];
}

/** Delivers one HTTP request to the node's webhook() as n8n's webhook server does. */
export async function deliver(
	setup: TriggerSetup,
	rawBody: string | Buffer,
	headers: Record<string, string> = {},
	options: { test?: boolean } = {},
): Promise<Delivery> {
	const raw = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8');
	const lower: Record<string, string> = { 'content-type': 'application/json' };
	for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
	let body: unknown = raw.toString('utf8');
	if (lower['content-type'].startsWith('application/json')) {
		try {
			body = JSON.parse(raw.toString('utf8'));
		} catch {
			body = {};
		}
	}
	const answer: { status?: number; body?: unknown } = {};
	const res = {
		headersSent: false,
		status(code: number) {
			answer.status = code;
			return res;
		},
		json(data: unknown) {
			answer.body = data;
			res.headersSent = true;
			return res;
		},
		send(data: unknown) {
			return res.json(data);
		},
		end() {
			res.headersSent = true;
			return res;
		},
	};
	const req = { method: 'POST', headers: lower, body, rawBody: raw, query: {}, params: {}, contentType: lower['content-type'] };
	const additionalData = additionalDataFor(setup.credentialsHelper, undefined as never);
	Object.assign(additionalData, { httpRequest: req, httpResponse: res });
	const mode = options.test ? 'manual' : 'webhook';
	const ctx = new WebhookContext(setup.workflow, setup.node, additionalData, mode, webhookDataOf(setup, options.test), [], null);
	const nodeType = nodeTypes.getByNameAndVersion(setup.type, 1);
	if (!nodeType.webhook) throw new Error(`${setup.type} has no webhook()`);
	const result = await nodeType.webhook.call(ctx);
	const first = (result.workflowData?.[0] ?? []) as INodeExecutionData[];
	scanForSecrets(`${setup.type} webhook`, { answer, items: first });
	return { ...answer, result, started: result.workflowData ? 1 : 0, items: first.map((i) => i.json) };
}

export interface WebhookServer {
	/** The URL to send events to (GHL's side of the wire). */
	url: string;
	/** Every delivery the node judged, in order. */
	deliveries: Delivery[];
	/** The items of every execution started. */
	executions: IDataObject[][];
	close(): Promise<void>;
}

/**
 * A loopback HTTP endpoint in front of the node, so events travel as real bytes (the sandbox's
 * `webhooks.send`): the node answers refusals itself; an accepted event gets n8n's onReceived 200.
 */
export async function serveWebhook(setup: TriggerSetup): Promise<WebhookServer> {
	const deliveries: Delivery[] = [];
	const executions: IDataObject[][] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')]));
			deliver(setup, Buffer.concat(chunks), headers)
				.then((d) => {
					deliveries.push(d);
					if (d.started) executions.push(d.items);
					const status = d.started ? 200 : d.status ?? 200;
					res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(d.started ? { message: 'Workflow was started' } : d.body ?? {}));
				})
				.catch((error: Error) => {
					res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: error.message }));
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${setup.node.webhookId}/webhook`,
		deliveries,
		executions,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
