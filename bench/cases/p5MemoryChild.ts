/**
 * P5's measuring side, run in its own process (`--expose-gc`) so nothing else lives in its heap: Return All
 * of every contact of a sandbox served by the parent, sampling memory while it runs. Prints one JSON line.
 */
import '../env';

import { runOurs } from '../ghl';

const [url, token, locationId] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

async function main(): Promise<void> {
	// Load and warm everything the run touches, so the baseline is not taken before module loading.
	await runOurs({ url, token, locationId }, { resource: 'contact', operation: 'getMany', returnAll: false, limit: 1 });
	gc?.();
	const before = process.memoryUsage();
	let peakHeap = before.heapUsed;
	let peakRss = before.rss;
	const sample = () => {
		const now = process.memoryUsage();
		peakHeap = Math.max(peakHeap, now.heapUsed);
		peakRss = Math.max(peakRss, now.rss);
	};
	const timer = setInterval(sample, 10);
	const result = await runOurs({ url, token, locationId }, { resource: 'contact', operation: 'getMany', returnAll: true });
	sample();
	clearInterval(timer);
	gc?.();
	const after = process.memoryUsage();
	const jsonBytes = Buffer.byteLength(JSON.stringify(result.items.map((i) => i.json)));
	console.log(
		JSON.stringify({
			items: result.items.length,
			errors: result.items.filter((i) => i.json.error !== undefined).length + (result.error ? 1 : 0),
			jsonBytes,
			heapBefore: before.heapUsed,
			heapPeakDelta: peakHeap - before.heapUsed,
			heapRetainedDelta: after.heapUsed - before.heapUsed,
			rssBefore: before.rss,
			rssPeakDelta: peakRss - before.rss,
		}),
	);
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
