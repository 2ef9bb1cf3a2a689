/**
 * The reporter half of the secrets scan can fail a run: a secret in a failure message or a snapshot is
 * reported by name (never shown), and a jest run whose tests all pass exits non-zero when a snapshot
 * holds one. Also: secrets registered at run time, and the sandboxes' real secrets are the listed ones.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startGhlSandbox } from '../../sandbox/ghl';
import { startRankrSandbox } from '../../sandbox/rankr';
import { SECRET as WORKFLOW_ACTION_SECRET } from '../trigger/ghlTriggerSetup';
import SecretScanReporter from './secretScanReporter';
import { FIXED_SECRETS, SCAN_DIR_ENV, findSecrets, registerSecret, registeredSecrets, snapshotFiles } from './secrets';

const ROOT = path.resolve(__dirname, '../..');
const REPORTER = path.join(__dirname, 'secretScanReporter.js');
const saved = process.env[SCAN_DIR_ENV];
const temporaryDirs: string[] = [];

function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scan-test-'));
	temporaryDirs.push(dir);
	return dir;
}

afterEach(() => {
	if (saved === undefined) delete process.env[SCAN_DIR_ENV];
	else process.env[SCAN_DIR_ENV] = saved;
	process.exitCode = undefined;
	for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const result = (failureMessages: string[]) => ({ testFilePath: path.join(ROOT, 'test/x.test.ts'), failureMessage: failureMessages.join('\n'), testResults: [{ failureMessages }] });

describe('secret scan reporter', () => {
	it('fails the run on a secret in a failure message, naming it without showing it', () => {
		const reporter = new SecretScanReporter({ rootDir: tempDir() });
		jest.spyOn(process.stderr, 'write').mockImplementationOnce(() => true);
		reporter.onTestResult(undefined, result(['Expected: "Bearer rk_sandbox_key"\nReceived: "Bearer ***"']));
		reporter.onRunComplete();
		expect(reporter.getLastError()?.message).toContain('Rankr sandbox API key in a failure of');
		expect(reporter.getLastError()?.message).not.toContain('rk_sandbox_key');
		expect(process.exitCode).toBe(1);
	});

	it('passes a run whose failure messages are redacted', () => {
		const reporter = new SecretScanReporter({ rootDir: tempDir() });
		reporter.onTestResult(undefined, result(['Expected: "Bearer ***"\nReceived: "Bearer [redacted]"']));
		reporter.onRunComplete();
		expect(reporter.getLastError()).toBeUndefined();
		expect(process.exitCode).toBeUndefined();
	});

	it('finds a private key and a secret registered in another process of the run', () => {
		process.env[SCAN_DIR_ENV] = tempDir();
		fs.writeFileSync(path.join(process.env[SCAN_DIR_ENV], 'registered-secrets.jsonl'), `${JSON.stringify({ name: 'worker secret', value: 'made-in-a-worker-42' })}\n`);
		registerSecret('made-in-this-test-7', 'test secret');
		expect(registeredSecrets()).toEqual({ 'worker secret': 'made-in-a-worker-42', 'test secret': 'made-in-this-test-7' });
		expect(findSecrets('a made-in-a-worker-42 b made-in-this-test-7 c')).toEqual(['worker secret', 'test secret']);
		expect(findSecrets('-----BEGIN PRIVATE KEY-----\nMC4CAQ')).toEqual(['private key']);
		expect(findSecrets('-----BEGIN PUBLIC KEY-----\nMCowBQ')).toEqual([]);
	});

	it('the listed fixed secrets are those the sandboxes and the trigger tests really use', async () => {
		const ghl = await startGhlSandbox({ rateLimit: false });
		const rankr = await startRankrSandbox({ rateLimit: false });
		try {
			expect(Object.values(FIXED_SECRETS)).toEqual(expect.arrayContaining([ghl.token, ghl.oauth.clientSecret, rankr.apiKey, WORKFLOW_ACTION_SECRET]));
		} finally {
			await ghl.close();
			await rankr.close();
		}
	});

	it('no snapshot of the repository holds a secret', () => {
		expect(snapshotFiles(ROOT).filter((file) => findSecrets(fs.readFileSync(file, 'utf8')).length > 0)).toEqual([]);
	});
});

/** A passing jest project in a temporary folder whose one snapshot says `value`, run with the reporter. */
function jestWithSnapshot(value: string): Promise<{ code: number | null; stderr: string }> {
	const dir = tempDir();
	fs.mkdirSync(path.join(dir, '__snapshots__'));
	fs.writeFileSync(path.join(dir, 'a.test.js'), `test('header', () => expect(${JSON.stringify(value)}).toMatchSnapshot());\n`);
	fs.writeFileSync(path.join(dir, '__snapshots__', 'a.test.js.snap'), `// Jest Snapshot v1, https://goo.gl/fbAQLP\n\nexports[\`header 1\`] = \`"${value}"\`;\n`);
	const config = JSON.stringify({ rootDir: dir, testMatch: ['**/a.test.js'], reporters: ['default', REPORTER] });
	const { [SCAN_DIR_ENV]: _parent, ...env } = process.env;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [require.resolve('jest/bin/jest'), '--config', config, '--ci'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stderr }));
	});
}

describe('a jest run with the reporter', () => {
	it('exits non-zero when every test passes but a snapshot holds a secret, and zero when it is redacted', async () => {
		const [leaky, clean] = await Promise.all([jestWithSnapshot('Bearer rk_sandbox_key'), jestWithSnapshot('Bearer ***')]);
		expect(leaky.stderr).toMatch(/1 passed/);
		expect(leaky.stderr).toContain('Rankr sandbox API key in __snapshots__/a.test.js.snap');
		expect(leaky.code).not.toBe(0);
		expect(clean.stderr).toMatch(/1 passed/);
		expect(clean.stderr).not.toContain('Secrets leaked');
		expect(clean.code).toBe(0);
	});
});
