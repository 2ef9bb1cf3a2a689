import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ghlAuthentication, ghlCredentials } from '../shared/ghlDescription';
import { omitKeys } from '../shared/omitKeys';
import { normaliseRecord } from '../GhlTrigger/normalise';
import type { PollCursor, TimeOf } from './cursor';
import { advance, isCursor, queryFrom, recordId, startCursor } from './cursor';
import type { ContactTimeField } from './sources';
import { completedTasks, contactTime, searchContacts, taskCompletedTime } from './sources';

type PollEvent = 'newContact' | 'updatedContact' | 'completedTask';

const CONTACT_FIELD: Record<Exclude<PollEvent, 'completedTask'>, ContactTimeField> = {
	newContact: 'dateAdded',
	updatedContact: 'dateUpdated',
};
const SAMPLE_SIZE = 3;

function timeOf(event: PollEvent): TimeOf {
	return event === 'completedTask' ? taskCompletedTime : contactTime(CONTACT_FIELD[event]);
}

/** One output item, shaped like the GHL Trigger's: what happened, the record's ids, its fields. */
function toItem(event: PollEvent, record: IDataObject): IDataObject {
	const normalised = normaliseRecord(omitKeys(record, 'searchAfter'));
	const ids = event === 'completedTask' ? { taskId: recordId(record), contactId: normalised.contactId ?? null } : { contactId: recordId(record) };
	return { event, ...ids, ...normalised };
}

/** The poll's time budget (n8n ≥ 2.41 gives one), with room left to hand the items over. */
function budgetOf(ctx: IPollFunctions, cursor: PollCursor): { ms: number; after: number } | undefined {
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : undefined;
	return typeof budget === 'number' && budget > 0 ? { ms: budget * 0.8, after: Date.parse(cursor.since) } : undefined;
}

export class GhlPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Polling Trigger',
		name: 'ghlPollingTrigger',
		icon: { light: 'file:ghl.svg', dark: 'file:ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new contacts, updated contacts or completed tasks in GoHighLevel, by polling (no set-up in GHL)',
		defaults: { name: 'GHL Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials,
		properties: [
			ghlAuthentication,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact Created', value: 'newContact' },
					{ name: 'Contact Updated', value: 'updatedContact', description: 'Any change to a contact, including its creation' },
					{ name: 'Task Completed', value: 'completedTask' },
				],
				default: 'newContact',
			},
			{
				displayName:
					'The first activation starts from now: existing records are not replayed. "Fetch Test Event" shows the latest few.',
				name: 'startNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as PollEvent;
		const time = timeOf(event);

		if (this.getMode() === 'manual') {
			// The editor's "Fetch Test Event": the latest few records, the cursor untouched.
			const sample =
				event === 'completedTask'
					? (await completedTasks(this)).sort((a, b) => time(b) - time(a)).slice(0, SAMPLE_SIZE)
					: await searchContacts(this, { field: CONTACT_FIELD[event], direction: 'desc', limit: SAMPLE_SIZE });
			return sample.length ? [this.helpers.returnJsonArray(sample.map((r) => toItem(event, r)))] : null;
		}

		const state = this.getWorkflowStaticData('node');
		const key = `cursor:${event}`;
		const cursor = state[key];
		if (!isCursor(cursor)) {
			// First activation: remember where the data stands now; emit nothing.
			const existing =
				event === 'completedTask'
					? await completedTasks(this)
					: await searchContacts(this, { field: CONTACT_FIELD[event], direction: 'desc', limit: 100 });
			state[key] = startCursor(existing, time) as unknown as IDataObject;
			return null;
		}

		const records =
			event === 'completedTask'
				? await completedTasks(this)
				: await searchContacts(this, { field: CONTACT_FIELD[event], direction: 'asc', from: queryFrom(cursor), budget: budgetOf(this, cursor) });
		const { fresh, next } = advance(cursor as PollCursor, records, time);
		state[key] = next as unknown as IDataObject;
		return fresh.length ? [this.helpers.returnJsonArray(fresh.map((r) => toItem(event, r)))] : null;
	}
}
