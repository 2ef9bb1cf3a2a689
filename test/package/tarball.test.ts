/**
 * What `npm publish` would upload (`npm pack --dry-run --json`): the compiled package under dist/, README,
 * LICENSE and package.json, nothing else (no sources, tests, sandboxes, screenshots or build caches).
 * Reads dist as the last build left it (npm test builds first).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function packedFiles(): string[] {
	const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
	return (JSON.parse(json) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path).sort();
}

describe('the published tarball', () => {
	const files = packedFiles();
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; n8n: { nodes: string[]; credentials: string[] } };

	it('holds only dist/, README.md, LICENSE and package.json', () => {
		expect(files.filter((f) => !f.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(files.filter((f) => f.startsWith('dist/') && !/^dist\/(nodes|credentials)\//.test(f))).toEqual(['dist/package.json']);
		expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
	});

	it('holds every node and credential package.json lists, with their codex files and both icons', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(file);
		for (const node of pkg.n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
		expect(files.filter((f) => f.endsWith('.dark.svg')).length).toBeGreaterThanOrEqual(pkg.n8n.nodes.length);
	});

	it('ships an MIT LICENSE, as package.json says', () => {
		expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
	});

	it('has a version that says it is a pre-release until 1.0, and a CHANGELOG entry for it', () => {
		expect(pkg.version).toMatch(/^0\.\d+\.\d+(-(alpha|beta|rc)\.\d+)?$/);
		expect(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## ${pkg.version} `);
	});
});
