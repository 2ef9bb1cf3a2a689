import { DailyLimitError, RateWindow } from '../../nodes/shared/transport/pacer';

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

	it('sends one request at a time until the first answer has told it the real limit, then doubles per answer up to it', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now, () => 0);
		const first = { sentAt: clock.now() };
		void window.acquire();
		expect(window.waitMs(clock.now())).toBeGreaterThan(0);
		window.release({ max: 5, intervalMs: 1000, remaining: 4 }, true, first);
		// Doubling rather than taking all 4 at once: other processes may have started at the same moment.
		const second = { sentAt: clock.now() };
		expect(window.waitMs(clock.now())).toBe(0);
		void window.acquire();
		expect(window.waitMs(clock.now())).toBeGreaterThan(0);
		window.release({ max: 5, intervalMs: 1000, remaining: 3 }, true, second);
		for (let i = 0; i < 2; i++) {
			expect(window.waitMs(clock.now())).toBe(0);
			void window.acquire();
		}
		expect(window.waitMs(clock.now())).toBeGreaterThan(0);
		window.release({ max: 5, intervalMs: 1000, remaining: 2 }, true, { sentAt: clock.now() });
		expect(window.waitMs(clock.now())).toBe(0);
		void window.acquire();
		// 5 in the window: the limit, whatever the doubling would allow.
		expect(window.waitMs(clock.now())).toBeGreaterThan(0);
	});

	it('alone, does not slow down after 429s a server with room counted: they are not taken for another client', async () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 100, intervalMs: 10_000 }, clock.now, () => 0);
		let counted = 0; // the server's count, which includes the 429s it answered with room left
		for (let i = 0; i < 60; i++) {
			expect(window.waitMs(clock.now())).toBe(0);
			const slot = await window.acquire();
			counted++;
			clock.advance(10);
			const info = { max: 100, intervalMs: 10_000, remaining: 100 - counted };
			if (i % 5 === 4) window.limited(info, slot);
			else window.release(info, true, slot);
		}
		// Had the 429s been read as another client's requests, the window would now spread its requests
		// (one per interval ÷ share) and this would wait.
		expect(window.waitMs(clock.now())).toBe(0);
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

	it('never sends more than GHL says remain when another client shares the window', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 10, intervalMs: 1000 }, clock.now, () => 0);
		void window.acquire();
		// We sent one; the server says only 2 are left: 7 came from elsewhere.
		window.release({ max: 10, intervalMs: 1000, remaining: 2 }, true);
		let sendable = 0;
		for (let t = 0; t < 900; t += 10) {
			clock.advance(10);
			while (window.waitMs(clock.now()) === 0) {
				void window.acquire();
				sendable++;
			}
		}
		expect(sendable).toBeGreaterThanOrEqual(1);
		expect(sendable).toBeLessThanOrEqual(2);
	});

	it('after a 429 shrinks its share to what it has in the window, so the refused request waits for its own slot', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 10, intervalMs: 1000 }, clock.now, () => 0);
		const first = { sentAt: clock.now() };
		void window.acquire();
		window.release({ max: 10, intervalMs: 1000, remaining: 9 }, true, first);
		for (let i = 0; i < 3; i++) {
			while (window.waitMs(clock.now()) > 0) clock.advance(1);
			void window.acquire();
			window.release({ max: 10, intervalMs: 1000, remaining: 8 - i }, true, { sentAt: clock.now() });
		}
		void window.acquire();
		window.limited({ max: 10, intervalMs: 1000, remaining: 0 }, { sentAt: clock.now() });
		expect(window.currentShare).toBe(4);
		// Four of ours are in the window: the fifth waits until the oldest of them is an interval old.
		expect(window.waitMs(clock.now())).toBeGreaterThan(900);
	});

	it('while sharing the window, frees a slot at its sending + interval + 3/4 of its round trip, not at its answer + interval', () => {
		const clock = manualClock();
		const start = clock.now();
		const window = new RateWindow({ max: 3, intervalMs: 1000 }, clock.now, () => 0);
		const first = { sentAt: clock.now() };
		void window.acquire();
		clock.advance(100);
		// GHL counts 2 (ours and another client's): sharing from here on, with a share of 2.
		window.release({ max: 3, intervalMs: 1000, remaining: 1 }, true, first);
		expect(window.currentShare).toBe(2);
		// Sharing spaces requests 5/8 of interval ÷ share apart: 313 (the full spacing would wait until 500).
		clock.advance(212);
		expect(window.waitMs(clock.now())).toBe(1);
		clock.advance(1);
		expect(window.waitMs(clock.now())).toBe(0);
		const second = { sentAt: clock.now() };
		void window.acquire();
		clock.advance(100);
		window.release({ max: 3, intervalMs: 1000, remaining: 0 }, true, second);
		// The first was answered before anything said the window was shared: held to its answer + interval.
		clock.advance(start + 1101 - clock.now());
		expect(window.waitMs(clock.now())).toBe(0);
		void window.acquire();
		// The second (sent at +313, answered at +413) frees at 313 + 1000 + 75 = +1388, not at +1413.
		expect(window.waitMs(clock.now())).toBe(1388 - 1101 + 1);
	});

	it('holds every caller after a 429 for the time the server asked', () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now);
		window.holdFor(2500);
		expect(window.waitMs(clock.now())).toBe(2500);
		clock.advance(2500);
		expect(window.waitMs(clock.now())).toBe(0);
	});

	it('refuses at once when the daily quota is used up, saying when it resets (ISO time), instead of waiting for hours', async () => {
		const clock = manualClock(Date.UTC(2026, 11, 3, 15, 30));
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now);
		await window.acquire();
		window.release({ dailyMax: 200000, dailyRemaining: 0 }, true);
		await expect(window.acquire()).rejects.toThrow(/daily request limit of 200000.*resets at 2026-12-04T00:00:00\.000Z/);
	});

	it('takes requests again after UTC midnight: one request checks the quota, the others wait for its answer', async () => {
		const clock = manualClock(Date.UTC(2026, 11, 3, 23, 59));
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now);
		const probe = await window.acquire();
		window.release({ dailyMax: 200000, dailyRemaining: 0 }, true, probe);
		await expect(window.acquire()).rejects.toBeInstanceOf(DailyLimitError);

		clock.advance(60_001); // 00:00:00.001 UTC
		const check = await window.acquire();
		expect(check.dailyProbe).toBe(true);
		let secondSent = false;
		const second = window.acquire().then((slot) => {
			secondSent = true;
			return slot;
		});
		await new Promise((r) => setTimeout(r, 40));
		expect(secondSent).toBe(false); // waits while the check is out
		window.release({ dailyMax: 200000, dailyRemaining: 199_999 }, true, check);
		await expect(second).resolves.toMatchObject({ dailyProbe: false });
	});

	it('checks again an hour later when GHL still says 0 after UTC midnight (its day may end at the location\'s midnight)', async () => {
		const clock = manualClock(Date.UTC(2026, 11, 3, 12, 0));
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now);
		window.release({ dailyMax: 200000, dailyRemaining: 0 }, true, await window.acquire());
		clock.advance(12 * 3_600_000);
		const check = await window.acquire();
		window.release({ dailyMax: 200000, dailyRemaining: 0 }, true, check);
		await expect(window.acquire()).rejects.toThrow(/checked again at 2026-12-04T01:00:00\.000Z/);
		clock.advance(3_600_000);
		expect((await window.acquire()).dailyProbe).toBe(true);
	});

	it('with 1 request left today and one in flight, a second caller waits for that answer instead of failing', async () => {
		const clock = manualClock();
		const window = new RateWindow({ max: 100, intervalMs: 1000 }, clock.now);
		window.release({ dailyMax: 200000, dailyRemaining: 1 }, true, await window.acquire());
		const inFlight = await window.acquire();
		const second = window.acquire();
		let settled = false;
		second.then(() => (settled = true), () => (settled = true));
		await new Promise((r) => setTimeout(r, 40));
		expect(settled).toBe(false);
		// The one in flight was refused for another reason and used nothing: the second goes.
		window.release({ dailyMax: 200000, dailyRemaining: 1 }, true, inFlight);
		await expect(second).resolves.toBeDefined();
	});
});
