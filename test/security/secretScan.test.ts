/**
 * The secret scan can fail: it finds each kind of secret, stays quiet on redacted text, knows the secrets
 * the sandboxes really use, and a child jest whose passing tests print a secret exits non-zero.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { DEFAULT_RANKR_API_KEY, startRankrSandbox } from '../../sandbox/rankr';
import { startGhlSandbox } from '../../sandbox/ghl';
import { SECRET as WORKFLOW_ACTION_SECRET } from '../trigger/ghlTriggerSetup';
import { FIXED_SECRETS, SCAN_DIR_ENV, allSecrets, findSecrets, findSecretsInFile, registerScannedFile, registerSecret, registeredFiles, registeredSecrets, snapshotFiles } from './secrets';

const ROOT = path.resolve(__dirname, '../..');
const names = (text: string, secrets = allSecrets()) => findSecrets(text, 'sample', secrets).map((hit) => hit.secret);

describe('secret scanner', () => {
	it.each([
		['GHL sandbox token', 'GET /contacts/ Authorization: Bearer pit-sandbox-token'],
		['GHL sandbox OAuth client secret', 'client_id=abc&client_secret=sandbox-client-secret'],
		['Rankr sandbox API key', '{"headers":{"authorization":"Bearer rk_sandbox_key"}}'],
		['GHL Trigger workflow-action secret', 'x-ghl-secret: k3Y-7f1d2c9a-workflow-action-secret'],
		['GHL sandbox OAuth access/refresh token', '{"refresh_token":"oauth-rt-0123456789abcdef01234567"}'],
		['Rankr webhook secret', 'subscribed with secret whsec_AbCdEfGhIjKlMnOpQrStUvWx'],
		['private key', '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI...'],
		['GHL private integration token', 'token pit-secret-1234 refused'],
	])('finds the %s', (name, sample) => {
		expect(names(sample)).toContain(name);
	});

	it('finds nothing in the same samples redacted', () => {
		const redacted = ['Authorization: Bearer [redacted]', 'client_secret=***', '{"refresh_token":"oauth-rt-…"}', 'secret whsec_…', '-----BEGIN PUBLIC KEY-----', 'a pit stop'];
		expect(findSecrets(redacted.join('\n'), 'sample')).toEqual([]);
	});

	it('reports where a secret is by name and line, never its value', () => {
		const hits = findSecrets('ok\nok\nBearer rk_sandbox_key', 'n8n.log');
		expect(hits).toEqual([{ secret: 'Rankr sandbox API key', source: 'n8n.log', line: 3 }]);
		expect(JSON.stringify(hits)).not.toContain('rk_sandbox_key');
	});

	it('knows the secrets the sandboxes and test set-ups really use', async () => {
		const ghl = await startGhlSandbox({ rateLimit: false });
		const rankr = await startRankrSandbox({ rateLimit: false });
		try {
			const values = FIXED_SECRETS.map((s) => s.value);
			expect(values).toEqual(expect.arrayContaining([ghl.token, ghl.oauth.clientSecret, rankr.apiKey, DEFAULT_RANKR_API_KEY, WORKFLOW_ACTION_SECRET]));
		} finally {
			await ghl.close();
			await rankr.close();
		}
	});
});

describe('registration across processes', () => {
	const saved = process.env[SCAN_DIR_ENV];
	let dir: string;
	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scan-unit-'));
		process.env[SCAN_DIR_ENV] = dir;
	});
	afterEach(() => {
		if (saved === undefined) delete process.env[SCAN_DIR_ENV];
		else process.env[SCAN_DIR_ENV] = saved;
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('reads secrets and files registered by tests from the scan folder', () => {
		const log = path.join(dir, 'n8n.log');
		fs.writeFileSync(log, 'started\nwebhook secret is run-time-secret-42\n');
		registerSecret('run-time-secret-42', 'run-time secret');
		registerScannedFile(log);
		registerScannedFile(log);
		expect(registeredSecrets(dir)).toEqual([{ name: 'run-time secret', value: 'run-time-secret-42' }]);
		expect(registeredFiles(dir)).toEqual([log]);
		expect(findSecretsInFile(log, allSecrets(dir))).toEqual([{ secret: 'run-time secret', source: log, line: 2 }]);
	});

	it('finds snapshot files', () => {
		const snapDir = path.join(dir, 'x', '__snapshots__');
		fs.mkdirSync(snapDir, { recursive: true });
		fs.writeFileSync(path.join(snapDir, 'a.test.ts.snap'), 'exports[`a 1`] = `"Bearer pit-sandbox-token"`;');
		expect(snapshotFiles(dir)).toEqual([path.join(snapDir, 'a.test.ts.snap')]);
		expect(findSecretsInFile(path.join(snapDir, 'a.test.ts.snap'), allSecrets()).map((h) => h.secret)).toContain('GHL sandbox token');
	});

	it('the repository has no snapshot holding a secret', () => {
		expect(snapshotFiles(ROOT).flatMap((file) => findSecretsInFile(file, allSecrets()))).toEqual([]);
	});
});

/** Runs jest on one fixture with the project's config (so with the reporter), as `npm test` would. */
function jestOn(fixture: string): Promise<{ code: number | null; stderr: string }> {
	const { [SCAN_DIR_ENV]: _parentScan, ...env } = process.env;
	const args = [require.resolve('jest/bin/jest'), '-c', 'jest.config.js', '--ci', '--testMatch', `**/test/security/fixtures/${fixture}`];
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stderr }));
	});
}

describe('a jest run', () => {
	it('exits non-zero when passing tests print a fixed or a registered secret, and zero when output is redacted', async () => {
		const [leaky, clean] = await Promise.all([jestOn('leaks.fixture.ts'), jestOn('clean.fixture.ts')]);
		expect(leaky.stderr).toMatch(/2 passed/);
		expect(leaky.stderr).toContain('Rankr sandbox API key in console of');
		expect(leaky.stderr).toContain('dynamic fixture secret in console of');
		expect(leaky.code).not.toBe(0);
		expect(clean.stderr).toMatch(/1 passed/);
		expect(clean.stderr).not.toContain('Secret scan');
		expect(clean.code).toBe(0);
	});
});
