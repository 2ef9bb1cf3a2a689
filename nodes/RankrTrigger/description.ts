import type { INodeProperties } from 'n8n-workflow';

import { RANKR_EVENTS } from './events';

const eventOptions = Object.entries(RANKR_EVENTS)
	.map(([value, name]) => ({ name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const rankrTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Activating the workflow subscribes this node\'s URL to the chosen events in Rankr; deactivating it unsubscribes. Nothing to set up in Rankr.',
		name: 'subscriptionNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions,
		default: ['contact.created'],
		required: true,
		description: 'The Rankr events that start the workflow, one execution per event',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description: 'Whether to add the request\'s headers (Rankr-Event, Rankr-Delivery, …) under "headers"',
			},
		],
	},
];
