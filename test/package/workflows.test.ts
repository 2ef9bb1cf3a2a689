/**
 * The GitHub workflows: CI runs what .ci/run runs, and a version tag builds, tests and publishes the package
 * with npm provenance (n8n verifies only community nodes published so from a GitHub Action).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}
interface Workflow {
	on: Record<string, { tags?: string[]; branches?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

function workflow(file: string): Workflow {
	return parse(fs.readFileSync(path.join(ROOT, '.github/workflows', file), 'utf8')) as Workflow;
}

/** Every shell command the workflow's steps run, in order, one per line. */
function commands(wf: Workflow): string[] {
	return Object.values(wf.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ?? '').split('\n').map((line) => line.trim()).filter(Boolean)));
}

/** The position of the first command matching `pattern`; -1 when none does. */
function indexOf(list: string[], pattern: RegExp): number {
	return list.findIndex((command) => pattern.test(command));
}

/** GitHub's tag filter: `*` is any run of characters but `/`; everything else literal. */
function tagFilterMatches(filter: string, tag: string): boolean {
	return new RegExp(`^${filter.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`).test(tag);
}

describe('.github/workflows/ci.yml', () => {
	const ci = workflow('ci.yml');

	it('runs on pushes to main and on pull requests', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push?.branches).toContain('main');
	});

	it('checks the code out and runs the commands of .ci/run, in the same order', () => {
		const ciRun = fs
			.readFileSync(path.join(ROOT, '.ci/run'), 'utf8')
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => /^npm /.test(line));
		expect(ciRun).toEqual(['npm ci', 'npm test']);
		const run = commands(ci);
		const at = ciRun.map((command) => run.indexOf(command));
		expect(at.every((i) => i >= 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		expect(Object.values(ci.jobs)[0].steps[0].uses).toMatch(/^actions\/checkout@/);
	});
});

describe('.github/workflows/release.yml', () => {
	const release = workflow('release.yml');
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

	it("runs on a version tag, including this package's version", () => {
		expect(Object.keys(release.on)).toEqual(['push']);
		const filters = release.on.push?.tags ?? [];
		expect(filters.some((f) => tagFilterMatches(f, `v${pkg.version}`))).toBe(true);
		expect(filters.some((f) => tagFilterMatches(f, 'v1.2.3'))).toBe(true);
		expect(filters.some((f) => tagFilterMatches(f, 'main'))).toBe(false);
		expect(release.on.push?.branches).toBeUndefined();
	});

	it('may mint the OIDC token that signs the provenance statement (id-token: write)', () => {
		for (const job of Object.values(release.jobs)) expect({ ...release.permissions, ...job.permissions }['id-token']).toBe('write');
	});

	it('installs, builds, tests, then publishes with --provenance --access public', () => {
		const run = commands(release);
		const steps = [/^npm ci$/, /^npm run build$/, /^npm test$/, /^npm publish .*--provenance/].map((pattern) => indexOf(run, pattern));
		expect(steps.every((i) => i >= 0)).toBe(true);
		expect([...steps].sort((a, b) => a - b)).toEqual(steps);
		const publish = run[steps[3]];
		expect(publish).toMatch(/--access public/);
	});

	it('refuses a tag that is not the version in package.json, before publishing', () => {
		const run = commands(release);
		const check = indexOf(run, /GITHUB_REF_NAME.*v\$version/);
		expect(check).toBeGreaterThanOrEqual(0);
		expect(check).toBeLessThan(indexOf(run, /^npm publish /));
	});

	it('leaves npm free to use trusted publishing (setup-node without registry-url, npm 11.5.1 or later)', () => {
		const steps = Object.values(release.jobs).flatMap((job) => job.steps);
		expect(steps.filter((s) => s.uses?.startsWith('actions/setup-node@')).map((s) => s.with?.['registry-url'])).toEqual([undefined]);
		expect(indexOf(commands(release), /npm install -g 'npm@\^11\.5\.1'/)).toBeGreaterThanOrEqual(0);
	});
});
