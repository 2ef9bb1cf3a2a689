/**
 * The queue-mode cluster P6 and P7 share within one `npm run bench` (test/e2e/harness/queue.ts: Postgres,
 * Redis, n8n main + 2 workers + 1 webhook process, the packed package in each), started on first use and
 * stopped by bench/index.ts at the end. Also keeps their rows in docs/benchmarks.md current when they are
 * run on their own (`npm run bench -- P6 P7`), between the markers below.
 */
import fs from 'node:fs';
import path from 'node:path';

import { QueueCluster } from '../../test/e2e/harness/queue';
import { machine } from '../report';
import type { CaseResult } from '../types';

let cluster: Promise<QueueCluster> | undefined;

export async function queueCluster(): Promise<QueueCluster> {
	cluster ??= QueueCluster.start('bench');
	return await cluster;
}

export async function stopQueueCluster(): Promise<void> {
	if (!cluster) return;
	const started = cluster;
	cluster = undefined;
	await (await started.catch(() => undefined))?.stop();
}

export const QUEUE_CASES = ['P6', 'P7'];
const START = '<!-- queue-bench:start -->';
const END = '<!-- queue-bench:end -->';

/** Rewrites the P6 / P7 block of docs/benchmarks.md from this run's results (a partial run). */
export function writeQueueSection(results: CaseResult[]): string | undefined {
	const ours = results.filter((r) => QUEUE_CASES.includes(r.id));
	if (!ours.length) return undefined;
	const file = path.resolve(__dirname, '../../docs/benchmarks.md');
	const cell = (t: string) => t.replace(/\|/g, '\\|');
	const block = [
		START,
		'### P6 / P7 (queue mode)',
		'',
		`Run on its own with \`npm run bench -- ${ours.map((r) => r.id).join(' ')}\`:`,
		'',
		...machine().map((l) => `- ${l}`),
		'',
		'| Case | Measure | Result | Goal | Met |',
		'| --- | --- | --- | --- | --- |',
		...ours.flatMap((r) => r.measures.map((m) => `| ${r.id} | ${cell(m.what)} | ${cell(m.value)} | ${cell(m.goal ?? '')} | ${m.met === undefined ? '' : m.met ? 'met' : 'NOT met'} |`)),
		'',
		...ours.flatMap((r) => [`#### ${r.id}: ${r.title}`, '', `- Scale: ${r.scale}`, ...r.notes.map((n) => `- ${n}`), '']),
		END,
	].join('\n');
	const text = fs.readFileSync(file, 'utf8');
	const start = text.indexOf(START);
	const end = text.indexOf(END);
	const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n${block}\n`;
	fs.writeFileSync(file, next);
	return file;
}
