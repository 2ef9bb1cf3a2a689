/** What the two-way soak counts in the sandboxes' request logs (the definitions are in twoWay.soak.e2e.test.ts). */
import { edits, isSyncWrite, pairs, world } from './twoWayWorld';

export interface Tally {
	sync: number;
	echo: Array<string>;
	crossing: number;
	bookkeeping: number;
	unprompted: string[];
}


export function tally(side: 'ghl' | 'rankr', fromSeq: number): Tally {
	const log = (side === 'ghl' ? world.ghl.requests : world.rankr.requests).filter((r) => r.seq > fromSeq);
	const writes = log.filter(isSyncWrite);
	const out: Tally = { sync: writes.length, echo: [], crossing: 0, bookkeeping: 0, unprompted: [] };
	for (const w of writes) {
		if (!w.changed) {
			out.echo.push(`${w.method} ${w.path} ${w.rawBody.slice(0, 200)}`);
			continue;
		}
		if (!w.dataChanged) {
			out.bookkeeping++;
			continue;
		}
		out.crossing++;
		const id = side === 'ghl' ? /^\/contacts\/([^/]+)/.exec(w.path)?.[1] : /^\/v1\/contacts\/(ctc_[^/]+)/.exec(w.path)?.[1];
		const pair = pairs.find((p) => (side === 'ghl' ? p.ghlId : p.rankrId) === id || (side === 'rankr' && w.path === '/v1/contacts/upsert' && (w.body as { externalRef?: string }).externalRef?.endsWith(`:${p.ghlId}`)));
		if (!pair) continue; // a contact created by the sync while the 200 were made
		const other = side === 'ghl' ? 'rankr' : 'ghl';
		const prompted = edits.some((e) => e.side === other && e.at <= w.receivedAt && (e.pair === pair || e.pair.mergedInto === pair || pair.mergedInto === e.pair));
		if (!prompted) out.unprompted.push(`${w.method} ${w.path} ${w.rawBody.slice(0, 200)}`);
	}
	return out;
}

export const sortedSet = (list: string[]) => [...new Set(list)].sort();
