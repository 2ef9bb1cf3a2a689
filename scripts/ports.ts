/**
 * Ports for `npm run demo`: the usual one when it is free, else one the system picks, and a line saying
 * which (a second demo, a local n8n on 5678 or any other service must not make the demo fail).
 *
 * Checking that a port is free and listening on it are two steps, seconds apart for n8n, so two demos
 * started together would both see 5678 free. Each demo therefore claims the port it picks (a pid file in
 * the temp folder, see pidFile.ts) until it exits: the second demo skips a port another demo holds.
 */
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { tryClaim } from './pidFile';

/** Whether 127.0.0.1:`port` can be listened on now (the sandboxes and n8n listen on 127.0.0.1 only). */
export async function isPortFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

/** A port the system has free now (listen on 0, read it, close). */
export async function systemPort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface PickedPort {
	port: number;
	/** Gives the claim up (also done when the process exits). */
	release: () => void;
}

export interface PickOptions {
	/** Where claims are kept; the temp folder, shared by every demo of this user. */
	claimDir?: string;
	/** Where a free port comes from when `preferred` is not; the system's pick. */
	nextPort?: () => Promise<number>;
}

/** `preferred` if it is free and no other demo holds it, else a free port; says so through `say`. */
export async function pickPort(preferred: number, what: string, say: (line: string) => void, options: PickOptions = {}): Promise<PickedPort> {
	const claimDir = options.claimDir ?? os.tmpdir();
	const nextPort = options.nextPort ?? systemPort;
	let candidate = preferred;
	for (let attempt = 0; attempt < 20; attempt++) {
		const release = tryClaim(path.join(claimDir, `n8n-nodes-ghl-rankr-port-${candidate}.pid`));
		if (release) {
			if (await isPortFree(candidate)) {
				if (candidate !== preferred) say(`${what}: port ${preferred} is taken, using ${candidate}\n`);
				return { port: candidate, release };
			}
			release();
		}
		candidate = await nextPort();
	}
	throw new Error(`${what}: found no free port (tried ${preferred} and 19 others)`);
}

/** Whether `error` (or the log of an n8n that exited early) says a port was taken meanwhile. */
export function portWasTaken(error: unknown, log = ''): boolean {
	return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' || /EADDRINUSE|port \d+ is already in use/.test(log);
}
