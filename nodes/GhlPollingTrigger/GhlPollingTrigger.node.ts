import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeError } from '../shared/apiErrors';
import { ghlAuthentication, ghlCredentials } from '../shared/ghlDescription';
import { omitKeys } from '../shared/omitKeys';
import { BudgetSpentError, countingContext, maxRequestsOption, readMaxRequests, RequestBudget } from '../shared/requestBudget';
import { normaliseRecord } from '../GhlTrigger/normalise';
import type { PollCursor, TimeOf } from './cursor';
import { advance, isCursor, queryFrom, recordId, startCursor, walkAfter } from './cursor';
import type { ContactTimeField } from './sources';
import { AUTO_POLL_SHARE, pollRequestBudget } from './pollBudget';
import { contactTime, searchContacts, taskCompletedTime, walkContacts } from './sources';
import { searchTaskPage, TASK_PAGE } from './taskSources';
import { isTaskWatch, pollTaskWatch, startTaskWatch } from './taskWatch';

type PollEvent = 'newContact' | 'updatedContact' | 'completedTask';

const CONTACT_FIELD: Record<Exclude<PollEvent, 'completedTask'>, ContactTimeField> = {
	newContact: 'dateAdded',
	updatedContact: 'dateUpdated',
};
const SAMPLE_SIZE = 3;

/** One output item, shaped like the GHL Trigger's: what happened, the record's ids, its fields. */
function toItem(event: PollEvent, record: IDataObject): IDataObject {
	const normalised = normaliseRecord(omitKeys(record, 'searchAfter'));
	const ids = event === 'completedTask' ? { taskId: recordId(record), contactId: normalised.contactId ?? null } : { contactId: recordId(record) };
	return { event, ...ids, ...normalised };
}

/** Where the Task Completed watch lives in the node's static data; `cursor:completedTask` was a time cursor GHL's task shapes never moved. */
const TASK_WATCH = 'watch:completedTask';
const OLD_TASK_CURSOR = 'cursor:completedTask';

/** Oldest completion first where GHL gives the times; otherwise in the order found. */
function byCompletion(tasks: IDataObject[]): IDataObject[] {
	const times = tasks.map(taskCompletedTime);
	if (times.some(Number.isNaN)) return tasks;
	return tasks.map((task, i) => ({ task, at: times[i] })).sort((a, b) => a.at - b.at).map((x) => x.task);
}

/** The latest few completed tasks when GHL says when; else the last few of the first page it lists. One request. */
async function sampleCompletedTasks(ctx: IPollFunctions): Promise<IDataObject[]> {
	const page = await searchTaskPage(ctx, true, 0, TASK_PAGE);
	return byCompletion(page).reverse().slice(0, SAMPLE_SIZE);
}

async function pollCompletedTasks(ctx: IPollFunctions): Promise<IDataObject[]> {
	const state = ctx.getWorkflowStaticData('node');
	if (state[OLD_TASK_CURSOR] !== undefined) delete state[OLD_TASK_CURSOR];
	const watch = state[TASK_WATCH];
	// The watch is rewritten only after a whole read, so a poll the budget stops emits nothing and changes
	// nothing: the next poll starts from the same state, and no completion is lost or emitted twice.
	const budget = new RequestBudget(readMaxRequests(ctx, ctx.getNodeParameter('options', {}) as IDataObject, 0, 'Max Requests per Poll'), AUTO_POLL_SHARE);
	const counted = countingContext(ctx, budget, { refuseWhenSpent: true });
	try {
		if (!isTaskWatch(watch)) {
			// First activation: remember the tasks as they stand; emit nothing.
			state[TASK_WATCH] = (await startTaskWatch(counted)) as unknown as IDataObject;
			return [];
		}
		const { fresh, next } = await pollTaskWatch(counted, watch);
		// Unchanged state is left alone, so n8n does not save the static data after every idle poll.
		if (next !== watch) state[TASK_WATCH] = next as unknown as IDataObject;
		return byCompletion(fresh);
	} catch (error) {
		if (!(error instanceof BudgetSpentError)) throw nodeError(ctx.getNode(), error);
		ctx.logger.warn(
			`GHL Polling Trigger: this Task Completed poll needed more than its ${error.max} GHL requests (Max Requests per Poll) and stopped; nothing was emitted or forgotten, the next poll reads again`,
		);
		return [];
	}
}

/** A record without the time its event sorts by cannot be placed: say so rather than skip it silently. */
function warnUntimed(ctx: IPollFunctions, field: ContactTimeField, records: IDataObject[], time: TimeOf): void {
	const untimed = records.filter((r) => Number.isNaN(time(r))).length;
	if (untimed === 0) return;
	ctx.logger.warn(`GHL Polling Trigger: ${untimed} of ${records.length} contacts have no ${field}; it cannot tell whether they are new and skips them`);
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
			{
				displayName:
					'GHL does not say when a task was completed: each poll compares which tasks are open and completed with the last poll, so a task completed and re-opened between two polls is not seen',
				name: 'taskNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['completedTask'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { event: ['newContact', 'updatedContact', 'completedTask'] } },
				options: [
					maxRequestsOption('GHL requests one poll may send. A contact poll that runs out emits what it read (pages of 500) and the next poll goes on exactly there; a Task Completed poll that would need more emits nothing, keeps its state and tries again next poll.', '1% of what GHL’s X-RateLimit-Daily-Remaining says is left today', 'Max Requests per Poll'),
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as PollEvent;
		const emit = (records: IDataObject[]) => (records.length ? [this.helpers.returnJsonArray(records.map((r) => toItem(event, r)))] : null);

		if (event === 'completedTask') {
			// The editor's "Fetch Test Event" shows a sample and leaves the watch untouched, as n8n's own pollers do.
			return emit(this.getMode() === 'manual' ? await sampleCompletedTasks(this) : await pollCompletedTasks(this));
		}

		const field = CONTACT_FIELD[event];
		const time = contactTime(field);
		if (this.getMode() === 'manual') {
			// The editor's "Fetch Test Event": the latest few records, the cursor untouched.
			return emit(await searchContacts(this, { field, direction: 'desc', limit: SAMPLE_SIZE }));
		}

		// Checked before any request, also on the first activation, so a bad value shows at once.
		const requests = pollRequestBudget(this);
		const state = this.getWorkflowStaticData('node');
		const key = `cursor:${event}`;
		const cursor = state[key];
		if (!isCursor(cursor)) {
			// First activation: remember where the data stands now; emit nothing.
			const existing = await searchContacts(this, { field, direction: 'desc', limit: 100 });
			warnUntimed(this, field, existing, time);
			state[key] = startCursor(existing, time) as unknown as IDataObject;
			return null;
		}

		const from = queryFrom(cursor);
		const walk = await walkContacts(this, { field, direction: 'asc', from, after: walkAfter(cursor), budget: budgetOf(this, cursor), requests });
		warnUntimed(this, field, walk.records, time);
		const { fresh, next } = advance(cursor, walk.records, time);
		// Stopped by a budget: the next poll goes on after the last record read, with the same bound.
		if (walk.stoppedAfter) next.walk = { from, after: walk.stoppedAfter };
		state[key] = next as unknown as IDataObject;
		return emit(fresh);
	}
}
