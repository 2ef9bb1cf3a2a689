/**
 * `npm run bench [-- P1 P3 ...]`: runs the selected cases (all by default) one after another in this
 * process and prints each case's numbers. A full run also rewrites docs/benchmarks.md.
 */
import './env';

import fs from 'node:fs';
import path from 'node:path';

import { p1 } from './cases/p1ReturnAll';
import { p2 } from './cases/p2Updates';
import { p3 } from './cases/p3Throughput';
import { p4 } from './cases/p4Webhooks';
import { p5 } from './cases/p5Memory';
import { p6 } from './cases/p6QueuePacing';
import { p7 } from './cases/p7QueueLocations';
import { p8, p9, writeSyncSection } from './cases/p8p9SyncLocation';
import { stopQueueCluster, writeQueueSection } from './cases/queueCluster';
import { machine, printResult, writeDocs } from './report';
import type { BenchCase, CaseResult } from './types';

const CASES: BenchCase[] = [p1, p2, p3, p4, p5, p6, p7, p8, p9];

async function main(): Promise<void> {
	const wanted = process.argv.slice(2).map((a) => a.toUpperCase());
	const unknown = wanted.filter((w) => !CASES.some((c) => c.id === w));
	if (unknown.length) throw new Error(`Unknown case(s) ${unknown.join(', ')}; known: ${CASES.map((c) => c.id).join(' ')}`);
	const selected = wanted.length ? CASES.filter((c) => wanted.includes(c.id)) : CASES;
	console.log(machine().join('\n'));
	const started = Date.now();
	const results: CaseResult[] = [];
	for (const bench of selected) {
		const caseStart = Date.now();
		let result: CaseResult;
		try {
			result = await bench.run();
		} catch (error) {
			// One case failing to run is reported, and the others still run.
			result = { id: bench.id, title: bench.title, scale: 'not run', measures: [], notes: [`The case failed to run: ${(error as Error).stack ?? error}`] };
		}
		result.seconds = (Date.now() - caseStart) / 1000;
		printResult(result);
		results.push(result);
	}
	await stopQueueCluster();
	const total = (Date.now() - started) / 1000;
	console.log(`\nWhole run: ${total.toFixed(1)} s`);
	if (selected.length === CASES.length) console.log(`Wrote ${writeDocs(results, total)}`);
	else {
		const file = writeQueueSection(results);
		if (file) console.log(`Wrote the P6 / P7 block of ${file}`);
		const docs = path.resolve(__dirname, '../docs/benchmarks.md');
		if (writeSyncSection(results, machine(), docs, fs)) console.log(`Wrote the P8 / P9 block of ${docs}`);
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
