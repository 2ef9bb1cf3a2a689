#!/usr/bin/env node
/**
 * n8n's community-package scanner (@n8n/scan-community-package), run offline. The published CLI fetches the
 * package and its provenance-attested source from npm and GitHub, neither reachable before publishing; its
 * two lint legs are what decide, so this runs those legs as the CLI does: the source's nodes, credentials
 * and package.json, and the packed tarball's compiled .js and package.json.
 *
 * usage: node scripts/scan-package.mjs [--source DIR] [--package DIR]
 *   --source   the source tree to scan (default: this repository)
 *   --package  an unpacked package to scan (default: `npm pack` of this repository, which needs a build)
 * Exits 1 and prints the scanner's findings when either leg fails.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The CLI's tarball leg: compiled output and the published package.json only.
const PACKAGE_FILE_PATTERNS = ['**/*.js', 'package.json'];

function option(name) {
	const at = process.argv.indexOf(name);
	return at === -1 ? undefined : path.resolve(process.argv[at + 1]);
}

function packed() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-rankr-scan-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop();
	const unpacked = path.join(dir, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', unpacked, '--strip-components=1']);
	if (!fs.existsSync(path.join(unpacked, 'dist'))) throw new Error('the packed package has no dist/: run `npm run build` first');
	return unpacked;
}

const source = option('--source') ?? ROOT;
const pkg = option('--package') ?? packed();
const legs = [
	['source', source, await analyzePackage(source, SOURCE_FILE_PATTERNS)],
	['package', pkg, await analyzePackage(pkg, PACKAGE_FILE_PATTERNS)],
];
if (!option('--package')) fs.rmSync(path.dirname(pkg), { recursive: true, force: true });
let failed = false;
for (const [leg, dir, result] of legs) {
	process.stdout.write(`${result.passed ? 'passed' : 'FAILED'}: ${leg} (${dir})${result.message ? `: ${result.message}` : ''}\n`);
	if (!result.passed) {
		failed = true;
		if (result.details) process.stdout.write(`${result.details}\n`);
	}
}
process.exit(failed ? 1 : 0);
