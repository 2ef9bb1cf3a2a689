/**
 * Sends the contract's webhook events to subscribed URLs, signed as `Rankr-Signature: t=<unix>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<raw body>")>`, one at a time per subscription. The sandbox makes one attempt
 * per delivery (the contract's 24 h of retries are not simulated; `redeliver` repeats one on demand, same
 * Rankr-Delivery ID, fresh signature). Each is recorded with the receiver's status or the network error.
 */
import { createHmac } from 'node:crypto';

import type { RankrStore } from './store';
import { randomId } from './store';
import type { System, WebhookEventType } from './types';

export interface WebhookDeliveryRecord {
	/** The Rankr-Delivery header and the body's `id`. */
	id: string;
	webhookId: string;
	url: string;
	type: WebhookEventType;
	body: { id: string; type: WebhookEventType; createdAt: string; data: Record<string, unknown> };
	rawBody: string;
	headers: Record<string, string>;
	/** The receiver's HTTP status; undefined while in flight or when the request failed. */
	status?: number;
	error?: string;
	attempts: number;
}

/** The Rankr-Signature value for a raw body (`timestamp` in unix seconds). */
export function signRankrPayload(secret: string, rawBody: string, timestamp: number): string {
	const hex = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
	return `t=${timestamp},v1=${hex}`;
}

export class WebhookSender {
	readonly deliveries: WebhookDeliveryRecord[] = [];
	private readonly inFlight = new Set<Promise<void>>();
	private readonly queues = new Map<string, Promise<void>>();

	constructor(
		private readonly store: RankrStore,
		private readonly timeoutMs = 10_000,
		/**
		 * Waits before each retry of a delivery not answered 2xx (the contract: Rankr retries with backoff for
		 * up to 24 h). Empty by default: one attempt, as before; `redeliver` repeats one on demand.
		 */
		private readonly retryDelaysMs: readonly number[] = [],
	) {
		store.onEvent((type, data, origin) => this.publish(type, data, origin));
	}

	publish(type: WebhookEventType, data: Record<string, unknown>, origin: System = 'rankr'): void {
		for (const hook of this.store.webhooks.values()) {
			if (!hook.events.includes(type)) continue;
			const id = randomId('dlv_');
			const body = { id, type, origin, createdAt: this.store.now(), data };
			const rawBody = JSON.stringify(body);
			const headers = {
				'content-type': 'application/json',
				'user-agent': 'Rankr-Webhooks/1.0 (sandbox)',
				'rankr-event': type,
				'rankr-delivery': id,
				'rankr-signature': signRankrPayload(hook.secret, rawBody, Math.floor(this.store.clock() / 1000)),
			};
			const record: WebhookDeliveryRecord = { id, webhookId: hook.id, url: hook.url, type, body, rawBody, headers, attempts: 0 };
			this.deliveries.push(record);
			// After the API's own answer (a delivery never delays or fails the request that caused it), and
			// one at a time per subscription, so a receiver sees events in the order they happened.
			const previous = this.queues.get(hook.id) ?? new Promise<void>((resolve) => setImmediate(resolve));
			const sending: Promise<void> = previous.then(() => this.send(record)).finally(() => {
				this.inFlight.delete(sending);
				if (this.queues.get(hook.id) === sending) this.queues.delete(hook.id);
			});
			this.queues.set(hook.id, sending);
			this.inFlight.add(sending);
		}
	}

	private async send(record: WebhookDeliveryRecord): Promise<void> {
		record.attempts++;
		try {
			const res = await fetch(record.url, { method: 'POST', headers: record.headers, body: record.rawBody, signal: AbortSignal.timeout(this.timeoutMs) });
			record.status = res.status;
			record.error = undefined;
			await res.arrayBuffer().catch(() => undefined);
		} catch (error) {
			record.error = error instanceof Error ? error.message : String(error);
		}
		const delay = this.retryDelaysMs[record.attempts - 1];
		if (delay === undefined || (record.status !== undefined && record.status < 300)) return;
		// Beside the subscription's queue, so a failing delivery does not hold back the ones after it.
		const retry: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, delay))
			.then(() => {
				const hook = this.store.webhooks.get(record.webhookId);
				if (!hook) return;
				record.headers['rankr-signature'] = signRankrPayload(hook.secret, record.rawBody, Math.floor(this.store.clock() / 1000));
				record.status = undefined;
				return this.send(record);
			})
			.finally(() => this.inFlight.delete(retry));
		this.inFlight.add(retry);
	}

	/** Sends a recorded delivery again, as Rankr's retries do: same ID and body, signed anew. */
	async redeliver(deliveryId: string): Promise<void> {
		const record = this.deliveries.find((d) => d.id === deliveryId);
		if (!record) throw new Error(`No delivery ${deliveryId}`);
		const hook = this.store.webhooks.get(record.webhookId);
		if (hook) record.headers['rankr-signature'] = signRankrPayload(hook.secret, record.rawBody, Math.floor(this.store.clock() / 1000));
		record.status = undefined;
		record.error = undefined;
		await this.send(record);
	}

	/** Resolves once every delivery queued so far (and any they caused) has been attempted. */
	async flush(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
	}
}
