/**
 * Ports for `npm run demo`: the usual one when it is free, else one the system picks, and a line saying
 * which (a second demo, a local n8n on 5678 or any other service must not make the demo fail).
 */
import fs from 'node:fs';
import net from 'node:net';

import { freePort } from '../test/e2e/harness/n8n';

/** Whether 127.0.0.1:`port` can be listened on now (the sandboxes and n8n listen on 127.0.0.1 only). */
export async function isPortFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});
}

/** `preferred` if it is free, else a free port; says so through `say` when it had to choose another. */
export async function pickPort(preferred: number, what: string, say: (line: string) => void): Promise<number> {
	if (await isPortFree(preferred)) return preferred;
	const port = await freePort();
	say(`${what}: port ${preferred} is taken, using ${port}\n`);
	return port;
}

/** Whether an n8n that exited early did so because its port was taken meanwhile (its log says so). */
export function n8nPortWasTaken(logFile: string): boolean {
	return fs.existsSync(logFile) && /EADDRINUSE|port \d+ is already in use/.test(fs.readFileSync(logFile, 'utf8'));
}
