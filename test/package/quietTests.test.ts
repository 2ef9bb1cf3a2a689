/**
 * Quiet tests (test/quietEnvironment.js): a green run prints results and totals, not the API errors n8n's
 * logger writes for every failure a node test provokes on purpose; a failing test still shows what it
 * logged. Jest runs in a child process, as `npm test` runs it, and its output is read.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const JEST = path.join(ROOT, 'node_modules/jest/bin/jest.js');

function jest(...args: string[]): { status: number | null; output: string } {
	const { JEST_WORKER_ID: _worker, ...env } = process.env;
	const run = spawnSync(process.execPath, [JEST, '--ci', ...args], { cwd: ROOT, env: { ...env, FORCE_COLOR: '0', JEST_SHOW_LOGS: '' }, encoding: 'utf8', timeout: 180_000 });
	return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

// A real node test whose sandbox answers an error on purpose, so n8n-core logs "GHL answered 400: …".
const NOISY = 'test/ghl/contact.lists.test.ts';

describe('jest output', () => {
	it("has n8n's logger noise in a green run under jest's plain Node environment (the control)", () => {
		const { status, output } = jest('--testEnvironment', 'node', '-i', NOISY);
		expect(status).toBe(0);
		expect(output).toContain('GHL answered 400');
	});

	it('is quiet for a green run: results and totals, no logger or console output', () => {
		const { status, output } = jest('-i', NOISY);
		expect(status).toBe(0);
		expect(output).not.toContain('GHL answered');
		expect(output).toMatch(/^Tests:\s+\d+ passed, \d+ total/m);
	});

	it("shows a failing test's console and n8n logger output under its name, and only that test's", () => {
		// Two files, so jest runs them in workers (its buffered console), not in band.
		const { status, output } = jest('-w', '2', '--testMatch', '**/test/package/fixtures/quiet/*.fixture.ts');
		expect(status).toBe(1);
		expect(output).toContain('Output of the failed test "fails after logging"');
		expect(output).toContain('console.log FAILING-TEST-MARKER');
		expect(output).toContain('n8n logger FAILING-TEST-MARKER');
		expect(output).not.toContain('PASSING-TEST-MARKER');
		expect(output).not.toContain('PASSING-NEIGHBOUR-MARKER');
		expect(output).toMatch(/^Tests:\s+1 failed, 2 passed, 3 total/m);
	});

	it("shows a failing test's output and its assertion when one file runs in band (jest's verbose console)", () => {
		const { status, output } = jest('-i', 'test/package/fixtures/quiet/failing.fixture.ts', '--testMatch', '**/*.fixture.ts');
		expect(status).toBe(1);
		expect(output).not.toContain('removeListener is not a function');
		expect(output).toContain('Output of the failed test "fails after logging"');
		expect(output).toContain('console.log FAILING-TEST-MARKER');
		expect(output).toMatch(/^Tests:\s+1 failed, \d+ passed, \d+ total/m);
	});
});
