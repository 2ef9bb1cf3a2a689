/**
 * Jest reporter: the part of the secrets scan that a test file cannot do for itself (scanOutput.ts covers
 * its console and node outputs). It scans every failure message and error text of the run, and every
 * snapshot, and fails the run on a hit through getLastError(), which jest counts as a failed run (exit 1).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SCAN_DIR_ENV, findSecrets, snapshotFiles } from './secrets';

export interface TestResultLike {
	testFilePath: string;
	failureMessage?: string | null;
	testExecError?: { message?: string; stack?: string | null } | null;
	testResults: Array<{ failureMessages: string[] }>;
}

/** Every failure text of one test file. */
export function failureTextsOf(result: TestResultLike): string[] {
	return [
		result.failureMessage ?? '',
		result.testExecError?.message ?? '',
		result.testExecError?.stack ?? '',
		...result.testResults.flatMap((test) => test.failureMessages),
	].filter(Boolean);
}

export default class SecretScanReporter {
	private readonly dir: string;
	private readonly rootDir: string;
	private readonly hits: string[] = [];
	private error?: Error;

	constructor(globalConfig: { rootDir: string }) {
		this.rootDir = globalConfig.rootDir;
		this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-secret-scan-'));
		// Set before jest starts its workers, which inherit it (secrets.ts registerSecret writes there).
		process.env[SCAN_DIR_ENV] = this.dir;
	}

	onTestResult(_test: unknown, result: TestResultLike): void {
		const source = path.relative(this.rootDir, result.testFilePath);
		for (const name of new Set(failureTextsOf(result).flatMap((text) => findSecrets(text)))) this.hits.push(`${name} in a failure of ${source}`);
	}

	onRunComplete(): void {
		for (const file of snapshotFiles(this.rootDir)) {
			for (const name of findSecrets(fs.readFileSync(file, 'utf8'))) this.hits.push(`${name} in ${path.relative(this.rootDir, file)}`);
		}
		fs.rmSync(this.dir, { recursive: true, force: true });
		if (this.hits.length === 0) return;
		const message = `Secrets leaked into failure messages or snapshots:\n${this.hits.map((hit) => `  ${hit}`).join('\n')}`;
		process.stderr.write(`\n${message}\n`);
		this.error = new Error(message);
		process.exitCode = 1;
	}

	getLastError(): Error | undefined {
		return this.error;
	}
}
