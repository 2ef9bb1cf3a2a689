/**
 * `npm run demo` as a newcomer runs it: the process stays up, prints where to log in, and that login
 * shows our nodes, the credentials and every template; Ctrl-C stops n8n and both sandboxes.
 */
import { spawn } from 'node:child_process';

import { PACKAGE, ROOT } from './harness/n8n';
import { readTemplate, templateFiles } from './harness/templates';

/** Lines the demo prints once everything is up, read off its stdout (throws if it exits first). */
function waitForBanner(child: ReturnType<typeof spawn>, output: { text: string }): Promise<void> {
	return new Promise((resolve, reject) => {
		child.stdout?.on('data', (chunk: Buffer) => {
			output.text += chunk.toString('utf8');
			if (output.text.includes('Ctrl-C stops')) resolve();
		});
		child.stderr?.on('data', (chunk: Buffer) => (output.text += chunk.toString('utf8')));
		child.once('exit', (code) => reject(new Error(`npm run demo exited (${code}) before it was up:\n${output.text.slice(-2000)}`)));
	});
}

async function answers(url: string): Promise<boolean> {
	try {
		await fetch(url);
		return true;
	} catch {
		return false;
	}
}

/** The URLs that still answer after `withinMs` (checked every half second until none does). */
async function stillAnswering(urls: string[], withinMs: number): Promise<string[]> {
	const deadline = Date.now() + withinMs;
	for (;;) {
		const up: string[] = [];
		for (const url of urls) if (await answers(url)) up.push(url);
		if (!up.length || Date.now() > deadline) return up;
		await new Promise((r) => setTimeout(r, 500));
	}
}

describe('npm run demo', () => {
	it('stays up and prints a URL and login that show our nodes, three credentials and every template; Ctrl-C stops it all', async () => {
		const { NODE_ENV: _jest, ...env } = process.env;
		// Its own process group, so Ctrl-C can be sent the way a terminal sends it: to npm and all below it.
		const child = spawn('npm', ['run', '--silent', 'demo'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const output = { text: '' };
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		try {
			await waitForBanner(child, output);
			const n8nUrl = /^n8n:\s+(http:\/\/127\.0\.0\.1:\d+)\s*$/m.exec(output.text)?.[1];
			const login = /^\s+login:\s+(\S+) \/ (\S+)/m.exec(output.text);
			const ghlUrl = /^GHL sandbox:\s+(http:\/\/127\.0\.0\.1:\d+)/m.exec(output.text)?.[1];
			const rankrUrl = /^Rankr sandbox:\s+(http:\/\/127\.0\.0\.1:\d+)/m.exec(output.text)?.[1];
			expect([n8nUrl, login?.[1], ghlUrl, rankrUrl].every(Boolean)).toBe(true);

			// Log in with what was printed, as a person would in the browser.
			const loggedIn = await fetch(`${n8nUrl}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: login![1], password: login![2] }),
			});
			expect(loggedIn.status).toBe(200);
			const cookie = loggedIn.headers.get('set-cookie')!.split(';')[0];
			const rest = async (p: string) => ((await (await fetch(`${n8nUrl}${p}`, { headers: { cookie } })).json()) as { data: any }).data ?? [];

			const types = (await (await fetch(`${n8nUrl}/types/nodes.json`, { headers: { cookie } })).json()) as Array<{ name: string }>;
			const ours = new Set(types.map((t) => t.name).filter((n) => n.startsWith(`${PACKAGE}.`)));
			// ghlTool, rankrTool, ghlRankrSyncTool: n8n's AI-tool versions of the three usableAsTool nodes.
			expect([...ours].sort()).toEqual(['ghl', 'ghlPollingTrigger', 'ghlRankrSync', 'ghlRankrSyncTool', 'ghlTool', 'ghlTrigger', 'rankr', 'rankrTool', 'rankrTrigger'].map((n) => `${PACKAGE}.${n}`));

			const credentials = (await rest('/rest/credentials')) as Array<{ name: string; type: string }>;
			expect(credentials.map((c) => c.type).sort()).toEqual(['ghlApi', 'ghlOAuth2Api', 'rankrApi']);

			const workflows = (await rest('/rest/workflows')) as Array<{ name: string }>;
			expect(workflows.map((w) => w.name).sort()).toEqual(templateFiles().map((f) => String(readTemplate(f).name)).sort());
			expect(workflows).toHaveLength(5);

			// The sandboxes the credentials point at are up.
			expect(await answers(`${ghlUrl}/`)).toBe(true);
			expect(await answers(`${rankrUrl}/`)).toBe(true);

			// npm itself dies of the SIGINT, as in a terminal; the demo below it shuts n8n and the sandboxes down.
			process.kill(-child.pid!, 'SIGINT');
			await exited;
			expect(await stillAnswering([n8nUrl!, ghlUrl!, rankrUrl!], 30_000)).toEqual([]);
		} finally {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// the group is gone already
			}
		}
	});
});
