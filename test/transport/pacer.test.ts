import { RateWindow } from '../../nodes/shared/transport/pacer';

/** A clock the test moves by hand, so pacing is checked without waiting or timing anything. */
function manualClock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateWindow (pacing from the rate limit)', () => {
	it('lets max requests through, then waits until the oldest answer is an interval old', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 3, intervalMs: 1000 }, clock.now);
		for (let i = 0; i < 3; i++) {
			expect(window.waitMs(clock.now())).toBe(0);
			void window.acquire();
			clock.advance(10);
			window.release({}, true);
		}
		// (each released before the next: this also covers the one-at-a-time start)
		// Answers at +10, +20, +30: the 4th may go once the first answer is 1000 ms old.
		expect(window.waitMs(clock.now())).toBe(1000 + 10 - 30 + 1);
		clock.advance(1000 + 10 - 30 + 1);
		expect(window.waitMs(clock.now())).toBe(0);
	});

	it('sends one request at a time until the first answer has told it the real limit', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now);
		void window.acquire();
		expect(window.waitMs(clock.now())).toBeGreaterThan(0);
		window.release({ max: 5, intervalMs: 1000, remaining: 4 }, true);
		for (let i = 0; i < 4; i++) {
			expect(window.waitMs(clock.now())).toBe(0);
			void window.acquire();
		}
		expect(window.waitMs(clock.now())).toBeGreaterThan(0);
	});

	it('counts requests still in flight against the limit', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 2, intervalMs: 1000 }, clock.now);
		void window.acquire();
		window.release({}, true);
		void window.acquire();
		expect(window.waitMs(clock.now())).toBeGreaterThan(0);
	});

	it('learns the limit and interval from the response headers', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 100, intervalMs: 10_000 }, clock.now);
		void window.acquire();
		window.release({ max: 1, intervalMs: 500, remaining: 0 }, true);
		expect(window.max).toBe(1);
		expect(window.intervalMs).toBe(500);
		expect(window.waitMs(clock.now())).toBe(501);
	});

	it('treats a lower Remaining than its own log explains as other clients sharing the window', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 10, intervalMs: 1000 }, clock.now);
		void window.acquire();
		// We sent one; the server says only 2 are left: 7 came from elsewhere.
		window.release({ max: 10, intervalMs: 1000, remaining: 2 }, true);
		let sendable = 0;
		while (window.waitMs(clock.now()) === 0) {
			void window.acquire();
			sendable++;
		}
		expect(sendable).toBe(2);
	});

	it('holds every caller after a 429 for the time the server asked', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now);
		window.holdFor(2500);
		expect(window.waitMs(clock.now())).toBe(2500);
		clock.advance(2500);
		expect(window.waitMs(clock.now())).toBe(0);
	});

	it('refuses at once when the daily quota is used up instead of waiting for hours', async () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now);
		await window.acquire();
		window.release({ dailyMax: 200000, dailyRemaining: 0 }, true);
		await expect(window.acquire()).rejects.toThrow(/daily request limit of 200000/);
	});
});
