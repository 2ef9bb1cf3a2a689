import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireId } from '../../../shared/validation';

export const workflowField: INodeProperties = {
	displayName: 'Workflow Name or ID',
	name: 'workflowId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWorkflows' },
	default: '',
	required: true,
	description:
		'The GHL workflow (automation). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export function workflowId(this: IExecuteFunctions, i: number): string {
	return requireId(this, this.getNodeParameter('workflowId', i, ''), 'Workflow', i);
}
