/**
 * `npm run demo`: a real n8n with this package loaded, the GHL and Rankr sandboxes seeded with sample data,
 * credentials pointing at them, and the templates imported with those credentials picked. Prints where to
 * log in; Ctrl-C stops it all (test/e2e/demo.e2e.test.ts runs it so, logging in with what it prints).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startGhlSandbox } from '../sandbox/ghl';
import { startRankrSandbox } from '../sandbox/rankr';
import { ensureN8nInstalled, installPackage, N8n, OWNER, PACKAGE, packPackage, ROOT } from '../test/e2e/harness/n8n';
import { prepareTemplate, readTemplate, templateFiles } from '../test/e2e/harness/templates';
import { withClaim } from './pidFile';
import type { PickedPort } from './ports';
import { pickPort, portWasTaken, systemPort } from './ports';

const say = (line: string) => process.stdout.write(line);
/** Ports this demo holds, given up when it stops. */
const claims: PickedPort[] = [];
/** What to stop, last started first: on Ctrl-C, and when start-up fails half-way. */
const stops: Array<() => Promise<void>> = [];

async function stopAll(): Promise<void> {
	for (const stop of stops.splice(0).reverse()) await stop().catch((error) => say(`while stopping: ${String(error)}\n`));
	for (const claim of claims.splice(0)) claim.release();
}

/**
 * `start` on `preferred` when it is free, else on a free port (said on stdout). A port can still be taken
 * between the check and the listen (another service); then once more on another.
 */
async function onFreePort<T>(preferred: number, what: string, start: (port: number) => Promise<T>): Promise<T> {
	let picked = await pickPort(preferred, what, say);
	for (let attempt = 1; ; attempt++) {
		try {
			const started = await start(picked.port);
			claims.push(picked);
			return started;
		} catch (error) {
			picked.release();
			if (attempt > 2 || !portWasTaken(error)) throw error;
			const taken = picked.port;
			picked = await pickPort(await systemPort(), what, () => undefined);
			say(`${what}: port ${taken} was taken meanwhile, using ${picked.port}\n`);
		}
	}
}

/** n8n with the package installed, set up (owner, login) on `port`; fails as EADDRINUSE when it was taken. */
async function startN8n(base: string, port: number, attempt: { n: number }): Promise<N8n> {
	const n8n = new N8n(port, base, path.join(base, `n8n-${++attempt.n}.log`));
	let foreign = false;
	try {
		await n8n.start();
		await n8n.setUp();
		// Readiness answered by another n8n on that port while ours failed to listen: not ours.
		foreign = !n8n.running;
		if (foreign) throw new Error(`the n8n on ${port} is not the one this demo started`);
		return n8n;
	} catch (error) {
		await n8n.stop().catch(() => undefined);
		const log = fs.existsSync(n8n.logFile) ? fs.readFileSync(n8n.logFile, 'utf8') : '';
		if (foreign || portWasTaken(undefined, log)) throw Object.assign(new Error(`n8n: port ${port} is taken`), { code: 'EADDRINUSE', cause: error });
		throw error;
	}
}

/** Building and packing rewrite dist/: demos started together in one checkout take turns. */
const BUILD_CLAIM = path.join(os.tmpdir(), `n8n-nodes-ghl-rankr-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.pid`);

async function main() {
	const ghl = await onFreePort(4010, 'GHL sandbox', (port) => startGhlSandbox({ port, seed: { contacts: 200, tasksPerContact: 2, notesPerContact: 1 } }));
	stops.push(() => ghl.close());
	const rankr = await onFreePort(4020, 'Rankr sandbox', (port) => startRankrSandbox({ port, seedContacts: 25 }));
	stops.push(() => rankr.close());
	say('Starting n8n with the package (the first run installs n8n: several minutes)…\n');
	const tarball = await withClaim(BUILD_CLAIM, () => {
		ensureN8nInstalled();
		return packPackage();
	});
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-demo-'));
	installPackage(base, tarball);
	const attempts = { n: 0 };
	const n8n = await onFreePort(5678, 'n8n', (port) => startN8n(base, port, attempts));
	stops.push(() => n8n.stop());
	const ghlCredential = await n8n.createCredential('GHL sandbox (demo)', 'ghlApi', { authType: 'location', token: ghl.token, locationId: ghl.locationId, baseUrl: ghl.url });
	const rankrCredential = await n8n.createCredential('Rankr sandbox (demo)', 'rankrApi', { apiKey: rankr.apiKey, baseUrl: rankr.url });
	// An OAuth2 credential the user can connect from the editor: the sandbox plays the Marketplace.
	const oauthCredential = await n8n.createCredential('GHL OAuth2 sandbox (demo, click Connect)', 'ghlOAuth2Api', {
		clientId: ghl.oauth.clientId,
		clientSecret: ghl.oauth.clientSecret,
		marketplace: 'custom',
		customMarketplace: ghl.url,
		baseUrl: ghl.url,
	});
	const imported: string[] = [];
	for (const file of templateFiles()) {
		const workflow = prepareTemplate(readTemplate(file), {
			ghlCredential,
			rankrCredential,
			ghlPublicKeys: { ed25519: ghl.webhooks.ed25519PublicKeyPem, rsa: ghl.webhooks.rsaPublicKeyPem },
		});
		await n8n.importWorkflow(workflow as unknown as Record<string, unknown>);
		imported.push(file);
	}
	const types = (await n8n.rest('GET', '/types/nodes.json')) as Array<{ name: string }>;
	const ours = [...new Set(types.map((t) => t.name).filter((n) => n.startsWith(`${PACKAGE}.`)))];
	say(
		[
			'',
			`n8n:            ${n8n.url}`,
			`  login:        ${OWNER.email} / ${OWNER.password}   (a local throwaway account)`,
			`  our nodes:    ${ours.join(', ')}`,
			`  credentials:  "${ghlCredential.name}", "${rankrCredential.name}", "${oauthCredential.name}"`,
			`GHL sandbox:    ${ghl.url}  (location ${ghl.locationId}, 200 sample contacts)`,
			`Rankr sandbox:  ${rankr.url}  (API key ${rankr.apiKey}, 25 sample contacts)`,
			`templates:      ${imported.length ? imported.join(', ') : 'none'} (credentials already picked; open one and click Publish to run it)`,
			'',
			'Ctrl-C stops n8n and the sandboxes.',
			'',
		].join('\n'),
	);
	const onSignal = () => {
		void stopAll().then(() => process.exit(0));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
}

main().catch(async (error) => {
	process.stderr.write(`${String(error)}\n`);
	await stopAll();
	process.exit(1);
});
