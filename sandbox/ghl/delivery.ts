/**
 * Webhook delivery for the sandbox's own changes (a switch, off by default: `startGhlSandbox({ webhooks:
 * { url } })`). Every successful write through the API, whoever made it, is sent to `url` as the event GHL's
 * webhook docs name for it, signed like a Marketplace app's delivery: ContactCreate / ContactUpdate /
 * ContactDelete / ContactTagUpdate, TaskCreate / TaskComplete / TaskDelete, NoteCreate / NoteUpdate /
 * NoteDelete. GHL has no event for a task edit or a reopened task, so those send nothing. GHL retries a
 * delivery only after a 429 (every 10 minutes, six times); `retryDelayMs` shortens that wait for tests.
 */
import type { RecordedRequest } from '../shared/http';
import type { GhlStore, Rec } from './store';
import { eventOf, sendEvent } from './webhooks';

export interface GhlWebhookOptions {
	url: string;
	/** Wait before re-sending a delivery answered 429 (GHL: about 10 minutes). */
	retryDelayMs?: number;
	/** GHL gives up after six retries. */
	maxRetries?: number;
}

export interface GhlDeliveryRecord {
	type: string;
	payload: Record<string, unknown>;
	status?: number;
	error?: string;
	attempts: number;
}

/** What a write changed, read before the route runs (a deleted record is gone afterwards). */
export interface WriteSubject {
	pattern: string;
	params: Record<string, string>;
	before?: Rec;
}

const deleted = (store: GhlStore, pattern: string, params: Record<string, string>): Rec | undefined => {
	if (pattern === '/contacts/{contactId}') return store.contacts.get(params.contactId);
	if (pattern === '/contacts/{contactId}/tasks/{taskId}') return store.taskView(store.tasks.get(params.taskId) as never) as Rec;
	if (pattern === '/contacts/{contactId}/notes/{id}') return store.notes.get(params.id);
	return undefined;
};

export class GhlWebhookSender {
	readonly deliveries: GhlDeliveryRecord[] = [];
	private queue: Promise<void> = Promise.resolve();
	private readonly timers = new Set<NodeJS.Timeout>();
	private pending = 0;

	constructor(
		private readonly store: GhlStore,
		private readonly options: GhlWebhookOptions,
	) {}

	/** Called before the route: keeps what a delete is about to remove. */
	subject(method: string, pattern: string, params: Record<string, string>): WriteSubject {
		if (method !== 'DELETE') return { pattern, params };
		const record = deleted(this.store, pattern, params);
		return { pattern, params, before: record ? structuredClone(record) : undefined };
	}

	/** Called after a write was answered: the events GHL sends for it. */
	written(record: RecordedRequest, subject: WriteSubject, answer: unknown, locationId: string): void {
		if (record.status < 200 || record.status >= 300) return;
		const { pattern, params, before } = subject;
		const body = (answer ?? {}) as Record<string, Record<string, unknown> | undefined>;
		const contact = (id: string) => this.store.contacts.get(id) as Rec | undefined;
		const events: Array<[string, Rec | undefined]> = [];
		const key = `${record.method} ${pattern}`;
		if (key === 'POST /contacts/') events.push(['ContactCreate', body.contact as Rec]);
		else if (key === 'POST /contacts/upsert') events.push([(answer as { new?: boolean }).new ? 'ContactCreate' : 'ContactUpdate', body.contact as Rec]);
		else if (key === 'PUT /contacts/{contactId}') events.push(['ContactUpdate', contact(params.contactId)]);
		else if (key === 'DELETE /contacts/{contactId}') events.push(['ContactDelete', before]);
		else if (key === 'POST /contacts/{contactId}/tags' || key === 'DELETE /contacts/{contactId}/tags') events.push(['ContactTagUpdate', contact(params.contactId)]);
		else if (key === 'POST /contacts/{contactId}/tasks') events.push(['TaskCreate', body.task as Rec]);
		else if (key === 'PUT /contacts/{contactId}/tasks/{taskId}/completed' && (record.body as { completed?: boolean })?.completed === true) events.push(['TaskComplete', body.task as Rec]);
		else if (key === 'DELETE /contacts/{contactId}/tasks/{taskId}') events.push(['TaskDelete', before]);
		else if (key === 'POST /contacts/{contactId}/notes') events.push(['NoteCreate', body.note as Rec]);
		else if (key === 'PUT /contacts/{contactId}/notes/{id}') events.push(['NoteUpdate', body.note as Rec]);
		else if (key === 'DELETE /contacts/{contactId}/notes/{id}') events.push(['NoteDelete', before]);
		for (const [type, rec] of events) if (rec) this.enqueue({ type, payload: eventOf(type, locationId, structuredClone(rec)), attempts: 0 });
	}

	/** One at a time, in the order the changes happened (after the API's own answer). */
	private enqueue(delivery: GhlDeliveryRecord): void {
		this.deliveries.push(delivery);
		this.pending++;
		this.queue = this.queue.then(() => this.attempt(delivery));
	}

	private async attempt(delivery: GhlDeliveryRecord): Promise<void> {
		delivery.attempts++;
		delivery.status = undefined;
		try {
			delivery.status = (await sendEvent(this.options.url, delivery.payload)).status;
			delivery.error = undefined;
		} catch (error) {
			delivery.error = error instanceof Error ? error.message : String(error);
		}
		if (delivery.status === 429 && delivery.attempts <= (this.options.maxRetries ?? 6)) {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				this.queue = this.queue.then(() => this.attempt(delivery));
			}, this.options.retryDelayMs ?? 600_000);
			this.timers.add(timer);
			return;
		}
		this.pending--;
	}

	/** Deliveries not yet answered for good (in flight, or waiting for a retry after a 429). */
	get outstanding(): number {
		return this.pending;
	}

	stop(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}
