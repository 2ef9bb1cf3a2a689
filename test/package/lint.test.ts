/**
 * `npm run lint` is `n8n-node lint` in strict mode (n8n Cloud eligibility): eslint.config.mjs must be
 * n8n's default, unmodified, and it lints what n8n's scanner calls the package's source (nodes,
 * credentials, package.json). Tests and tools run outside n8n, so the node rules stay off them; their
 * folders carry their own config, found by ESLint's lookup from file (the lint script's ESLINT_FLAGS).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ESLINT = path.join(ROOT, 'node_modules/.bin/eslint');

/** ESLint as the lint script runs it, on `code` as though it were the file `asFile`. */
function lintAs(asFile: string, code: string) {
	const flags = /ESLINT_FLAGS=(\S+)/.exec((JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { lint: string } }).scripts.lint)?.[1];
	// Without jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base reads it and then lints as in its own tests.
	const { NODE_ENV: _jest, ...env } = process.env;
	const run = spawnSync(ESLINT, ['--stdin', '--stdin-filename', path.join(ROOT, asFile)], { cwd: ROOT, env: { ...env, ESLINT_FLAGS: flags ?? '' }, input: code, encoding: 'utf8', timeout: 120_000 });
	return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const withConsole = "import type { IDataObject } from 'n8n-workflow';\n\nexport const record: IDataObject = {};\nconsole.log(record);\n";

describe('npm run lint (n8n-node lint, strict)', () => {
	it("keeps package.json in strict mode and eslint.config.mjs exactly n8n-node's default", () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { strict: boolean } };
		expect(pkg.n8n.strict).toBe(true);
		const template = fs.readFileSync(path.join(ROOT, 'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs'), 'utf8');
		const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
		expect(normalise(fs.readFileSync(path.join(ROOT, 'eslint.config.mjs'), 'utf8'))).toBe(normalise(template));
	});

	it('refuses a node that logs to the console, naming the rule', () => {
		const { status, output } = lintAs('nodes/Rankr/lintProbe.ts', withConsole);
		expect(output).toContain('no-console');
		expect(status).toBe(1);
	});

	it('leaves test code, which runs outside n8n, to its own folder config', () => {
		const { status, output } = lintAs('test/package/lintProbe.ts', withConsole);
		expect(output).not.toContain('no-console');
		expect(status).toBe(0);
	});

	it('gives every folder of code outside the package (tests, sandboxes, benchmarks, scripts, and those added later) a config of its own, so test code in any of them is not linted as node code', () => {
		const packageSource = new Set(['nodes', 'credentials']);
		const skipped = new Set(['node_modules', 'dist', 'docs', 'templates']);
		const codeFolders = fs
			.readdirSync(ROOT, { withFileTypes: true })
			.filter((e) => e.isDirectory() && !e.name.startsWith('.') && !packageSource.has(e.name) && !skipped.has(e.name))
			.map((e) => e.name)
			.filter((dir) => (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).some((f) => /\.(ts|js|mjs)$/.test(f)));
		expect(codeFolders).toEqual(expect.arrayContaining(['bench', 'sandbox', 'scripts', 'test']));
		for (const dir of codeFolders) {
			const { status, output } = lintAs(`${dir}/lintProbe.ts`, withConsole);
			expect({ dir, status, noConsole: output.includes('no-console') }).toEqual({ dir, status: 0, noConsole: false });
		}
	});
});
