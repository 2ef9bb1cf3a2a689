/** Fault injection: decides per request, with a seeded PRNG, whether to misbehave and how. */
import type { IncomingMessage } from 'node:http';

import type { RecordedRequest } from './http';
import { prng } from './http';

export interface FaultOptions {
	rate429?: number;
	rate500?: number;
	rate502?: number;
	rate503?: number;
	rateReset?: number;
	rateSlow?: number;
	slowMs?: number;
	random?: number;
	retryAfterSeconds?: number;
}

export type Fault = '429' | '500' | '502' | '503' | 'reset' | 'slow';

export class FaultInjector {
	private random: () => number;

	constructor(private options: FaultOptions = {}) {
		this.random = prng(options.random ?? 7);
	}

	set(options: FaultOptions | undefined): void {
		this.options = options ?? {};
		this.random = prng(this.options.random ?? 7);
	}

	get slowMs(): number {
		return this.options.slowMs ?? 2000;
	}

	get retryAfterSeconds(): number {
		return this.options.retryAfterSeconds ?? 1;
	}

	pick(): Fault | undefined {
		const o = this.options;
		const draws: Array<[Fault, number | undefined]> = [
			['429', o.rate429],
			['500', o.rate500],
			['502', o.rate502],
			['503', o.rate503],
			['reset', o.rateReset],
			['slow', o.rateSlow],
		];
		if (draws.every(([, rate]) => !rate)) return undefined;
		const roll = this.random();
		let edge = 0;
		for (const [fault, rate] of draws) {
			edge += rate ?? 0;
			if (roll < edge) return fault;
		}
		return undefined;
	}
}

/** Why a request was refused before reaching a route; each sandbox words the answer in its own API's shape. */
export interface Refusal {
	status: 429 | 500 | 502 | 503;
	cause: 'rate_limit' | 'daily_limit' | 'injected';
	/** Seconds, for the Retry-After header of a 429. */
	retryAfter?: string;
}

/**
 * The part of both sandboxes' pipelines between auth and routing: the limiter's verdict, then the
 * injected fault. 'reset' means the socket is already destroyed and nothing may be answered.
 */
export async function limitAndFaults(
	req: IncomingMessage,
	record: RecordedRequest,
	limit: { allowed: boolean; retryAfterMs: number; dailyExhausted: boolean },
	faults: FaultInjector,
): Promise<Refusal | 'reset' | undefined> {
	if (!limit.allowed) {
		return { status: 429, cause: limit.dailyExhausted ? 'daily_limit' : 'rate_limit', retryAfter: String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))) };
	}
	record.countedByLimiter = true;
	const fault = faults.pick();
	if (fault) record.fault = fault;
	if (fault === 'reset') {
		record.status = -1;
		req.socket.destroy();
		return 'reset';
	}
	if (fault === '429') return { status: 429, cause: 'injected', retryAfter: String(faults.retryAfterSeconds) };
	if (fault === '500' || fault === '502' || fault === '503') return { status: Number(fault) as Refusal['status'], cause: 'injected' };
	if (fault === 'slow') await new Promise((r) => setTimeout(r, faults.slowMs));
	return undefined;
}
