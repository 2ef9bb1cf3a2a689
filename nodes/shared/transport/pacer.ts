import { sleep } from 'n8n-workflow';

import { DailyLimitError, DailyQuota } from './dailyQuota';
import type { RateLimitInfo } from './types';

export { DailyLimitError };

/**
 * While sharing the window, how much of a request's round trip its slot stays held past sending + interval
 * (1 would be the answer's time, as alone). In the pacing simulation (answers 5-30 units of a 300-unit
 * interval, mean of 10 seeds, spacing 1/2), 4 / 8 processes: 1 gave 1.15 / 1.13 × floor (36 / 176 429s
 * answered), 0.75 gave 1.11 / 1.11 (48 / 166), 0.5 gave 1.09 / 1.08 but 73 / 206 429s and three times as
 * many at loopback-fast latencies, so not kept.
 */
const CONTENDED_HOLD_OF_ROUND_TRIP = 0.75;

/** While sharing the window, the least gap between two of our requests, in intervals ÷ share (see `waitMs`). */
const SHARED_SPACING = 0.625;

/** What `acquire` hands out and `release` takes back: when the request left, and whether it checks the daily quota. */
export interface Slot {
	sentAt: number;
	dailyProbe?: boolean;
}

/**
 * Keeps one client inside a "max requests per interval" limit before the server has to say 429, in one
 * process or alongside other processes (n8n queue-mode workers, other apps) that spend the same budget.
 *
 * Own requests: each holds a slot from the moment it is sent until its answer arrives, then for one interval
 * more. GHL counts a request when it arrives, which is no later than we see its answer, so alone a slot
 * frees no earlier than GHL's count of it: sliding, whatever the latency. While sharing the window, that
 * margin (a round trip per slot and interval) is room no process uses, as each holds back the same way;
 * so there a slot frees at its sending + interval + three quarters of its round trip (see `stamp`), and
 * the rare 429 this risks is waited out like one caused by another process.
 *
 * Other clients are never seen, only GHL's X-RateLimit-Remaining, which every process reads alike. So each
 * window keeps a share: how many requests per interval this process may have in GHL's window. It reuses
 * its own slots as they expire (a chain of requests an interval apart never adds to GHL's count), and
 * grows only into room GHL reports free, in proportion to what it already uses (if every process claims
 * Remaining × its part of the count, together they claim Remaining, not N × Remaining). A 429 means the
 * shares add up to too much: this one shrinks to what it has in the window. Alone, the share is the limit.
 */
export class RateWindow {
	max: number;
	intervalMs: number;
	readonly daily = new DailyQuota();
	/** When each of our requests inside the window was answered, oldest first (the clock only moves forward). */
	private doneAt: number[] = [];
	/** When each of those was sent (same order). */
	private doneSent: number[] = [];
	/** Each of those holds one of our slots until this time + one interval (same order; no later than its answer). */
	private doneHeldFrom: number[] = [];
	/**
	 * Requests of other clients GHL's count revealed, stamped when we learnt of them (no earlier than they
	 * arrived, so they leave this list no earlier than GHL's window). Only used to judge free room: an
	 * expired slot GHL shows free may be one another process is about to reuse.
	 */
	private others: number[] = [];
	/** When another client last showed in GHL's count or a 429 came: sharing until two intervals after. */
	private contendedAt = -Infinity;
	private lastSentAt = -Infinity;
	/** When each request still in flight was sent. */
	private sending: number[] = [];
	private blockedUntil = 0;
	/** Requests per interval this process may have in the server's window (≤ max). */
	private share: number;
	/** Until the first answer tells us the real limit, send one at a time rather than burst on a guess. */
	private heardFromServer = false;

	constructor(
		limit: { max: number; intervalMs: number },
		private readonly clock: () => number = Date.now,
		private readonly random: () => number = Math.random,
	) {
		this.max = limit.max;
		this.intervalMs = limit.intervalMs;
		this.share = limit.max;
	}

	/** Waits until one more request may be sent now, and reserves its slot. */
	async acquire(signal?: AbortSignal): Promise<Slot> {
		for (;;) {
			const now = this.clock();
			const daily = this.daily.check(now, this.sending.length);
			const wait = daily === 'wait' ? 10 : this.waitMs(now);
			if (wait <= 0 || daily === 'probe') {
				this.sending.push(now);
				this.lastSentAt = now;
				return { sentAt: now, dailyProbe: daily === 'probe' };
			}
			// Short naps so a window change (headers, releases) is noticed without a wake-up queue.
			await sleep(Math.min(wait, 250), signal);
			if (signal?.aborted) throw new Error('The execution was cancelled while waiting for the rate limit');
		}
	}

	/**
	 * Frees the slot taken by `acquire` and learns from the response's headers. `answered` is false for a
	 * network error: the request may still have been counted, so it is stamped all the same.
	 */
	release(info: RateLimitInfo | undefined, answered: boolean, slot?: Slot): void {
		const now = this.clock();
		const sent = this.landed(slot, now);
		this.stamp(sent.sentAt, now, answered);
		if (!info || !answered) {
			if (sent.dailyProbe) this.daily.probeLost();
			return;
		}
		this.heardFromServer = true;
		this.learnLimits(info, now, sent);
		if (info.remaining !== undefined) this.learnShare(info.remaining, sent, now);
	}

	/**
	 * A 429: the request was refused and not counted (GHL, like the sandbox, counts what it serves). With
	 * GHL's window full, the shares of everyone on this budget add up to more than the limit, so ours
	 * shrinks to what it has in the window: the refused request goes again when one of our slots expires.
	 */
	limited(info: RateLimitInfo | undefined, slot?: Slot): void {
		const now = this.clock();
		const sent = this.landed(slot, now);
		if (info) {
			this.heardFromServer = true;
			this.learnLimits(info, now, sent);
		} else if (sent.dailyProbe) this.daily.probeLost();
		// Only a full window (Remaining 0) says the shares are too big; a 429 with room left (or without the
		// headers, which would never let the share grow back) is waited out without shrinking it. Such a 429
		// came from a server that had room and may well have counted it: stamp it as ours, or the count
		// GHL shows next would hold a request we cannot account for, read as another client's.
		if (info?.remaining !== undefined && info.remaining > 0) this.stamp(sent.sentAt, now, true);
		if (info?.remaining === undefined || info.remaining > 0) return;
		this.prune(now);
		this.contendedAt = now;
		this.share = Math.max(1, Math.min(this.share, this.held(now) + this.sending.length));
	}

	/** Takes an answered request off the in-flight list (without a slot: the oldest, as callers before slots did). */
	private landed(slot: Slot | undefined, now: number): Slot {
		const at = slot ? this.sending.indexOf(slot.sentAt) : 0;
		const [sentAt] = this.sending.splice(at >= 0 ? at : 0, 1);
		return slot ?? { sentAt: sentAt ?? now };
	}

	/** The server asked for a pause (Retry-After): nobody sends on this key until it is over. */
	holdFor(ms: number): void {
		this.blockedUntil = Math.max(this.blockedUntil, this.clock() + ms);
	}

	/** How long a caller would wait right now (0 = may send). Exposed for tests and diagnostics. */
	waitMs(now: number): number {
		this.prune(now);
		if (now < this.blockedUntil) return this.blockedUntil - now;
		if (!this.heardFromServer && this.sending.length > 0) return 10;
		const frees = this.doneHeldFrom
			.map((at) => at + this.intervalMs)
			.filter((at) => at > now)
			.sort((a, b) => a - b);
		const used = frees.length + this.sending.length;
		const limit = Math.min(this.max, this.share);
		if (used < limit) {
			// Sharing the budget: our requests go spread (never closer than 5/8 of interval ÷ share), so the
			// window's slots do not all free at once, when a free-looking slot is often another process's in
			// transit. Not the full spacing: with it, every late request pushed all later ones back for good,
			// and the chain fell behind the window it was allowed. Closer still (1/2) was faster again but
			// made GHL answer half as many 429s more (the pacing simulation; 11 % of requests in the queue e2e).
			if (!this.contended(now)) return 0;
			return Math.max(0, Math.ceil(this.lastSentAt + (SHARED_SPACING * this.intervalMs) / limit - now));
		}
		const mustExpire = used - limit; // index of the slot whose freeing lets one more go
		if (mustExpire >= frees.length) return 10; // every slot is in flight: wait for a release
		return frees[mustExpire] - now + 1;
	}

	/** How many of our answered requests still hold a slot. */
	private held(now: number): number {
		let n = 0;
		for (const at of this.doneHeldFrom) if (at + this.intervalMs > now) n++;
		return n;
	}

	/**
	 * Records an answered (or lost) request and when its slot frees. GHL counted it from its arrival, some
	 * time between sending and answer, for one interval. Alone: from the answer (surely after GHL's count
	 * ends). Sharing: from sending + three quarters of the round trip. The next request sent then arrives
	 * after this one left GHL's count unless this one's way up took more than 3 × its way back plus 4 × the
	 * next one's way up (latency that lopsided): a 429 only then, and only if the window is full just then,
	 * answered (not counted) and sent again like any other. The Remaining
	 * of later answers, counted at arrival, corrects the share either way. A network error's request is
	 * held to the answer, as nothing tells when it arrived.
	 */
	private stamp(sentAt: number, now: number, answered: boolean): void {
		this.doneAt.push(now);
		this.doneSent.push(sentAt);
		const early = answered && this.contended(now) ? sentAt + CONTENDED_HOLD_OF_ROUND_TRIP * (now - sentAt) : now;
		this.doneHeldFrom.push(Math.min(now, early));
	}

	private contended(now: number): boolean {
		return now - this.contendedAt < 2 * this.intervalMs;
	}

	/** Requests per interval this process currently allows itself (for tests and diagnostics). */
	get currentShare(): number {
		return Math.min(this.max, this.share);
	}

	private learnLimits(info: RateLimitInfo, now: number, slot: Slot): void {
		if (info.max && info.max > 0) {
			// A higher limit than assumed leaves our share where it is until GHL's Remaining shows room.
			if (this.share >= this.max) this.share = info.max;
			this.max = info.max;
		}
		if (info.intervalMs && info.intervalMs > 0) this.intervalMs = info.intervalMs;
		this.daily.learn(info, now, Boolean(slot.dailyProbe));
	}

	/**
	 * GHL counted `max - remaining` requests in its window when this one arrived. At most `ours` of them can
	 * be ours: the ones answered after this request was sent minus one interval (GHL counts at arrival, so
	 * a request of ours it still counted was answered no earlier), plus every one still in flight. Counting
	 * with the send time, not the answer time, is what keeps our own nearly expired requests from being
	 * taken for another client's (issue #14.8).
	 */
	private learnShare(remaining: number, slot: Slot, now: number): void {
		const counted = this.max - remaining;
		const horizon = slot.sentAt - this.intervalMs;
		// Sent after this one: not in GHL's count yet, but each will take one of the `remaining`.
		let sentLater = 0;
		for (const sentAt of this.sending) if (sentAt > slot.sentAt) sentLater++;
		const ours = this.sending.length - sentLater + countAfter(this.doneAt, horizon);
		// The fewest of GHL's count that can be ours: sent less than an interval before this answer.
		let oursSurely = 0;
		for (const sentAt of this.sending) if (sentAt <= slot.sentAt && sentAt > now - this.intervalMs) oursSurely++;
		for (const sentAt of this.doneSent) if (sentAt > now - this.intervalMs) oursSurely++;
		// Others as many as they may be (a slot GHL shows free may be one another process is about to reuse).
		const othersKnown = countAfter(this.others, horizon);
		for (let i = counted - oursSurely - othersKnown; i > 0; i--) this.others.push(now);
		if (counted > ours + sentLater) this.contendedAt = now;
		// Room to claim: what GHL says is free, less what our picture of the others says they still hold.
		this.prune(now);
		const pictured = this.max - this.held(now) - this.sending.length - this.others.length;
		// (Alone, our own nearly expired requests are all GHL's count holds: its Remaining is the room.)
		const room = Math.max(0, this.contended(now) ? Math.min(remaining - sentLater, pictured) : remaining - sentLater);
		// Our part of GHL's count (1 when nobody else shows): if every process claims room × its part,
		// together they claim the room once. At most doubling what we use, so processes that start
		// together ramp up instead of each taking everything at once.
		const part = counted > 0 ? Math.min(1, oursSurely / counted) : 1;
		const claim = Math.min(room * part, Math.max(ours, 1));
		// Fractions are claimed at random (1 with that probability), so small parts still grow on average.
		const whole = Math.floor(claim) + (this.random() < claim - Math.floor(claim) ? 1 : 0);
		this.share = Math.max(1, Math.min(this.max, ours + sentLater + whole));
	}

	private prune(now: number): void {
		const horizon = now - this.intervalMs;
		let drop = 0;
		while (drop < this.doneAt.length && this.doneAt[drop] <= horizon) drop++;
		if (drop) {
			this.doneAt.splice(0, drop);
			this.doneSent.splice(0, drop);
			this.doneHeldFrom.splice(0, drop);
		}
		let gone = 0;
		while (gone < this.others.length && this.others[gone] <= horizon) gone++;
		if (gone) this.others.splice(0, gone);
	}
}

/** How many of the ascending times are later than `after`. */
function countAfter(times: number[], after: number): number {
	let n = 0;
	for (let i = times.length - 1; i >= 0 && times[i] > after; i--) n++;
	return n;
}

/** Settings tests may change: the clock every new window reads (daily resets are tested by moving it). */
export const pacerSettings: { clock: () => number } = { clock: () => Date.now() };

/**
 * One window per pacing key for the whole n8n process: every item, execution and node of this package
 * that talks to the same account shares it, because the server counts them together. Other processes
 * have windows of their own and meet this one only in GHL's headers (see RateWindow).
 */
const windows = new Map<string, RateWindow>();

export function rateWindowFor(key: string, defaults: { max: number; intervalMs: number }): RateWindow {
	let window = windows.get(key);
	if (!window) {
		window = new RateWindow(defaults, () => pacerSettings.clock());
		windows.set(key, window);
	}
	return window;
}

/** Forgets every window (tests and benchmarks start each case from a clean slate). */
export function resetRateWindows(): void {
	windows.clear();
}
