/**
 * `npm run demo`: a real n8n with this package loaded, the GHL sandbox seeded with sample data, a
 * credential pointing at it, and the templates imported. Prints where to log in; Ctrl-C stops it all.
 * `--check` starts everything, verifies n8n lists the package's nodes, prints OK and exits.
 */
import fs from 'node:fs';
import path from 'node:path';

import { startGhlSandbox } from '../sandbox/ghl';
import { OWNER, PACKAGE, ROOT, startN8nWithPackage } from '../test/e2e/harness/n8n';

async function main() {
	const check = process.argv.includes('--check');
	const ghl = await startGhlSandbox({ port: check ? 0 : 4010, seed: { contacts: 200, tasksPerContact: 2, notesPerContact: 1 } });
	process.stdout.write('Starting n8n with the package (the first run installs n8n: several minutes)…\n');
	const n8n = await startN8nWithPackage('demo');
	const credential = await n8n.createCredential('GHL sandbox (demo)', 'ghlApi', { authType: 'location', token: ghl.token, locationId: ghl.locationId, baseUrl: ghl.url });
	const templatesDir = path.join(ROOT, 'templates');
	const imported: string[] = [];
	if (fs.existsSync(templatesDir)) {
		for (const file of fs.readdirSync(templatesDir).filter((f) => f.endsWith('.json'))) {
			const workflow = JSON.parse(fs.readFileSync(path.join(templatesDir, file), 'utf8')) as Record<string, unknown>;
			await n8n.importWorkflow(workflow);
			imported.push(file);
		}
	}
	const types = (await n8n.rest('GET', '/types/nodes.json')) as Array<{ name: string }>;
	const ours = types.map((t) => t.name).filter((n) => n.startsWith(`${PACKAGE}.`));
	const stop = async () => {
		await n8n.stop();
		await ghl.close();
	};
	if (check) {
		await stop();
		if (ours.length < 1) throw new Error('n8n did not list the package nodes');
		process.stdout.write(`OK: n8n listed ${ours.join(', ')}; credential "${credential.name}" created; ${imported.length} templates imported\n`);
		return;
	}
	process.stdout.write(
		[
			'',
			`n8n:            ${n8n.url}`,
			`  login:        ${OWNER.email} / ${OWNER.password}   (a local throwaway account)`,
			`  our nodes:    ${ours.join(', ')}`,
			`  credential:   "${credential.name}" → the GHL sandbox`,
			`GHL sandbox:    ${ghl.url}  (location ${ghl.locationId}, 200 sample contacts)`,
			`templates:      ${imported.length ? imported.join(', ') : 'none yet'}`,
			'',
			'Ctrl-C stops n8n and the sandbox.',
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
