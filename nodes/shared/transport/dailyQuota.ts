/**
 * The daily request quota (GHL: 200,000 per app and location), learned from X-RateLimit-Daily-Remaining.
 *
 * GHL does not document when its day ends. We assume UTC midnight: once the quota is used up, requests are
 * refused at once (a wait of hours helps nobody) until the next UTC midnight; then ONE request is let
 * through to re-learn the quota from its headers while the others wait for its answer. If GHL still says
 * 0 (its day may end at the location's midnight instead), the next check is an hour later, and so on, so
 * the quota is back within an hour of GHL's real reset whatever time zone GHL uses.
 */

const HOUR_MS = 3_600_000;

export class DailyLimitError extends Error {
	constructor(
		readonly dailyMax: number | undefined,
		/** When the next request will be let through to check the quota. */
		readonly resetsAt: Date,
		afterProbe = false,
	) {
		const limit = `The daily request limit${dailyMax ? ` of ${dailyMax}` : ''} for this location is used up`;
		super(
			afterProbe
				? `${limit} (still after UTC midnight); it is checked again at ${resetsAt.toISOString()}`
				: `${limit}; it resets at ${resetsAt.toISOString()} (UTC midnight, when the next request checks it)`,
		);
	}
}

/** The first UTC midnight after `now`. */
export function nextUtcMidnight(now: number): number {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
}

export type DailyVerdict = 'send' | 'probe' | 'wait';

export class DailyQuota {
	max: number | undefined;
	/** What the last answer said was left (undefined until an answer carried the header). */
	private remaining: number | undefined;
	/** Set while the quota is used up: nothing is sent before this time. */
	private exhaustedUntil: number | undefined;
	private afterProbe = false;
	/** A single request is out to re-learn the quota after the reset time. */
	private probing = false;

	/** May one more request be sent now, with `inFlight` requests already out? Throws when used up. */
	check(now: number, inFlight: number): DailyVerdict {
		if (this.exhaustedUntil !== undefined) {
			if (now < this.exhaustedUntil) throw this.error();
			if (this.probing) return 'wait';
			this.probing = true;
			return 'probe';
		}
		// Requests still out may each use one of what is left, or fail and leave it: wait for their answers.
		if (this.remaining !== undefined && this.remaining - inFlight <= 0) return 'wait';
		return 'send';
	}

	/** What the last answer said is left today (undefined until one carried the header): a long run's budget reads it. */
	get lastRemaining(): number | undefined {
		return this.remaining;
	}

	get exhausted(): boolean {
		return this.exhaustedUntil !== undefined;
	}

	/** Learns from one answer's headers (undefined fields: the answer said nothing, e.g. a dropped connection). */
	learn(info: { dailyMax?: number; dailyRemaining?: number }, now: number, wasProbe: boolean): void {
		if (info.dailyMax !== undefined) this.max = info.dailyMax;
		if (wasProbe) this.probing = false;
		if (info.dailyRemaining === undefined) return;
		this.remaining = info.dailyRemaining;
		if (info.dailyRemaining > 0) {
			this.exhaustedUntil = undefined;
			this.afterProbe = false;
			return;
		}
		if (this.exhaustedUntil !== undefined && now < this.exhaustedUntil) return; // already known
		// A probe after the reset time that still hears 0: GHL's day has not ended yet; check hourly.
		this.afterProbe = wasProbe;
		this.exhaustedUntil = wasProbe ? now + HOUR_MS : nextUtcMidnight(now);
	}

	/** A probe that got no answer leaves the next caller free to probe again. */
	probeLost(): void {
		this.probing = false;
	}

	error(): DailyLimitError {
		return new DailyLimitError(this.max, new Date(this.exhaustedUntil ?? 0), this.afterProbe);
	}
}
