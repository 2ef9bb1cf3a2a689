/**
 * `npm run sandbox -- [flags]`: starts the GHL sandbox (and the Rankr sandbox when it is part of the
 * checkout) on 127.0.0.1 and keeps them running until Ctrl-C.
 */
import fs from 'node:fs';
import path from 'node:path';

import { startGhlSandbox } from './ghl';

function flags(argv: string[]): Map<string, string | true> {
	const out = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const [name, inline] = arg.slice(2).split('=', 2);
		const next = argv[i + 1];
		if (inline !== undefined) out.set(name, inline);
		else if (next !== undefined && !next.startsWith('--')) out.set(name, argv[++i]);
		else out.set(name, true);
	}
	return out;
}

/** `--clio <action> --data '<json>' [--rankr-url http://127.0.0.1:4020]`: one Clio change on a running Rankr sandbox. */
async function clio(f: Map<string, string | true>): Promise<void> {
	const base = String(f.get('rankr-url') ?? 'http://127.0.0.1:4020');
	const res = await fetch(`${base}/_sandbox/clio/${String(f.get('clio'))}`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${String(f.get('rankr-key') ?? 'rk_sandbox_key')}`, 'Content-Type': 'application/json' },
		body: String(f.get('data') ?? '{}'),
	});
	process.stdout.write(`${res.status} ${await res.text()}\n`);
	if (!res.ok) process.exitCode = 1;
}

async function main() {
	const f = flags(process.argv.slice(2));
	if (f.has('clio')) return await clio(f);
	const num = (name: string, fallback?: number) => (f.has(name) ? Number(f.get(name)) : fallback);
	const ghl = await startGhlSandbox({
		port: num('port', 4010),
		seed: { contacts: num('seed', 50), tasksPerContact: 1, notesPerContact: 1 },
		rateLimit: f.has('no-rate-limit') ? false : { max: num('rate-max', 100), intervalMs: num('rate-interval-ms', 10_000) },
		retryAfter: f.has('retry-after'),
		faults: {
			rate429: num('fault-429'),
			rate500: num('fault-500'),
			rate502: num('fault-502'),
			rate503: num('fault-503'),
			rateReset: num('fault-reset'),
			rateSlow: num('fault-slow'),
			slowMs: num('slow-ms'),
		},
	});
	const out = [`GHL sandbox:   ${ghl.url}`, `  location ID: ${ghl.locationId}`, `  token:       ${ghl.token} (sandbox only)`];
	const closers = [ghl.close];
	if (fs.existsSync(path.join(__dirname, 'rankr', 'index.ts')) && !f.has('no-rankr')) {
		const rankr = await import('./rankr' as string);
		const sb = await rankr.startRankrSandbox({ port: num('rankr-port', 4020), seedContacts: num('rankr-seed') });
		out.push(`Rankr sandbox: ${sb.url}`, `  API key:     ${sb.apiKey} (sandbox only)`);
		closers.push(sb.close);
	}
	process.stdout.write(`${out.join('\n')}\nCtrl-C to stop.\n`);
	const stop = async () => {
		await Promise.all(closers.map((c) => c()));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	process.stderr.write(`${String(error)}\n`);
	process.exit(1);
});
