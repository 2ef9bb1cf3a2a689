/**
 * n8n in queue mode on 127.0.0.1: Postgres and Redis (scripts/e2e/queue-services.sh), one main process,
 * two workers (`n8n worker`) and one webhook process (`n8n webhook`), all sharing the database, Redis and
 * the encryption key; each process has its own user folder with the packed package installed in
 * `.n8n/nodes`, as n8n's queue-mode docs ask (every process loads community nodes itself).
 *
 * One cluster serves every queue test file of a jest run (starting one costs about a minute on 2 cores):
 * test/e2e/harness/queueGlobalSetup.ts names a state file, the first file to ask starts the cluster and writes
 * its processes there, later files adopt them, and the global teardown stops them. A file's `stop()` on the
 * shared cluster only tidies up (deactivates every workflow, restarts a worker it killed).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { N8n, ROOT, ensureN8nInstalled, freePort, installPackage, packPackage } from './n8n';

const SERVICES = path.join(ROOT, 'scripts/e2e/queue-services.sh');
/** Set by the e2e suite's global setup: where the shared cluster's processes are written down. */
export const SHARED_STATE_ENV = 'GHL_RANKR_QUEUE_STATE';

type Command = 'start' | 'worker' | 'webhook';

interface ProcessState {
	name: string;
	command: Command;
	port: number;
	folder: string;
	logFile: string;
	readinessUrl: string;
	env: Record<string, string>;
	pid?: number;
}

interface ClusterState {
	base: string;
	apiKey: string;
	cookie: string;
	processes: ProcessState[];
}

export interface QueueOptions {
	workers?: number;
	env?: Record<string, string>;
}

export class QueueCluster {
	main!: N8n;
	workers: N8n[] = [];
	webhook!: N8n;
	private processes: ProcessState[] = [];

	private constructor(
		readonly base: string,
		/** Shared clusters outlive the test file; the global teardown stops them. */
		private readonly shared: boolean,
	) {}

	get all(): N8n[] {
		return [this.main, ...this.workers, this.webhook].filter(Boolean);
	}

	/**
	 * The suite's shared cluster when the global setup named a state file and no special options are asked
	 * for; otherwise a cluster of this file's own, which `stop()` ends.
	 */
	static async start(label: string, options: QueueOptions = {}): Promise<QueueCluster> {
		const statePath = process.env[SHARED_STATE_ENV];
		const plain = options.env === undefined && (options.workers ?? 2) === 2;
		if (!statePath || !plain) return await QueueCluster.launch(label, options, false);
		if (fs.existsSync(statePath)) return await QueueCluster.adopt(JSON.parse(fs.readFileSync(statePath, 'utf8')) as ClusterState);
		const cluster = await QueueCluster.launch('shared', {}, true);
		cluster.save();
		return cluster;
	}

	private static async launch(label: string, options: QueueOptions, shared: boolean): Promise<QueueCluster> {
		ensureN8nInstalled();
		const tarball = packPackage(); // before anything starts: a failed build leaves nothing running
		const base = fs.mkdtempSync(path.join(os.tmpdir(), `ghl-rankr-queue-${label}-`));
		fs.chmodSync(base, 0o755); // postgres runs as its own user and must reach its data folder
		const cluster = new QueueCluster(base, shared);
		const out = execFileSync('bash', [SERVICES, 'start', path.join(base, 'services')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
		const ports = Object.fromEntries(out.trim().split('\n').map((line) => line.split('=')));
		const webhookPort = await freePort();
		const common: Record<string, string> = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: ports.PG_PORT,
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: ports.REDIS_PORT,
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// As behind a load balancer: the URL webhook nodes register is the webhook process's.
			WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/`,
			// A job whose worker died is noticed in seconds, not n8n's default minutes (lock 60 s, stalled check
			// 30 s, queue recovery 180 min), so the killed-worker test sees n8n mark it crashed.
			QUEUE_WORKER_LOCK_DURATION: '10000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.25',
			...options.env,
		};
		const make = async (name: string, command: Command, port?: number): Promise<ProcessState> => {
			const folder = path.join(base, name);
			fs.mkdirSync(folder, { recursive: true });
			installPackage(folder, tarball);
			const ownPort = port ?? (await freePort());
			const healthPort = await freePort();
			const readinessUrl = `http://127.0.0.1:${command === 'worker' ? healthPort : ownPort}/healthz/readiness`;
			return { name, command, port: ownPort, folder, logFile: path.join(base, `${name}.log`), readinessUrl, env: { ...common, QUEUE_HEALTH_CHECK_PORT: String(healthPort) } };
		};
		try {
			const main = await make('main', 'start');
			cluster.processes.push(main);
			cluster.main = await cluster.run(main); // runs the migrations first
			await cluster.main.setUp();
			const workers = await Promise.all(Array.from({ length: options.workers ?? 2 }, (_, i) => make(`worker${i + 1}`, 'worker')));
			const webhook = await make('webhook', 'webhook', webhookPort);
			cluster.processes.push(...workers, webhook);
			[cluster.webhook, ...cluster.workers] = await Promise.all([webhook, ...workers].map((p) => cluster.run(p)));
			// The webhook process answers the public API only through main; it shares main's login.
			cluster.webhook.apiKey = cluster.main.apiKey;
		} catch (error) {
			await cluster.stopAll();
			throw error;
		}
		return cluster;
	}

	private static async adopt(state: ClusterState): Promise<QueueCluster> {
		const cluster = new QueueCluster(state.base, true);
		cluster.processes = state.processes;
		const handles = state.processes.map((p) => {
			const n8n = QueueCluster.handle(p);
			if (p.pid !== undefined) n8n.adopt(p.pid);
			n8n.apiKey = state.apiKey;
			return n8n;
		});
		cluster.main = handles[0];
		cluster.main.cookie = state.cookie;
		cluster.workers = handles.filter((_, i) => state.processes[i].command === 'worker');
		cluster.webhook = handles.find((_, i) => state.processes[i].command === 'webhook') as N8n;
		// A process that died since (a test killed it and failed before restarting it) is started again.
		for (const [i, n8n] of handles.entries()) if (!n8n.running) await cluster.restartProcess(i, n8n);
		return cluster;
	}

	private static handle(p: ProcessState): N8n {
		return new N8n(p.port, p.folder, p.logFile, p.command, p.readinessUrl);
	}

	private async run(p: ProcessState): Promise<N8n> {
		const n8n = QueueCluster.handle(p);
		await n8n.start(p.env);
		p.pid = n8n.pid;
		return n8n;
	}

	private async restartProcess(index: number, n8n: N8n): Promise<void> {
		await n8n.start(this.processes[index].env);
		this.processes[index].pid = n8n.pid;
		if (this.shared) this.save();
	}

	/** Stops main gracefully and starts it again (same folder, port, database), as a redeploy would. */
	async restartMain(): Promise<void> {
		await this.main.stop();
		await this.restartProcess(0, this.main);
	}

	/** Starts worker `i` again (same folder, port and settings) after `kill()`; waits until it is ready. */
	async restartWorker(i: number): Promise<void> {
		const worker = this.workers[i];
		const index = this.processes.findIndex((p) => p.command === 'worker' && p.port === worker.port);
		await this.restartProcess(index, worker);
	}

	/**
	 * Executions each worker has started and not finished, from its log ("Worker started execution <id>",
	 * "Worker finished execution <id>"): what a kill of that worker interrupts.
	 */
	runningOn(): string[][] {
		return this.workers.map((w) => {
			const log = fs.readFileSync(w.logFile, 'utf8');
			const ids = (verb: string) => [...log.matchAll(new RegExp(`Worker ${verb} execution (\\d+)`, 'g'))].map((m) => m[1]);
			const finished = new Set(ids('finished'));
			return ids('started').filter((id) => !finished.has(id));
		});
	}

	/** The worker whose log shows it started execution `id`, or -1. */
	workerThatRan(id: string): number {
		return this.workers.findIndex((w) => new RegExp(`Worker started execution ${id}\\b`).test(fs.readFileSync(w.logFile, 'utf8')));
	}

	private save(): void {
		const statePath = process.env[SHARED_STATE_ENV] as string;
		const state: ClusterState = { base: this.base, apiKey: this.main.apiKey, cookie: this.main.cookie, processes: this.processes };
		fs.writeFileSync(statePath, JSON.stringify(state), { mode: 0o600 });
	}

	/**
	 * An own cluster: stops every n8n process, then Postgres and Redis. The shared one: deactivates every
	 * workflow (so the next file's counts start clean) and restarts any worker left dead.
	 */
	async stop(): Promise<void> {
		if (!this.shared) return await this.stopAll();
		for (const [i, n8n] of this.all.entries()) if (!n8n.running) await this.restartProcess(i, n8n);
		const active = (await this.main.api('GET', '/workflows?active=true&limit=250')) as { data: Array<{ id: string }> };
		for (const { id } of active.data) await this.main.api('POST', `/workflows/${id}/deactivate`).catch(() => undefined);
	}

	private async stopAll(): Promise<void> {
		const errors: unknown[] = [];
		for (const n8n of [this.webhook, ...this.workers, this.main].filter(Boolean)) await n8n.stop().catch((e: unknown) => errors.push(e));
		execFileSync('bash', [SERVICES, 'stop', path.join(this.base, 'services')], { stdio: 'inherit' });
		if (errors.length) throw errors[0];
	}

	/** The global teardown: stops the shared cluster if a test file started one. */
	static async stopShared(): Promise<void> {
		const statePath = process.env[SHARED_STATE_ENV];
		if (!statePath || !fs.existsSync(statePath)) return;
		const state = JSON.parse(fs.readFileSync(statePath, 'utf8')) as ClusterState;
		fs.rmSync(statePath, { force: true });
		const cluster = new QueueCluster(state.base, true);
		const handles = state.processes.map((p) => {
			const n8n = QueueCluster.handle(p);
			if (p.pid !== undefined) n8n.adopt(p.pid);
			return n8n;
		});
		cluster.main = handles[0];
		cluster.workers = handles.filter((_, i) => state.processes[i].command === 'worker');
		cluster.webhook = handles.find((_, i) => state.processes[i].command === 'webhook') as N8n;
		await cluster.stopAll();
	}
}
