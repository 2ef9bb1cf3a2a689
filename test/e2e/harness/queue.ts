/**
 * n8n in queue mode on 127.0.0.1: Postgres and Redis (scripts/e2e/queue-services.sh), one main process,
 * two workers (`n8n worker`) and one webhook process (`n8n webhook`), all sharing the database, Redis and
 * the encryption key; each process has its own user folder with the packed package installed in
 * `.n8n/nodes`, as n8n's queue-mode docs ask (every process loads community nodes itself).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { N8n, ROOT, ensureN8nInstalled, freePort, installPackage, packPackage } from './n8n';

const SERVICES = path.join(ROOT, 'scripts/e2e/queue-services.sh');

export class QueueCluster {
	main!: N8n;
	workers: N8n[] = [];
	webhook!: N8n;

	private constructor(readonly base: string) {}

	get all(): N8n[] {
		return [this.main, ...this.workers, this.webhook].filter(Boolean);
	}

	static async start(label: string, options: { workers?: number; env?: Record<string, string> } = {}): Promise<QueueCluster> {
		ensureN8nInstalled();
		const base = fs.mkdtempSync(path.join(os.tmpdir(), `ghl-rankr-queue-${label}-`));
		fs.chmodSync(base, 0o755); // postgres runs as its own user and must reach its data folder
		const cluster = new QueueCluster(base);
		const out = execFileSync('bash', [SERVICES, 'start', path.join(base, 'services')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
		const ports = Object.fromEntries(out.trim().split('\n').map((line) => line.split('=')));
		const shared: Record<string, string> = {
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
			...options.env,
		};
		const tarball = packPackage();
		const make = async (name: string, command: 'start' | 'worker' | 'webhook'): Promise<{ n8n: N8n; env: Record<string, string> }> => {
			const folder = path.join(base, name);
			fs.mkdirSync(folder, { recursive: true });
			installPackage(folder, tarball);
			const port = await freePort();
			const healthPort = await freePort();
			const readiness = command === 'worker' ? `http://127.0.0.1:${healthPort}/healthz/readiness` : `http://127.0.0.1:${port}/healthz/readiness`;
			const n8n = new N8n(port, folder, path.join(base, `${name}.log`), command, readiness);
			return { n8n, env: { ...shared, QUEUE_HEALTH_CHECK_PORT: String(healthPort) } };
		};
		try {
			const main = await make('main', 'start');
			cluster.main = main.n8n;
			await main.n8n.start({ ...main.env, WEBHOOK_URL: `${main.n8n.url}/` }); // runs the migrations first
			await main.n8n.setUp();
			const workers = await Promise.all(Array.from({ length: options.workers ?? 2 }, (_, i) => make(`worker${i + 1}`, 'worker')));
			const webhook = await make('webhook', 'webhook');
			cluster.workers = workers.map((w) => w.n8n);
			cluster.webhook = webhook.n8n;
			await Promise.all([...workers.map((w) => w.n8n.start(w.env)), webhook.n8n.start({ ...webhook.env, WEBHOOK_URL: `${main.n8n.url}/` })]);
			// The webhook process answers the public API only through main; it shares main's login.
			webhook.n8n.apiKey = main.n8n.apiKey;
		} catch (error) {
			await cluster.stop();
			throw error;
		}
		return cluster;
	}

	/** Stops every n8n process, then Postgres and Redis. */
	async stop(): Promise<void> {
		const errors: unknown[] = [];
		for (const n8n of [this.webhook, ...this.workers, this.main].filter(Boolean)) await n8n.stop().catch((e: unknown) => errors.push(e));
		execFileSync('bash', [SERVICES, 'stop', path.join(this.base, 'services')], { stdio: 'inherit' });
		if (errors.length) throw errors[0];
	}
}
