/**
 * n8n's community-package scanner, both of its lint legs (scripts/scan-package.mjs): our source and our
 * packed package pass; a package that breaks one of its rules is refused, so the check can fail.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/scan-package.mjs');

function scan(...args: string[]) {
	// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base reads it and then lints as in its own tests.
	const { NODE_ENV: _jest, ...env } = process.env;
	const run = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
	return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A copy of what the scanner reads of this repository, with one node made to log to the console. */
function sourceWithConsoleLog(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-fixture-'));
	for (const entry of ['package.json', 'nodes', 'credentials']) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
	const node = path.join(dir, 'nodes/Rankr/Rankr.node.ts');
	fs.writeFileSync(node, fs.readFileSync(node, 'utf8').replace('export class Rankr', 'console.log("debug");\nexport class Rankr'));
	return dir;
}

describe("n8n's community-package scanner", () => {
	const fixtures: string[] = [];
	afterAll(() => fixtures.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

	it('passes our source and the package npm would publish (needs a build: npm test builds first)', () => {
		const { status, output } = scan();
		expect(output).toMatch(/^passed: source/m);
		expect(output).toMatch(/^passed: package/m);
		expect(status).toBe(0);
	});

	it('refuses a source that breaks a scanner rule, naming the file and rule', () => {
		const dir = sourceWithConsoleLog();
		fixtures.push(dir);
		const packageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-fixture-pkg-'));
		fixtures.push(packageDir);
		fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(packageDir, 'package.json'));
		const { status, output } = scan('--source', dir, '--package', packageDir);
		expect(status).toBe(1);
		expect(output).toMatch(/^FAILED: source/m);
		expect(output).toContain('nodes/Rankr/Rankr.node.ts');
		expect(output).toContain('no-console');
	});

	it('refuses a packed package whose compiled code breaks a scanner rule', () => {
		const packageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-fixture-pkg-'));
		fixtures.push(packageDir);
		fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(packageDir, 'package.json'));
		fs.mkdirSync(path.join(packageDir, 'dist'));
		fs.writeFileSync(path.join(packageDir, 'dist/index.js'), 'console.log("debug");\n');
		const { status, output } = scan('--package', packageDir);
		expect(status).toBe(1);
		expect(output).toMatch(/^FAILED: package/m);
		expect(output).toContain('no-console');
	});
});
