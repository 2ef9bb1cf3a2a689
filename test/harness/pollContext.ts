/**
 * A polling trigger node inside n8n-core's own PollContext, one Workflow per poller so the node's static
 * data (its cursor) persists between polls as it does in n8n.
 */
import { PollContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { nodeTypes } from './nodeTypes';
import { additionalDataFor } from './runNode';

export interface Poller {
	/** One poll; the items it emits ([] when poll() returned null). */
	poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[]>;
	/** Whether the last poll returned null (n8n then starts no execution). */
	lastWasNull(): boolean;
	staticData(): IDataObject;
	node: INode;
}

export function poller(options: {
	type: string;
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** What n8n's tick engine gives as the poll's time budget. */
	pollBudgetMs?: number;
}): Poller {
	const node: INode = {
		id: 'poller-under-test',
		name: 'Poller Under Test',
		type: options.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: Object.fromEntries(Object.keys(options.credentials).map((t) => [t, { id: `cred-${t}`, name: t }])),
	};
	const workflow = new Workflow({ id: 'wf-poll', nodes: [node], connections: {}, nodeTypes, active: true, staticData: {} });
	const helper = new TestCredentialsHelper(options.credentials);
	const nodeType = nodeTypes.getByNameAndVersion(options.type, 1);
	let wasNull = false;
	return {
		node,
		staticData: () => workflow.getStaticData('node', node),
		lastWasNull: () => wasNull,
		async poll(mode = 'trigger') {
			if (!nodeType.poll) throw new Error(`${options.type} has no poll()`);
			const budget = options.pollBudgetMs;
			const ctx = new PollContext(
				workflow,
				node,
				additionalDataFor(helper, undefined as never),
				mode,
				'activate',
				undefined,
				undefined,
				undefined,
				undefined,
				undefined,
				budget === undefined ? undefined : () => budget,
			);
			const out = await nodeType.poll.call(ctx);
			wasNull = out === null;
			return out ? out[0] : [];
		},
	};
}
