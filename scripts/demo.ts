/**
 * `npm run demo`: a real n8n with this package loaded, the GHL and Rankr sandboxes seeded with sample data,
 * credentials pointing at them, and the templates imported with those credentials picked. Prints where to
 * log in; Ctrl-C stops it all (test/e2e/demo.e2e.test.ts runs it so, logging in with what it prints).
 */
import { startGhlSandbox } from '../sandbox/ghl';
import { startRankrSandbox } from '../sandbox/rankr';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ensureN8nInstalled, freePort, installPackage, N8n, OWNER, PACKAGE } from '../test/e2e/harness/n8n';
import { prepareTemplate, readTemplate, templateFiles } from '../test/e2e/harness/templates';
import { n8nPortWasTaken, pickPort } from './ports';

const say = (line: string) => process.stdout.write(line);

/**
 * n8n with the package installed, on `preferred` when free. Its port is checked when chosen but taken only
 * once n8n has started (seconds later), so a second demo may take it meanwhile: then once more on a free one.
 */
async function startN8n(preferred: number): Promise<N8n> {
	ensureN8nInstalled();
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-demo-'));
	installPackage(base);
	let port = await pickPort(preferred, 'n8n', say);
	for (let attempt = 1; ; attempt++) {
		const n8n = new N8n(port, base, path.join(base, `n8n-${attempt}.log`));
		try {
			await n8n.start();
			await n8n.setUp();
			return n8n;
		} catch (error) {
			await n8n.stop().catch(() => undefined);
			if (attempt > 1 || !n8nPortWasTaken(n8n.logFile)) throw error;
			const taken = port;
			port = await freePort();
			say(`n8n: port ${taken} was taken meanwhile, using ${port}\n`);
		}
	}
}

async function main() {
	const ghl = await startGhlSandbox({ port: await pickPort(4010, 'GHL sandbox', say), seed: { contacts: 200, tasksPerContact: 2, notesPerContact: 1 } });
	const rankr = await startRankrSandbox({ port: await pickPort(4020, 'Rankr sandbox', say), seedContacts: 25 });
	process.stdout.write('Starting n8n with the package (the first run installs n8n: several minutes)…\n');
	const n8n = await startN8n(5678);
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
	const stop = async () => {
		await n8n.stop();
		await ghl.close();
		await rankr.close();
	};
	process.stdout.write(
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
		void stop().then(() => process.exit(0));
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
}

main().catch((error) => {
	process.stderr.write(`${String(error)}\n`);
	process.exit(1);
});
