/**
 * Registered for every test file (setupFilesAfterEach): everything the file prints, and every output and
 * error of a node the harness runs, is collected and scanned for secrets once the file is done. A hit
 * fails the file, naming the secret (not showing it).
 */
import { format } from 'node:util';

import { findSecrets } from './secrets';

const collected: string[] = [];

/** The harness reports each node run's items and error here (through a global, so it also runs outside jest). */
function recordForSecretScan(label: string, value: unknown): void {
	let text: string;
	try {
		text = typeof value === 'string' ? value : JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { message: v.message, ...(v as object) } : v));
	} catch {
		text = String(value);
	}
	collected.push(`${label}: ${text}`);
}

(globalThis as { __recordForSecretScan?: typeof recordForSecretScan }).__recordForSecretScan = recordForSecretScan;

for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
	const original = console[method].bind(console);
	console[method] = (...args: unknown[]) => {
		collected.push(format(...args));
		original(...args);
	};
}
for (const stream of [process.stdout, process.stderr]) {
	const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
	stream.write = ((chunk: unknown, ...rest: unknown[]) => {
		collected.push(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
		return original(chunk, ...rest);
	}) as typeof stream.write;
}

afterAll(() => {
	const hits = findSecrets(collected.join('\n'));
	collected.length = 0;
	if (hits.length) throw new Error(`Secrets leaked into test output, node output or errors: ${[...new Set(hits)].join(', ')}`);
});
