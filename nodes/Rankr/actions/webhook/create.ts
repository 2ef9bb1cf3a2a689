import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/operation';
import { rankrRequest } from '../../../shared/rankrApi';
import { invalid, requireValue, toList } from '../../../shared/validation';
import { RANKR_EVENTS } from './fields';

const KNOWN_EVENTS = RANKR_EVENTS.map((e) => String(e.value));

export const create: OperationModule = {
	routes: ['POST /v1/webhooks'],
	description: [
		{ displayName: 'URL', name: 'url', type: 'string', default: '', required: true, placeholder: 'e.g. https://example.com/hooks/rankr', description: 'Where Rankr posts the events. The signing secret Rankr returns is not output (it would be stored in the execution data); the Rankr Trigger subscribes and keeps its secret itself.' },
		{ displayName: 'Events', name: 'events', type: 'multiOptions', options: RANKR_EVENTS, default: [], required: true },
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	],
	async execute(this: IExecuteFunctions, i: number) {
		const url = requireValue(this, this.getNodeParameter('url', i, ''), 'URL', i);
		let parsed: URL | undefined;
		try {
			parsed = new URL(url);
		} catch {
			parsed = undefined;
		}
		if (!parsed || !/^https?:$/.test(parsed.protocol) || url.length > 2000) {
			throw invalid(this, 'URL', i, `"${url.slice(0, 80)}" is not an http(s) URL`);
		}
		const events = [...new Set(toList(this.getNodeParameter('events', i, [])))];
		if (!events.length) throw invalid(this, 'Events', i, 'is required but empty', 'Choose at least one event.');
		const unknown = events.find((e) => !KNOWN_EVENTS.includes(e));
		if (unknown) throw invalid(this, 'Events', i, `"${unknown.slice(0, 40)}" is not a Rankr event`, `Known events: ${KNOWN_EVENTS.join(', ')}`);
		const description = String(this.getNodeParameter('description', i, '') ?? '').trim();
		if (description.length > 255) throw invalid(this, 'Description', i, 'is longer than 255 characters');
		const created = await rankrRequest(this, {
			method: 'POST',
			path: '/v1/webhooks',
			body: { url, events, ...(description ? { description } : {}) },
			itemIndex: i,
		});
		// The signing secret would sit in n8n's execution data in plain text for anyone who can open the
		// workflow, so it is left out; the Rankr Trigger keeps its own secret where only it can read it.
		return { ...created, secret: null, secretNote: 'Rankr shows the signing secret once; this node does not output it. Use the Rankr Trigger to receive signed events in n8n.' };
	},
};
