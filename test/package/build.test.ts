/**
 * `npm run build` is n8n's own `n8n-node build` (tsc, then a copy of every svg/png and __schema__ JSON
 * file), configured rather than wrapped: tsconfig's include of nodes/**\/*.json emits the codex files. What
 * n8n needs beside each compiled node must be in dist: the codex, both icons, the output schemas, and the
 * file package.json's "n8n" section names. Reads dist as the last build left it (npm test builds first).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');

function filesUnder(dir: string): string[] {
	return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const rel = path.join(dir, entry.name);
		return entry.isDirectory() ? filesUnder(rel) : [rel];
	});
}

const source = [...filesUnder('nodes'), ...filesUnder('credentials')];
const assets = source.filter((file) => /\.(svg|png)$/.test(file) || file.endsWith('.node.json') || file.includes(`${path.sep}__schema__${path.sep}`));

describe('npm run build (n8n-node build)', () => {
	it('uses n8n-node, not a build script of our own', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		expect(pkg.scripts.build).toBe('n8n-node build');
		expect(pkg.scripts.dev).toBe('n8n-node dev');
		expect(pkg.scripts.lint).toMatch(/(^| )n8n-node lint$/);
	});

	it('puts every codex file, light and dark icon and output schema beside the compiled nodes', () => {
		expect(assets.filter((f) => f.endsWith('.node.json')).length).toBeGreaterThanOrEqual(6);
		expect(assets.filter((f) => f.endsWith('.dark.svg')).length).toBeGreaterThanOrEqual(6);
		expect(assets.filter((f) => f.includes('__schema__')).length).toBeGreaterThan(70);
		const missing = assets.filter((file) => !fs.existsSync(path.join(DIST, file)));
		expect(missing).toEqual([]);
		// tsc re-serialises the JSON it emits; the icons are copied byte for byte.
		const read = (dir: string, file: string) => (file.endsWith('.json') ? JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) : fs.readFileSync(path.join(dir, file)).toString('base64'));
		for (const file of assets) expect({ file, content: read(DIST, file) }).toEqual({ file, content: read(ROOT, file) });
	});

	it('compiles every node and credential package.json lists', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		const listed = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(listed.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
	});
});
