/**
 * Jest reporter that fails the run when a secret of the tests shows up in anything the run leaves behind:
 * console output (captured by captureOutput.ts), failure messages and error texts, files the tests
 * registered (n8n's log in the e2e suite) and snapshots. It fails the run through getLastError(), which
 * jest counts as a failed run (exit code 1), and also sets process.exitCode.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Hit, Secret } from './secrets';
import { CAPTURE_PREFIX, SCAN_DIR_ENV, allSecrets, findSecrets, findSecretsInFile, registeredFiles, snapshotFiles } from './secrets';

interface TestResultLike {
	testFilePath: string;
	failureMessage?: string | null;
	testExecError?: { message?: string; stack?: string | null } | null;
	console?: Array<{ message: string }> | null;
	testResults: Array<{ fullName: string; failureMessages: string[] }>;
}

/** Everything one test file printed or failed with, as text. */
export function textsOf(result: TestResultLike): string[] {
	return [
		...(result.console ?? []).map((entry) => entry.message),
		result.failureMessage ?? '',
		result.testExecError?.message ?? '',
		result.testExecError?.stack ?? '',
		...result.testResults.flatMap((test) => test.failureMessages),
	].filter(Boolean);
}

/** Hits in the scan folder's captured console output; the source is the test file named on its first line. */
export function scanCapturedOutput(dir: string, secrets: Secret[]): Hit[] {
	return fs
		.readdirSync(dir)
		.filter((name) => name.startsWith(CAPTURE_PREFIX))
		.flatMap((name) => {
			const text = fs.readFileSync(path.join(dir, name), 'utf8');
			const source = `console of ${text.split('\n', 1)[0].replace(/^# /, '')}`;
			return findSecrets(text, source, secrets);
		});
}

export default class SecretScanReporter {
	private readonly dir: string;
	private readonly rootDir: string;
	private readonly texts: Array<{ source: string; text: string }> = [];
	private error?: Error;

	constructor(globalConfig: { rootDir: string }) {
		this.rootDir = globalConfig.rootDir;
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-secret-scan-'));
		// Set before jest forks its workers, which inherit it.
		process.env[SCAN_DIR_ENV] = this.dir;
	}

	onTestResult(_test: unknown, result: TestResultLike): void {
		const source = path.relative(this.rootDir, result.testFilePath);
		for (const text of textsOf(result)) this.texts.push({ source, text });
	}

	onRunComplete(): void {
		const secrets = allSecrets(this.dir);
		const hits = [
			...this.texts.flatMap(({ source, text }) => findSecrets(text, `failure/output of ${source}`, secrets)),
			...scanCapturedOutput(this.dir, secrets),
			...registeredFiles(this.dir).flatMap((file) => findSecretsInFile(file, secrets)),
			...snapshotFiles(this.rootDir).flatMap((file) => findSecretsInFile(file, secrets)),
		];
		if (hits.length === 0) {
			fs.rmSync(this.dir, { recursive: true, force: true });
			return;
		}
		const lines = hits.map((hit) => `  ${hit.secret} in ${hit.source} (line ${hit.line})`);
		const message = `Secret scan: ${hits.length} secret(s) found in the run's output (captured output kept in ${this.dir}):\n${lines.join('\n')}`;
		process.stderr.write(`\n${message}\n`);
		this.error = new Error(message);
		process.exitCode = 1;
	}

	getLastError(): Error | undefined {
		return this.error;
	}
}
