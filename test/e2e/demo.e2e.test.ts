import { execFileSync } from 'node:child_process';

import { ROOT } from './harness/n8n';

describe('npm run demo', () => {
	it('brings up n8n with the package, the sandbox and a credential (checked with --check)', () => {
		const { NODE_ENV: _jest, ...env } = process.env;
		const out = execFileSync('npm', ['run', '--silent', 'demo', '--', '--check'], { cwd: ROOT, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
		expect(out).toMatch(/OK: n8n listed n8n-nodes-ghl-rankr\.ghl, n8n-nodes-ghl-rankr\.ghlTrigger/);
		expect(out).toContain('credential "GHL sandbox (demo)" created');
	});
});
