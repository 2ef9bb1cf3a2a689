/**
 * P2: 1,000 contact updates, one request per item, with the sandbox enforcing 100 requests per window.
 * Ours against the floor the limit allows; then the built-in HighLevel node on the same items.
 */
import type { IDataObject } from 'n8n-workflow';

import { startGhlSandbox } from '../../sandbox/ghl';
import type { GhlSandbox } from '../../sandbox/ghl';
import { loadBuiltinHighLevel } from '../builtinHighLevel';
import { floorMs, freshPacer, outcome, ratio, runOurs, seconds, timed } from '../ghl';
import type { BenchCase, CaseResult, Measure } from '../types';

const UPDATES = 1_000;
const MAX = 100;
const WINDOW_MS = 1_000;

export const p2: BenchCase = {
	id: 'P2',
	title: `${UPDATES.toLocaleString('en')} per-item contact updates, rate limit enforced`,
	async run(): Promise<CaseResult> {
		const measures: Measure[] = [];
		const notes: string[] = [];
		const sb = await startGhlSandbox({ seed: { contacts: UPDATES }, rateLimit: { max: MAX, intervalMs: WINDOW_MS } });
		const items: IDataObject[] = sb.store.contactsOf(sb.locationId).map((c, n) => ({ id: c.id, city: `City ${n}` }));
		try {
			freshPacer();
			sb.clearRequests();
			const { result, ms } = await timed(() =>
				runOurs(sb, { resource: 'contact', operation: 'update', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, updateFields: { city: '={{ $json.city }}' } }, items),
			);
			const o = outcome(sb, result);
			const applied = items.filter((i) => sb.store.contacts.get(String(i.id))?.city === i.city).length;
			const floor = floorMs(UPDATES, MAX, WINDOW_MS);
			measures.push({
				what: `ours: ${applied} of ${UPDATES} updates applied, ${o.errorItems} failed items, ${o.requests} requests (${o.statusText}), ${seconds(ms)} vs floor ${seconds(floor)}; ours ÷ floor`,
				value: ratio(ms / floor),
				goal: '≤ 1.10, 0 failed items',
				met: ms / floor <= 1.1 && o.errorItems === 0 && applied === UPDATES,
			});
			notes.push(
				`The floor is requests ÷ max × window = ${UPDATES} ÷ ${MAX} × ${WINDOW_MS / 1000} s. A sliding window lets the first ${MAX} go at once, ` +
					`so the strict minimum is one window less (${seconds(floor - WINDOW_MS)} plus the last requests' own time): a ratio below 1 is possible and not an error.`,
			);
			measures.push(...(await builtin(sb, items, notes)));
		} finally {
			await sb.close();
		}
		return { id: 'P2', title: p2.title, scale: `${UPDATES.toLocaleString('en')} items; limit ${MAX} requests per ${WINDOW_MS / 1000} s window (GHL's real window is 10 s)`, measures, notes };
	},
};

async function builtin(sb: GhlSandbox, items: IDataObject[], notes: string[]): Promise<Measure[]> {
	let node;
	try {
		node = loadBuiltinHighLevel();
	} catch (error) {
		notes.push(`The built-in HighLevel node could not be loaded: ${(error as Error).message}`);
		return [];
	}
	// A fresh window, so it starts where ours started.
	sb.setRateLimit({ max: MAX, intervalMs: WINDOW_MS });
	sb.clearRequests();
	const marked: IDataObject[] = items.map((i) => ({ ...i, city: `${String(i.city)} (built-in)` }));
	const { result, ms } = await timed(() =>
		node.run(sb, { resource: 'contact', operation: 'update', contactId: '={{ $json.id }}', updateFields: { city: '={{ $json.city }}' } }, marked),
	);
	const o = outcome(sb, result);
	const applied = marked.filter((i) => sb.store.contacts.get(String(i.id))?.city === i.city).length;
	notes.push(
		`n8n's HighLevel node (n8n-nodes-base ${node.version}, v2, Contact → Update, continue on fail) applied ${applied} of ${UPDATES} updates; ` +
			`${o.errorItems} items failed, ${o.requests} requests (${o.statusText}), ${seconds(ms)}. It does not pace itself nor wait out a 429, so every request over the limit is a failed item.`,
	);
	return [{ what: `built-in HighLevel node: updates applied / failed items / 429s, time`, value: `${applied} / ${o.errorItems} / ${o.tooMany}, ${seconds(ms)}` }];
}
