/**
 * Runs one of our nodes through n8n-core's real WorkflowExecute: parameters resolved as n8n resolves
 * them, items routed, continueOnFail and pairedItem handled by n8n itself, HTTP through n8n's helpers
 * with our credentials. Only the database around it is replaced (see credentials.ts).
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { recordOutputShape } from './outputRecorder';
import { nodeTypes } from './nodeTypes';

export interface RunNodeOptions {
	/** Full type name, as returned by registerNodeType. */
	type: string;
	parameters: IDataObject;
	/** Credential data by credential type name; the node is given every one listed. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Reuse a helper to keep token updates across runs. */
	credentialsHelper?: TestCredentialsHelper;
	items?: IDataObject[];
	continueOnFail?: boolean;
	typeVersion?: number;
	/** The workflow's static data; the object is written in place, so passing it again carries it to the next run. */
	staticData?: IDataObject;
}

export interface RunNodeResult {
	/** Items of the first output. */
	items: INodeExecutionData[];
	outputs: INodeExecutionData[][];
	/** The error n8n recorded for the node (when it failed and continueOnFail was off). */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	run: IRun;
	credentialsHelper: TestCredentialsHelper;
}

/** A minimal stand-in for n8n's server-side extras that executions may touch. */
export function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const known: Partial<IWorkflowExecuteAdditionalData> & Record<string, unknown> = {
		credentialsHelper,
		hooks,
		currentNodeParameters: undefined,
		executionId: 'test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		userId: 'test-user',
		encryptedRunnerIdentity: undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
	};
	return new Proxy(known, {
		get: (target, prop) => (prop in target ? target[prop as string] : undefined),
	}) as IWorkflowExecuteAdditionalData;
}

/** Hands what a node produced to the secrets scan (test/security/scanOutput.ts) when one is running. */
export function scanForSecrets(label: string, value: unknown): void {
	(globalThis as { __recordForSecretScan?: (label: string, value: unknown) => void }).__recordForSecretScan?.(label, value);
}

export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const credentialsHelper = options.credentialsHelper ?? new TestCredentialsHelper(options.credentials ?? {});
	if (options.credentialsHelper && options.credentials) {
		for (const [type, data] of Object.entries(options.credentials)) {
			if (!credentialsHelper.store.has(type)) credentialsHelper.store.set(type, data);
		}
	}
	const credentialTypes = [...credentialsHelper.store.keys()];
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: options.type,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: Object.fromEntries(credentialTypes.map((t) => [t, { id: `cred-${t}`, name: t }])),
		continueOnFail: options.continueOnFail,
		onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: false,
		settings: {},
		staticData: options.staticData,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	const additionalData = additionalDataFor(credentialsHelper, hooks);
	const input: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = {
		resultData: { runData: {} },
		executionData: {
			metadata: {},
			contextData: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node, data: { main: [input] }, source: null }],
		},
	} as unknown as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((output: INodeExecutionData[] | null) => output ?? []);
	const error = (taskData?.error ?? run.data.resultData.error) as RunNodeResult['error'];
	scanForSecrets(`${options.type} output`, outputs);
	if (error) scanForSecrets(`${options.type} error`, { message: error.message, description: error.description, context: error.context });
	recordOutputShape(options.type, options.parameters as IDataObject, outputs[0] ?? [], Boolean(error));
	return { items: outputs[0] ?? [], outputs, error, run, credentialsHelper };
}
