/** Prints the results side by side and writes docs/benchmarks.md from a full run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { CaseResult } from './types';

export function machine(): string[] {
	const cpus = os.cpus();
	return [
		`CPU: ${cpus[0]?.model ?? 'unknown'} × ${cpus.length} cores`,
		`Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
		`Node.js: ${process.version} (${os.platform()} ${os.arch()})`,
		`Date: ${new Date().toISOString()}`,
		// Other work on the machine skews wall times; the load at the start says how much.
		`Load average at start (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
	];
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'NOT met');

export function printResult(result: CaseResult): void {
	console.log(`\n== ${result.id}: ${result.title} (${result.seconds?.toFixed(1)} s)`);
	console.log(`   scale: ${result.scale}`);
	for (const m of result.measures) {
		console.log(`   ${m.what}: ${m.value}${m.goal ? `   [goal ${m.goal}: ${verdict(m.met)}]` : ''}`);
	}
	for (const note of result.notes) console.log(`   - ${note}`);
}

export function markdown(results: CaseResult[], totalSeconds: number): string {
	const lines = [
		'# Benchmarks',
		'',
		'Produced by `npm run bench` (cases in `bench/`, one process, one sandbox per case, on this machine); ' +
			'rerun it to refresh this page. Wall times are never asserted in the test suite: they depend on the machine and on the limit, not only on the code.',
		'',
		'## Machine',
		'',
		...machine().map((l) => `- ${l}`),
		`- Whole run: ${totalSeconds.toFixed(0)} s`,
		...(os.loadavg()[0] > os.cpus().length
			? [
					'',
					`The machine was shared with other work during this run (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores at the end), ` +
						'so wall-time ratios can be off by tens of percent from a quiet machine, mostly against us: the sandbox and n8n compete with the node for the same cores.',
				]
			: []),
		'',
		'## Time scales',
		'',
		...results.map((r) => `- **${r.id}**: ${r.scale}`),
		'',
		'## Results',
		'',
		'| Case | Measure | Result | Goal | Met |',
		'| --- | --- | --- | --- | --- |',
		...results.flatMap((r) => r.measures.map((m) => `| ${r.id} | ${cell(m.what)} | ${cell(m.value)} | ${cell(m.goal ?? '')} | ${verdict(m.met)} |`)),
		'',
		'## Notes, and causes of goals not met',
		'',
		...results.flatMap((r) => [`### ${r.id}: ${r.title}`, '', ...r.notes.map((n) => `- ${n}`), '']),
	];
	return `${lines.join('\n').trimEnd()}\n`;
}

export function writeDocs(results: CaseResult[], totalSeconds: number): string {
	const file = path.resolve(__dirname, '../docs/benchmarks.md');
	fs.writeFileSync(file, markdown(results, totalSeconds));
	return file;
}
