import type { INodeProperties } from 'n8n-workflow';

import { ghlAuthentication } from '../shared/ghlDescription';
import { ALL_EVENTS, GHL_EVENTS } from './events';
import { DEFAULT_REPLAY_WINDOW_MINUTES } from './delivery';

const spaced = (event: string) => event.replace(/([a-z])([A-Z])/g, '$1 $2');

const eventOptions = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event listed here; other GHL events are answered but ignored' },
	...Object.keys(GHL_EVENTS)
		.map((event) => ({ name: spaced(event), value: event }))
		.sort((a, b) => a.name.localeCompare(b.name)),
];

/** The node's settings. The notices say exactly what the user does in GHL, once; activation tells GHL nothing. */
export const ghlTriggerProperties: INodeProperties[] = [
	ghlAuthentication,
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Marketplace App Webhook (Signed by GHL)',
				value: 'marketplace',
				description: 'Events your Marketplace app receives, verified with GHL\'s signature',
			},
			{
				name: 'GHL Workflow Custom Webhook (Shared Secret)',
				value: 'workflowAction',
				description: 'A Custom Webhook action in a GHL Workflow, verified with a secret header',
			},
			{
				name: 'Unverified (Unsafe)',
				value: 'unverified',
				description: 'Anyone who knows the URL can start the workflow',
			},
		],
		default: 'marketplace',
	},
	{
		displayName:
			'One-time step in GHL (activating this workflow tells GHL nothing, GHL has no API for it): paste this node\'s Production URL (Webhook URLs, above) into your app at marketplace.gohighlevel.com → Advanced Settings → Webhook URL, and subscribe to the same events there (the app needs the matching read scopes). While testing, paste the Test URL instead.',
		name: 'marketplaceNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['marketplace'] } },
	},
	{
		displayName:
			'One-time step in GHL (activating this workflow tells GHL nothing, GHL has no API for it): in the sub-account open Automation → Workflows, add the action Custom Webhook with method POST, URL = this node\'s Production URL, a header named as in Header Name below whose value is the secret of the GHL Webhook Secret credential above, and a JSON body with "type" (e.g. ContactUpdate), "locationId" and the record\'s fields.',
		name: 'workflowActionNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['workflowAction'] } },
	},
	{
		displayName:
			'Unsafe: requests are not verified, so anyone who learns the URL can start this workflow with any data. Use only for tests.',
		name: 'unverifiedNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['unverified'] } },
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'x-ghl-secret',
		required: true,
		displayOptions: { show: { source: ['workflowAction'] } },
		description: 'The header you add to the Custom Webhook action in GHL; its value is the secret of the GHL Webhook Secret credential',
	},
	{
		displayName:
			'This workflow keeps the shared secret in the workflow itself (the old Secret field below). Put the same value into a GHL Webhook Secret credential, select it above, then clear the field: it is used only while no credential is selected.',
		name: 'legacySecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['workflowAction'], secret: [{ _cnd: { exists: true } }] } },
	},
	{
		// Workflows saved before the credential existed: shown (and kept by n8n) only while it holds a value.
		displayName: 'Secret (Old, Stored in the Workflow)',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { source: ['workflowAction'], secret: [{ _cnd: { exists: true } }] } },
		description: 'Used only while no GHL Webhook Secret credential is selected; clear it once the credential holds the value',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions,
		default: ['ContactCreate'],
		required: true,
		description: 'Events that start the workflow; any other delivery is answered 200 and ignored',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Accept Any Location',
				name: 'anyLocation',
				type: 'boolean',
				default: false,
				description: 'Whether to accept events of every location instead of only the credential\'s location',
			},
			{
				displayName: 'Fetch Latest Record',
				name: 'fetchLatest',
				type: 'boolean',
				default: false,
				description: 'Whether to read the record from GHL before the workflow runs (the contact with its tasks and notes, the task, the note or the appointment), into "latest"',
			},
			{
				displayName: 'Include Raw Payload',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to add the body GHL sent, as received, under "raw"',
			},
			{
				displayName: 'Public Keys',
				name: 'publicKeys',
				type: 'fixedCollection',
				placeholder: 'Override Keys',
				default: {},
				description: 'GHL\'s public keys are built in; set these only after GHL rotates a key (or to test with your own)',
				options: [
					{
						displayName: 'Keys',
						name: 'keys',
						values: [
							{
								displayName: 'Ed25519 Public Key (PEM)',
								name: 'ed25519',
								type: 'string',
								typeOptions: { rows: 4 },
								default: '',
								description: 'Checks the x-ghl-signature header; empty uses GHL\'s published key',
							},
							{
								displayName: 'RSA Public Key (PEM)',
								name: 'rsa',
								type: 'string',
								typeOptions: { rows: 4 },
								default: '',
								description: 'Checks the legacy x-wh-signature header; empty uses GHL\'s published key',
							},
						],
					},
				],
			},
			{
				displayName: 'Replay Window (Minutes)',
				name: 'replayWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_REPLAY_WINDOW_MINUTES,
				description:
					'Refuse events whose timestamp is further than this from now; 0 turns the check off. Events without a timestamp are accepted. GHL retries an event for about 70 minutes, so a window shorter than that refuses late retries.',
			},
		],
	},
];
