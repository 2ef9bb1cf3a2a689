/**
 * `npm run demo` as a newcomer runs it: the process stays up, prints where to log in, and that login
 * shows our nodes, the credentials and every template; Ctrl-C stops n8n and both sandboxes. Two demos at
 * once come up on ports of their own (the second finds the usual ones taken) and stop the same way.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

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

/** Every process below `pid` now (n8n, its task runner, ts-node, …), read from ps. */
function descendants(pid: number): number[] {
	const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.map((line) => line.trim().split(/\s+/).map(Number));
	const found: number[] = [];
	const parents = [pid];
	while (parents.length) {
		const parent = parents.pop()!;
		for (const [child, ppid] of rows) {
			if (ppid !== parent) continue;
			found.push(child);
			parents.push(child);
		}
	}
	return found;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** The processes of `pids` still running after `withinMs` (checked every half second until none is). */
async function stillRunning(pids: number[], withinMs: number): Promise<number[]> {
	const deadline = Date.now() + withinMs;
	for (;;) {
		const up = pids.filter(alive);
		if (!up.length || Date.now() > deadline) return up;
		await new Promise((r) => setTimeout(r, 500));
	}
}

interface Demo {
	child: ChildProcess;
	output: { text: string };
	exited: Promise<void>;
}

function startDemo(): Demo {
	const { NODE_ENV: _jest, ...env } = process.env;
	// Its own process group, so Ctrl-C can be sent the way a terminal sends it: to npm and all below it.
	const child = spawn('npm', ['run', '--silent', 'demo'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return { child, output: { text: '' }, exited };
}

function killGroup(demo: Demo): void {
	try {
		process.kill(-demo.child.pid!, 'SIGKILL');
	} catch {
		// the group is gone already
	}
}

/** Logs in with what the demo printed, checks what it set up; returns the URLs it printed. */
async function checkDemo(output: string): Promise<{ n8nUrl: string; ghlUrl: string; rankrUrl: string }> {
	const n8nUrl = /^n8n:\s+(http:\/\/127\.0\.0\.1:\d+)\s*$/m.exec(output)?.[1];
	const login = /^\s+login:\s+(\S+) \/ (\S+)/m.exec(output);
	const ghlUrl = /^GHL sandbox:\s+(http:\/\/127\.0\.0\.1:\d+)/m.exec(output)?.[1];
	const rankrUrl = /^Rankr sandbox:\s+(http:\/\/127\.0\.0\.1:\d+)/m.exec(output)?.[1];
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
	expect(workflows.length).toBeGreaterThanOrEqual(5);

	// The sandboxes the credentials point at are up.
	expect(await answers(`${ghlUrl}/`)).toBe(true);
	expect(await answers(`${rankrUrl}/`)).toBe(true);
	return { n8nUrl: n8nUrl!, ghlUrl: ghlUrl!, rankrUrl: rankrUrl! };
}

const portOf = (url: string) => Number(new URL(url).port);

describe('npm run demo', () => {
	it('stays up and prints a URL and login that show our nodes, three credentials and every template; Ctrl-C stops it all', async () => {
		const demo = startDemo();
		try {
			await waitForBanner(demo.child, demo.output);
			const urls = await checkDemo(demo.output.text);
			const started = descendants(demo.child.pid!);

			// npm itself dies of the SIGINT, as in a terminal; the demo below it shuts n8n and the sandboxes down.
			process.kill(-demo.child.pid!, 'SIGINT');
			await demo.exited;
			expect(await stillAnswering(Object.values(urls), 30_000)).toEqual([]);
			expect(await stillRunning(started, 30_000)).toEqual([]);
		} finally {
			killGroup(demo);
		}
	});

	it('twice at once: both come up on ports of their own, say which ports they chose, both logins work, and Ctrl-C stops both and all they started', async () => {
		const demos = [startDemo(), startDemo()];
		try {
			await Promise.all(demos.map((demo) => waitForBanner(demo.child, demo.output)));
			const urls = [await checkDemo(demos[0].output.text), await checkDemo(demos[1].output.text)];
			for (const key of ['n8nUrl', 'ghlUrl', 'rankrUrl'] as const) expect(portOf(urls[0][key])).not.toBe(portOf(urls[1][key]));
			// One of them at least found the usual ports taken (by the other); whichever did says what it used.
			const usual = { n8nUrl: [5678, 'n8n'], ghlUrl: [4010, 'GHL sandbox'], rankrUrl: [4020, 'Rankr sandbox'] } as const;
			for (const key of ['n8nUrl', 'ghlUrl', 'rankrUrl'] as const) {
				const [port, what] = usual[key];
				expect(urls.filter((u) => portOf(u[key]) === port).length).toBeLessThanOrEqual(1);
				urls.forEach((u, i) => {
					if (portOf(u[key]) !== port) expect(demos[i].output.text).toContain(`${what}: port ${port} is taken, using ${portOf(u[key])}`);
				});
			}
			const started = demos.flatMap((demo) => descendants(demo.child.pid!));
			expect(started.length).toBeGreaterThan(2);

			for (const demo of demos) process.kill(-demo.child.pid!, 'SIGINT');
			await Promise.all(demos.map((demo) => demo.exited));
			expect(await stillAnswering(urls.flatMap((u) => Object.values(u)), 30_000)).toEqual([]);
			expect(await stillRunning(started, 30_000)).toEqual([]);
		} finally {
			demos.forEach(killGroup);
		}
	});
});
