/** Fault injection: decides per request, with a seeded PRNG, whether to misbehave and how. */
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
