import { execFileSync } from 'node:child_process';

import { ROOT } from './harness/n8n';
import { templateFiles } from './harness/templates';

describe('npm run demo', () => {
	it('brings up n8n with the package, both sandboxes, credentials and every template (checked with --check)', () => {
		const { NODE_ENV: _jest, ...env } = process.env;
		const out = execFileSync('npm', ['run', '--silent', 'demo', '--', '--check'], { cwd: ROOT, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
		for (const node of ['ghl', 'ghlTrigger', 'ghlPollingTrigger', 'rankr', 'rankrTrigger']) expect(out).toContain(`n8n-nodes-ghl-rankr.${node}`);
		expect(out).toContain('credentials "GHL sandbox (demo)", "Rankr sandbox (demo)", "GHL OAuth2 sandbox (demo, click Connect)" created');
		expect(out).toContain(`${templateFiles().length} templates imported: ${templateFiles().join(', ')}`);
		expect(templateFiles()).toHaveLength(5);
	});
});
