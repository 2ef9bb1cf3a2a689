/**
 * Queue mode, an agency: 10 GHL locations (one Private Integration credential each) worked at the same time
 * by 10 workflows spread over the workers. Each location has its own limit, so together they move about
 * 10 × what one location alone moves, and no item fails with 429. Throughput is read from the GHL
 * sandbox's request log (served requests over the span they took), one location alone and then all ten,
 * in the same run: a ratio, never a wall time against a constant.
 */
import { startGhlSandbox } from '../../../sandbox/ghl';
import type { GhlSandbox } from '../../../sandbox/ghl';
import { QueueCluster } from '../harness/queue';
import type { LoadWorkflow } from '../harness/queueLoad';
import { contactGetWorkflow, logSummary, runAtOnce, surfacedErrors, throughputPerSecond } from '../harness/queueLoad';

const LOCATIONS = 10;
const GETS_PER_LOCATION = 30;
// GHL's 100 per 10 s scaled down 20 times in count and 10 in time, to keep the run a few seconds long.
const LIMIT = { max: 5, intervalMs: 1000 };

let cluster: QueueCluster;
let sb: GhlSandbox;
const extra = Array.from({ length: LOCATIONS - 1 }, (_, i) => ({ locationId: `queueLocation${String(i + 2).padStart(2, '0')}xx`, token: `pit-queue-location-${i + 2}` }));

beforeAll(async () => {
	sb = await startGhlSandbox({ seed: { contacts: 3 }, extraLocations: extra, rateLimit: LIMIT });
	cluster = await QueueCluster.start('locations');
});

afterAll(async () => {
	await cluster?.stop();
	await sb?.close();
});

it('10 locations synced at once move about 10 × one location, and no item fails with 429', async () => {
	const { main } = cluster;
	const locations = [{ locationId: sb.locationId, token: sb.token }, ...extra];
	const runs: Array<{ locationId: string; workflow: LoadWorkflow; ids: string[] }> = [];
	for (const [i, { locationId, token }] of locations.entries()) {
		const credential = await main.createCredential(`GHL location ${i + 1}`, 'ghlApi', { authType: 'location', token, locationId, baseUrl: sb.url });
		const workflow = await contactGetWorkflow(main, `Queue: location ${i + 1}`, credential);
		const own = [...sb.store.contacts.values()].filter((c) => c.locationId === locationId).map((c) => c.id);
		runs.push({ locationId, workflow, ids: Array.from({ length: GETS_PER_LOCATION }, (_, n) => own[n % own.length]) });
	}
	// Warm-up (unmeasured): every workflow once, so both measured runs find the node loaded on the workers.
	await runAtOnce(main, runs.map((r) => ({ workflow: r.workflow, ids: r.ids.slice(0, 1) })));
	await new Promise((r) => setTimeout(r, LIMIT.intervalMs));

	sb.clearRequests();
	const alone = await runAtOnce(main, [runs[0]]);
	const one = logSummary(sb.requests);
	await new Promise((r) => setTimeout(r, LIMIT.intervalMs));

	sb.clearRequests();
	const together = await runAtOnce(main, runs);
	const all = logSummary(sb.requests);
	const perLocation = runs.map((r) => logSummary(sb.requests.filter((q) => q.locationId === r.locationId)));

	const oneRate = throughputPerSecond(one.served, one.spanMs, LIMIT.intervalMs);
	const allRate = throughputPerSecond(all.served, all.spanMs, LIMIT.intervalMs);
	const ratio = allRate / (LOCATIONS * oneRate);
	process.stdout.write(
		`agency, ${LOCATIONS} locations at once: ${all.served} served in ${all.spanMs} ms (${allRate.toFixed(1)}/s), one location alone ${one.served} in ${one.spanMs} ms (${oneRate.toFixed(1)}/s); ratio ${ratio.toFixed(2)}; 429s answered ${all.answered429} (alone ${one.answered429})\n`,
	);
	expect(surfacedErrors([...alone, ...together])).toBe(0);
	expect(perLocation.map((l) => l.served)).toEqual(runs.map(() => GETS_PER_LOCATION));
	// Were the locations' limits shared (one pacing window for all), the ratio would be about 1 ÷ 10.
	expect(ratio).toBeGreaterThan(0.5);
});
