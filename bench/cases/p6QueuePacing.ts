/**
 * P6: queue mode, 4 workflows (taken by different workers) of GHL Contact Get all on one location at once.
 * Time from firing them to the last GHL request served, ÷ the rate-limit floor (requests ÷ max × window);
 * 429s the sandbox had to answer; 429s that reached an item or failed an execution.
 */
import { startGhlSandbox } from '../../sandbox/ghl';
import { contactGetWorkflow, logSummary, runAtOnce, surfacedErrors } from '../../test/e2e/harness/queueLoad';
import { ratio, seconds } from '../ghl';
import type { BenchCase, CaseResult } from '../types';
import { queueCluster } from './queueCluster';

const WORKFLOWS = 4;
const GETS = 50;
// GHL's 100 per 10 s scaled to 20 per 1 s (the pacing e2e test's scale), so 200 requests have a 10 s floor.
const LIMIT = { max: 20, intervalMs: 1000 };

export const p6: BenchCase = {
	id: 'P6',
	title: `Queue mode: ${WORKFLOWS} workflows × ${GETS} Contact Gets on one GHL location at once`,
	async run(): Promise<CaseResult> {
		const sb = await startGhlSandbox({ seed: { contacts: GETS }, rateLimit: LIMIT });
		try {
			const cluster = await queueCluster();
			const { main } = cluster;
			const credential = await main.createCredential('GHL sandbox (P6)', 'ghlApi', { authType: 'location', token: sb.token, locationId: sb.locationId, baseUrl: sb.url });
			const ids = [...sb.store.contacts.keys()].slice(0, GETS);
			const workflows = [];
			for (let w = 0; w < WORKFLOWS; w++) workflows.push(await contactGetWorkflow(main, `P6 workflow ${w + 1}`, credential));
			// Warm-up (unmeasured), then a full window of quiet so the measured run starts with the limit unused.
			await runAtOnce(main, workflows.map((workflow) => ({ workflow, ids: ids.slice(0, 1) })));
			await new Promise((r) => setTimeout(r, 2 * LIMIT.intervalMs));
			sb.clearRequests();
			const fired = Date.now();
			const executions = await runAtOnce(main, workflows.map((workflow) => ({ workflow, ids })));
			const log = logSummary(sb.requests);
			const lastServed = Math.max(...sb.requests.filter((r) => r.status === 200).map((r) => r.receivedAt));
			const timeMs = lastServed - fired;
			const floorMs = (log.served / LIMIT.max) * LIMIT.intervalMs;
			const surfaced = surfacedErrors(executions);
			const byWorker = executions.map((e) => cluster.workerThatRan(e.id) + 1);
			for (const workflow of workflows) await main.api('POST', `/workflows/${workflow.id}/deactivate`);
			return {
				id: 'P6',
				title: p6.title,
				scale: `${WORKFLOWS} × ${GETS} GET /contacts/{id} on one location; limit ${LIMIT.max} per ${LIMIT.intervalMs / 1000} s (GHL's real window is 10 s); n8n 2.41.1 queue mode, 2 workers, 1 webhook process`,
				measures: [
					{ what: `time from firing to the last request served (${seconds(timeMs)}) ÷ floor (${log.served} requests ÷ ${LIMIT.max} × ${LIMIT.intervalMs / 1000} s = ${seconds(floorMs)})`, value: ratio(timeMs / floorMs), goal: '≤ 1.15', met: timeMs / floorMs <= 1.15 },
					{ what: '429s GHL had to answer (sandbox log), each waited out and retried by the node', value: String(log.answered429) },
					{ what: '429s surfaced (failed items or executions)', value: String(surfaced), goal: '0', met: surfaced === 0 },
				],
				notes: [
					`Executions ran on workers ${byWorker.join(', ')} (from their logs); ${log.served + log.answered429} requests reached the sandbox, ${log.served} served.`,
					'The floor lets the first window go at once, so a ratio a little under 1 is possible; time includes n8n taking each execution off the queue.',
					'A 429 answered is a request that found the window already used by another process (each n8n process paces in its own memory and learns of the others only from GHL\'s X-RateLimit-* headers); the node waits it out and retries it.',
					...(timeMs / floorMs > 1.15
						? [
								`Goal missed with ${log.answered429} 429s answered (each costs its request a round trip and a short wait). Each process learns its share of the window from X-RateLimit-Remaining, so the shares start small and grow while the workers ramp up, the one left last takes the window back only once the other's requests have left GHL's count (about an interval), and every slot is held past GHL's count of it (GHL counts a request when it arrives, which the node cannot see): alone until its answer plus one interval, while sharing until its sending plus one interval plus three quarters of its round trip, which costs part of an answer's latency per slot and grows with the machine's load. The pacing simulation shows the same growth with latency (test/transport/pacing.sim.test.ts, 8 processes: 1.05, 1.11 and 1.24 × floor with answers taking 1-5, 5-30 and 20-100 units of a 300-unit interval).`,
							]
						: []),
				],
			};
		} finally {
			await sb.close();
		}
	},
};
