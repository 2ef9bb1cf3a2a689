/**
 * P8 / P9: GHL Rankr Sync → Sync Location against both sandboxes with the limits enforced, beside the
 * per-contact way (Sync Contact per item) on the same kind of data, in one run.
 *   P8: the first sync of 5,000 contacts with 2 tasks and 1 note each.
 *   P9: the run after 1 % of 20,000 contacts changed.
 * Both limits are scaled 10× faster than the real ones (GHL 100 per 1 s instead of per 10 s, Rankr 600 per
 * 6 s instead of per 60 s), so the ratios hold and the run takes minutes, not an hour.
 */
import type { IDataObject } from 'n8n-workflow';

import { emptyCursor } from '../../nodes/shared/sync/locationCursor';
import { contactFields, noteFields, tagSet, taskFields } from '../../nodes/shared/sync/mapping';
import { childRef, contactRef } from '../../nodes/shared/sync/refs';
import { resetRateWindows } from '../../nodes/shared/transport/pacer';
import { addNote, addTask } from '../../sandbox/rankr';
import type { SyncSandboxes } from '../../test/sync/setup';
import { FAST_GHL_LIMIT, FAST_RANKR_LIMIT, runLocation, runRankr, startSandboxes } from '../../test/sync/setup';
import { floorMs, ratio, seconds, timed } from '../ghl';
import type { BenchCase, CaseResult, Measure } from '../types';

const GHL_LIMIT = { max: 100, intervalMs: 1_000, dailyMax: 200_000 };
const RANKR_LIMIT = { max: 600, intervalMs: 6_000 };
const SCALE = 'GHL 100 requests per 1 s window (real: 10 s), Rankr 600 per 6 s (real: 60 s), both sandboxes in this process';

async function clockCaughtUp(sb: SyncSandboxes): Promise<void> {
	const latest = Math.max(...sb.ghl.store.contactsOf(sb.ghl.locationId).map((c) => Date.parse(c.dateUpdated)));
	while (Date.now() <= latest) await new Promise((resolve) => setTimeout(resolve, 5));
}

function limit(sb: SyncSandboxes, enforced: boolean): void {
	sb.ghl.setRateLimit(enforced ? GHL_LIMIT : FAST_GHL_LIMIT);
	sb.rankr.setRateLimit(enforced ? RANKR_LIMIT : FAST_RANKR_LIMIT);
	resetRateWindows();
}

/** The floor both limits imply for these request counts: the slower API sets it. */
const floor = (ghl: number, rankr: number) => Math.max(floorMs(ghl, GHL_LIMIT.max, GHL_LIMIT.intervalMs), floorMs(rankr, RANKR_LIMIT.max, RANKR_LIMIT.intervalMs));

async function syncContactPerItem(sb: SyncSandboxes, ids: string[]) {
	const ghlFrom = sb.ghl.requests.length;
	const rankrFrom = sb.rankr.requests.length;
	const { result, ms } = await timed(() => runRankr(sb, { operation: 'syncContact' }, ids.map((contactId) => ({ contactId }))));
	if (result.error) throw result.error;
	return { ms, ghl: sb.ghl.requests.length - ghlFrom, rankr: sb.rankr.requests.length - rankrFrom };
}

export const p8: BenchCase = {
	id: 'P8',
	title: 'Sync Location: first sync of 5,000 contacts with 2 tasks and 1 note each',
	async run(): Promise<CaseResult> {
		const CONTACTS = 5_000;
		const REFERENCE = 200;
		const measures: Measure[] = [];
		const notes: string[] = [];
		const sb = await startSandboxes({ seed: { contacts: CONTACTS, tasksPerContact: 2, notesPerContact: 1 } }, { validateResponses: false });
		try {
			await clockCaughtUp(sb);
			limit(sb, true);
			const { result, ms } = await timed(() => runLocation(sb, {}));
			if (result.error) throw result.error;
			const summary = result.items[0].json as IDataObject & { requests: { ghl: number; rankr: number } };
			const ghl = sb.ghl.requests.length;
			const rankr = sb.rankr.requests.length;
			const f = floor(ghl, rankr);
			measures.push(
				{ what: `GHL requests per contact (${ghl} for ${String(summary.read)} contacts, 429s answered: ${sb.ghl.requests.filter((r) => r.status === 429).length})`, value: ratio(ghl / CONTACTS), goal: '≤ 1.1', met: ghl / CONTACTS <= 1.1 },
				{ what: `Rankr requests per contact (${rankr})`, value: ratio(rankr / CONTACTS), goal: '≤ 0.2', met: rankr / CONTACTS <= 0.2 },
				{ what: `wall time ${seconds(ms)} ÷ floor ${seconds(f)} (the slower API's requests ÷ max × window)`, value: ratio(ms / f), goal: '≤ 1.15', met: ms / f <= 1.15 },
			);
			// The per-contact way on 500 of the same contacts, in fresh sandboxes with the same limits.
			const ref = await startSandboxes({ seed: { contacts: REFERENCE, tasksPerContact: 2, notesPerContact: 1 } }, { validateResponses: false });
			try {
				limit(ref, true);
				const per = await syncContactPerItem(ref, ref.ghl.store.contactsOf(ref.ghl.locationId).map((c) => c.id));
				measures.push({
					what: `reference, Sync Contact per item on ${REFERENCE} contacts: GHL / Rankr requests per contact, time per contact (ours: ${(ms / CONTACTS).toFixed(1)} ms)`,
					value: `${ratio(per.ghl / REFERENCE)} / ${ratio(per.rankr / REFERENCE)}, ${(per.ms / REFERENCE).toFixed(1)} ms`,
				});
			} finally {
				await Promise.all([ref.ghl.close(), ref.rankr.close()]);
			}
			notes.push(
				'Sync Location reads GHL by pages of 100 changed contacts (1 search), their tasks with the location task search (100 contacts, 100 tasks a request) and one notes read per contact (GHL has no bulk notes read), and writes Rankr with the contract’s batch upserts (100 records a request). The first run also scans for deletions (every GHL contact ID at 500 a page, the Rankr contacts at 100 a page).',
				'A sliding window lets the first 100 requests go at once, so a ratio to the floor a little below 1 is possible.',
			);
		} finally {
			await Promise.all([sb.ghl.close(), sb.rankr.close()]);
		}
		return { id: 'P8', title: p8.title, scale: `5,000 contacts (reference: ${REFERENCE}); ${SCALE}`, measures, notes };
	},
};

function seedRankrAsSynced(sb: SyncSandboxes): void {
	const loc = sb.ghl.locationId;
	const ghl = sb.ghl.store;
	const rankrIds = new Map<string, string>();
	for (const c of ghl.contactsOf(loc)) {
		const tags = tagSet(c.tags);
		rankrIds.set(c.id, sb.rankr.store.addContact({ externalRef: contactRef(loc, c.id), ...(contactFields(c as unknown as IDataObject) as object), tags, externalTags: tags }).id);
	}
	for (const t of ghl.tasks.values()) {
		const contactId = rankrIds.get(t.contactId);
		if (contactId) addTask(sb.rankr.store, contactId, { externalRef: childRef(loc, 'task', t.id), ...(taskFields(t as IDataObject) as { title: string }) });
	}
	for (const n of ghl.notes.values()) {
		const contactId = rankrIds.get(n.contactId);
		if (contactId) addNote(sb.rankr.store, contactId, { externalRef: childRef(loc, 'note', n.id), ...(noteFields(n as IDataObject) as { body: string }) });
	}
}

export const p9: BenchCase = {
	id: 'P9',
	title: 'Sync Location: the next run after 1 % of 20,000 contacts changed',
	async run(): Promise<CaseResult> {
		const CONTACTS = 20_000;
		const CHANGED = 200;
		const measures: Measure[] = [];
		const notes: string[] = [];
		const sb = await startSandboxes({ seed: { contacts: CONTACTS, tasksPerContact: 1, notesPerContact: 1 } }, { validateResponses: false });
		try {
			// The state an earlier full sync leaves, written straight into Rankr's store with the sync's own
			// mapping (a 20,000-contact first run against the in-memory sandbox costs minutes of its linear
			// lookups, not of the sync): every contact, task and note, and a cursor from now.
			seedRankrAsSynced(sb);
			await clockCaughtUp(sb);
			const staticData: IDataObject = { 'node:Node Under Test': { ghlRankrSyncLocation: { [sb.ghl.locationId]: emptyCursor(new Date().toISOString()) } } };
			const changed = sb.ghl.store.contactsOf(sb.ghl.locationId).filter((_, i) => i % (CONTACTS / CHANGED) === 0);
			for (const c of changed) sb.ghl.store.updateContact(c.id, { city: 'Changed City' });
			await clockCaughtUp(sb);
			limit(sb, true);
			const ghlFrom = sb.ghl.requests.length;
			const rankrFrom = sb.rankr.requests.length;
			const before = new Map([...sb.rankr.store.contacts.values()].map((c) => [c.id, c.updatedAt]));
			const { result, ms } = await timed(() => runLocation(sb, staticData));
			if (result.error) throw result.error;
			const ghlSent = sb.ghl.requests.slice(ghlFrom);
			const pages = ghlSent.filter((r) => r.method === 'POST').length;
			const written = [...sb.rankr.store.contacts.values()].filter((c) => before.get(c.id) !== c.updatedAt).length;
			measures.push(
				{ what: `GHL requests ÷ (changed contacts + pages): ${ghlSent.length} ÷ (${CHANGED} + ${pages})`, value: ratio(ghlSent.length / (CHANGED + pages)), goal: '≤ 1.2', met: ghlSent.length / (CHANGED + pages) <= 1.2 },
				{ what: `unchanged contacts written (${written} Rankr contacts written for ${CHANGED} changed)`, value: String(written - CHANGED), goal: '0', met: written === CHANGED },
				{ what: `Rankr requests, wall time`, value: `${sb.rankr.requests.length - rankrFrom}, ${seconds(ms)}` },
			);
			const per = await syncContactPerItem(sb, changed.map((c) => c.id));
			measures.push({ what: `reference, Sync Contact per item for the ${CHANGED} changed contacts (when something tells which): GHL / Rankr requests, time`, value: `${per.ghl} / ${per.rankr}, ${seconds(per.ms)}` });
			const searchPages = Math.ceil(CONTACTS / 500);
			measures.push({ what: 'reference, the old template 2’s hourly pull (every contact read and upserted; template 2 is now Sync Location), computed: GHL / Rankr requests', value: `${searchPages} / ${CONTACTS}` });
			notes.push(
				`The old template 2 reference is computed, not run: ${searchPages} search pages of 500 and one Rankr upsert per contact, ${seconds(floorMs(CONTACTS, RANKR_LIMIT.max, RANKR_LIMIT.intervalMs))} at this scale (${seconds(floorMs(CONTACTS, 600, 60_000))} at Rankr's real 600 / min) before any task or note.`,
				'Pages are the search page and the location task search requests of the run.',
			);
		} finally {
			await Promise.all([sb.ghl.close(), sb.rankr.close()]);
		}
		return { id: 'P9', title: p9.title, scale: `20,000 contacts with 1 task and 1 note, 200 changed; Rankr seeded as a full sync leaves it (the sync's own mapping), a cursor from before the changes; ${SCALE}`, measures, notes };
	},
};

const START = '<!-- sync-bench:start -->';
const END = '<!-- sync-bench:end -->';

/** P8 / P9 run on their own (`npm run bench -- P8 P9`) update their block of docs/benchmarks.md. */
export function writeSyncSection(results: CaseResult[], machineLines: string[], file: string, fs: typeof import('node:fs')): boolean {
	const ours = results.filter((r) => r.id === 'P8' || r.id === 'P9');
	if (!ours.length) return false;
	const cell = (t: string) => t.replace(/\|/g, '\\|');
	const block = [
		START,
		'### P8 / P9 (Sync Location)',
		'',
		`Run on their own with \`npm run bench -- ${ours.map((r) => r.id).join(' ')}\`:`,
		'',
		...machineLines.map((l) => `- ${l}`),
		'',
		'| Case | Measure | Result | Goal | Met |',
		'| --- | --- | --- | --- | --- |',
		...ours.flatMap((r) => r.measures.map((m) => `| ${r.id} | ${cell(m.what)} | ${cell(m.value)} | ${cell(m.goal ?? '')} | ${m.met === undefined ? '' : m.met ? 'met' : 'NOT met'} |`)),
		'',
		...ours.flatMap((r) => [`#### ${r.id}: ${r.title}`, '', `- Scale: ${r.scale}`, `- Time: ${(r.seconds ?? 0).toFixed(0)} s`, ...r.notes.map((n) => `- ${n}`), '']),
		END,
	].join('\n');
	const text = fs.readFileSync(file, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	fs.writeFileSync(file, start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n${block}\n`);
	return true;
}
