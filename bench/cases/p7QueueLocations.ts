/**
 * P7: queue mode, an agency: 10 GHL locations (one credential each) worked at once by 10 workflows of GHL
 * Contact Get. Throughput of the ten together ÷ (10 × one location's alone, measured just before in the same
 * run), both from the sandbox's request log.
 */
import { startGhlSandbox } from '../../sandbox/ghl';
import type { LoadWorkflow } from '../../test/e2e/harness/queueLoad';
import { contactGetWorkflow, logSummary, runAtOnce, surfacedErrors, throughputPerSecond } from '../../test/e2e/harness/queueLoad';
import { ratio } from '../ghl';
import type { BenchCase, CaseResult } from '../types';
import { queueCluster } from './queueCluster';

const LOCATIONS = 10;
// Long enough (50 s per location) that the ten executions' start, a fixed cost of a second or two on 2 workers,
// is small next to the run, as in a real agency sync of minutes; at 60 it was a third of the run (P7 0.69).
const GETS = 500;
const LIMIT = { max: 10, intervalMs: 1000 };

export const p7: BenchCase = {
	id: 'P7',
	title: `Queue mode, agency: ${LOCATIONS} GHL locations × ${GETS} Contact Gets at once`,
	async run(): Promise<CaseResult> {
		const extra = Array.from({ length: LOCATIONS - 1 }, (_, i) => ({ locationId: `benchLocation${String(i + 2).padStart(2, '0')}xxxxx`, token: `pit-bench-location-${i + 2}` }));
		const sb = await startGhlSandbox({ seed: { contacts: 3 }, extraLocations: extra, rateLimit: LIMIT });
		try {
			const { main } = await queueCluster();
			const locations = [{ locationId: sb.locationId, token: sb.token }, ...extra];
			const runs: Array<{ locationId: string; workflow: LoadWorkflow; ids: string[] }> = [];
			for (const [i, { locationId, token }] of locations.entries()) {
				const credential = await main.createCredential(`GHL location ${i + 1} (P7)`, 'ghlApi', { authType: 'location', token, locationId, baseUrl: sb.url });
				const workflow = await contactGetWorkflow(main, `P7 location ${i + 1}`, credential);
				const own = [...sb.store.contacts.values()].filter((c) => c.locationId === locationId).map((c) => c.id);
				runs.push({ locationId, workflow, ids: Array.from({ length: GETS }, (_, n) => own[n % own.length]) });
			}
			await runAtOnce(main, runs.map((r) => ({ workflow: r.workflow, ids: r.ids.slice(0, 1) })));
			await new Promise((r) => setTimeout(r, 2 * LIMIT.intervalMs));
			sb.clearRequests();
			const alone = await runAtOnce(main, [runs[0]]);
			const one = logSummary(sb.requests);
			await new Promise((r) => setTimeout(r, 2 * LIMIT.intervalMs));
			sb.clearRequests();
			const together = await runAtOnce(main, runs);
			const all = logSummary(sb.requests);
			const perLocation = runs.map((r) => logSummary(sb.requests.filter((q) => q.locationId === r.locationId)));
			for (const r of runs) await main.api('POST', `/workflows/${r.workflow.id}/deactivate`);
			const oneRate = throughputPerSecond(one.served, one.spanMs, LIMIT.intervalMs);
			const allRate = throughputPerSecond(all.served, all.spanMs, LIMIT.intervalMs);
			const meanLocationRate = perLocation.reduce((s, l) => s + throughputPerSecond(l.served, l.spanMs, LIMIT.intervalMs), 0) / LOCATIONS;
			const value = allRate / (LOCATIONS * oneRate);
			// When each location's work started and ended, from the first request the sandbox served: how far apart
			// the ten executions ran, which the aggregate pays for and the per-location mean does not.
			const t0 = Math.min(...sb.requests.map((q) => q.receivedAt));
			const servedAt = (id: string) => sb.requests.filter((q) => q.locationId === id && q.status < 300).map((q) => q.receivedAt - t0);
			const starts = runs.map((r) => Math.min(...servedAt(r.locationId)));
			const ends = runs.map((r) => Math.max(...servedAt(r.locationId)));
			const spread = (xs: number[]) => `${(Math.min(...xs) / 1000).toFixed(1)}–${(Math.max(...xs) / 1000).toFixed(1)} s`;
			const surfaced = surfacedErrors([...alone, ...together]);
			return {
				id: 'P7',
				title: p7.title,
				scale: `${LOCATIONS} locations × ${GETS} GET /contacts/{id}; limit ${LIMIT.max} per ${LIMIT.intervalMs / 1000} s per location (GHL's real window is 10 s); n8n 2.41.1 queue mode, 2 workers`,
				measures: [
					{ what: `throughput of ${LOCATIONS} at once (${all.served} served in ${(all.spanMs / 1000).toFixed(2)} s: ${allRate.toFixed(1)}/s) ÷ (${LOCATIONS} × one location alone: ${oneRate.toFixed(1)}/s)`, value: ratio(value), goal: '≥ 0.9', met: value >= 0.9 },
					{ what: 'diagnostic: mean per-location throughput while all ran ÷ one location alone', value: ratio(meanLocationRate / oneRate) },
					{ what: 'diagnostic: the ten locations\' first and last requests served, from the first of all', value: `start ${spread(starts)}, end ${spread(ends)}` },
					{ what: '429s answered / surfaced', value: `${all.answered429 + one.answered429} / ${surfaced}`, goal: '0 surfaced', met: surfaced === 0 },
				],
				notes: [
					'Throughput is served requests ÷ (span from the first to the last served + one window), so the first window\'s burst counts as the window it used; both runs measured alike in one run.',
					'The gap between the aggregate and the per-location mean is the stagger of the ten executions starting (queued, then taken by 2 workers), not pacing: each location keeps its own window.',
				],
			};
		} finally {
			await sb.close();
		}
	},
};
