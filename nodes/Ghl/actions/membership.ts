import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ghlRequest } from '../../shared/ghlApi';
import type { OperationModule, ResourceOperations } from '../../shared/operation';
import { operationFields } from '../../shared/operation';
import { apiPath } from '../../shared/transport/path';
import { checkDate, compact, invalid, requireId, toList } from '../../shared/validation';
import { contactLocator, getContactId } from './common';

/**
 * Followers, campaigns and workflows: a contact joins or leaves something by ID. One builder serves all
 * three because only the path, the picker and the body differ.
 */
function pickerField(name: string, displayName: string, loadOptionsMethod: string, multiple = false): INodeProperties {
	return {
		displayName,
		name,
		type: multiple ? 'multiOptions' : 'options',
		typeOptions: { loadOptionsMethod },
		default: multiple ? [] : '',
		required: true,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

function membershipOperation(
	method: 'POST' | 'DELETE',
	route: string,
	extra: INodeProperties[],
	build: (ctx: IExecuteFunctions, i: number, contactId: string) => { path: string; body?: IDataObject },
): OperationModule {
	return {
		routes: [`${method} ${route}`],
		description: [contactLocator(), ...extra],
		async execute(this: IExecuteFunctions, i: number) {
			const contactId = getContactId.call(this, i);
			const { path, body } = build(this, i, contactId);
			const response = await ghlRequest<IDataObject>(this, { method, path, body, itemIndex: i });
			return { contactId, ...response };
		},
	};
}

function resource(name: string, operations: ResourceOperations, options: INodePropertyOptions[]): { operations: ResourceOperations; description: INodeProperties[] } {
	return {
		operations,
		description: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [name] } },
				options,
				default: 'add',
			},
			...operationFields(name, operations),
		],
	};
}

const followersField = pickerField('followers', 'Follower Names or IDs', 'getUsers', true);
const followers = (ctx: IExecuteFunctions, i: number) => {
	const list = toList(ctx.getNodeParameter('followers', i, [])).map((id) => requireId(ctx, id, 'Followers', i));
	if (!list.length) throw invalid(ctx, 'Followers', i, 'is required but empty');
	return { followers: list };
};

export const follower = resource(
	'follower',
	{
		add: membershipOperation('POST', '/contacts/{contactId}/followers', [followersField], (ctx, i, c) => ({ path: apiPath`/contacts/${c}/followers`, body: followers(ctx, i) })),
		remove: membershipOperation('DELETE', '/contacts/{contactId}/followers', [followersField], (ctx, i, c) => ({ path: apiPath`/contacts/${c}/followers`, body: followers(ctx, i) })),
	},
	[
		{ name: 'Add', value: 'add', action: 'Add followers to a contact' },
		{ name: 'Remove', value: 'remove', action: 'Remove followers from a contact' },
	],
);

const campaignField = pickerField('campaignId', 'Campaign Name or ID', 'getCampaigns');
const campaignId = (ctx: IExecuteFunctions, i: number) => requireId(ctx, ctx.getNodeParameter('campaignId', i), 'Campaign', i);

export const campaign = resource(
	'campaign',
	{
		add: membershipOperation('POST', '/contacts/{contactId}/campaigns/{campaignId}', [campaignField], (ctx, i, c) => ({ path: apiPath`/contacts/${c}/campaigns/${campaignId(ctx, i)}`, body: {} })),
		remove: membershipOperation('DELETE', '/contacts/{contactId}/campaigns/{campaignId}', [campaignField], (ctx, i, c) => ({ path: apiPath`/contacts/${c}/campaigns/${campaignId(ctx, i)}` })),
		removeFromAll: membershipOperation('DELETE', '/contacts/{contactId}/campaigns/removeAll', [], (_ctx, _i, c) => ({ path: apiPath`/contacts/${c}/campaigns/removeAll` })),
	},
	[
		{ name: 'Add Contact', value: 'add', action: 'Add a contact to a campaign' },
		{ name: 'Remove Contact', value: 'remove', action: 'Remove a contact from a campaign' },
		{ name: 'Remove Contact From All', value: 'removeFromAll', action: 'Remove a contact from every campaign' },
	],
);

const workflowField = pickerField('workflowId', 'Workflow Name or ID', 'getWorkflows');
const workflowId = (ctx: IExecuteFunctions, i: number) => requireId(ctx, ctx.getNodeParameter('workflowId', i), 'Workflow', i);
const startField: INodeProperties = { displayName: 'Event Start Time', name: 'eventStartTime', type: 'dateTime', default: '', description: 'For workflows that wait on an event date; leave empty otherwise' };

export const workflow = resource(
	'workflow',
	{
		add: membershipOperation('POST', '/contacts/{contactId}/workflow/{workflowId}', [workflowField, startField], (ctx, i, c) => ({
			path: apiPath`/contacts/${c}/workflow/${workflowId(ctx, i)}`,
			body: compact({ eventStartTime: checkDate(ctx, ctx.getNodeParameter('eventStartTime', i, ''), 'Event Start Time', i) }),
		})),
		remove: membershipOperation('DELETE', '/contacts/{contactId}/workflow/{workflowId}', [workflowField], (ctx, i, c) => ({ path: apiPath`/contacts/${c}/workflow/${workflowId(ctx, i)}` })),
	},
	[
		{ name: 'Add Contact', value: 'add', action: 'Add a contact to a workflow' },
		{ name: 'Remove Contact', value: 'remove', action: 'Remove a contact from a workflow' },
	],
);
