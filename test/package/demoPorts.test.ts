/**
 * `npm run demo` must not fail with EADDRINUSE when its usual ports are taken: its port picker
 * (scripts/ports.ts) skips a port something listens on, and one another demo has claimed but not yet
 * listens on; it says which port it used instead.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { isPortFree, pickPort, systemPort } from '../../scripts/ports';

async function listening(): Promise<net.Server> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return server;
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

describe('demo port picker', () => {
	let claimDir: string;
	const said: string[] = [];
	const say = (line: string) => said.push(line);
	const servers: net.Server[] = [];
	beforeEach(() => {
		claimDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-ports-'));
		said.length = 0;
	});
	afterEach(async () => {
		for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
		fs.rmSync(claimDir, { recursive: true, force: true });
	});

	it('uses the usual port when it is free, and says nothing', async () => {
		const usual = await systemPort();
		const picked = await pickPort(usual, 'GHL sandbox', say, { claimDir });
		expect(picked.port).toBe(usual);
		expect(said).toEqual([]);
		picked.release();
	});

	it('skips a port another service listens on and says which one it used instead', async () => {
		const taken = await listening();
		servers.push(taken);
		const picked = await pickPort(portOf(taken), 'n8n', say, { claimDir });
		expect(picked.port).not.toBe(portOf(taken));
		expect(await isPortFree(picked.port)).toBe(true);
		expect(said).toEqual([`n8n: port ${portOf(taken)} is taken, using ${picked.port}\n`]);
		picked.release();
	});

	it('skips a port a second demo picked and has not started listening on yet', async () => {
		const usual = await systemPort();
		const first = await pickPort(usual, 'n8n', say, { claimDir });
		const second = await pickPort(usual, 'n8n', say, { claimDir });
		expect(first.port).toBe(usual);
		expect(second.port).not.toBe(usual);
		first.release();
		second.release();
		// Given up, the port is the usual one again.
		const third = await pickPort(usual, 'n8n', say, { claimDir });
		expect(third.port).toBe(usual);
		third.release();
	});

	it('takes over the claim of a demo that was killed', async () => {
		const usual = await systemPort();
		const gone = spawnSync(process.execPath, ['-e', '']).pid;
		fs.writeFileSync(path.join(claimDir, `n8n-nodes-ghl-rankr-port-${usual}.pid`), String(gone));
		const picked = await pickPort(usual, 'n8n', say, { claimDir });
		expect(picked.port).toBe(usual);
		picked.release();
	});
});
