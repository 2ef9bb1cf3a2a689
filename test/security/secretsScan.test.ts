import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { FIXED_SECRETS, findSecrets } from './secrets';

const ROOT = path.join(__dirname, '../..');

describe('secrets scan', () => {
	it.each(Object.entries(FIXED_SECRETS))('finds the %s', (name, value) => {
		expect(findSecrets(`x ${value} y`)).toEqual([name]);
	});

	it.each([
		['an OAuth refresh token', 'refresh_token=oauth-rt-0123456789abcdef01234567', 'GHL OAuth access or refresh token'],
		['a location token', '"access_token":"location-at-0123456789abcdef01234567"', 'GHL location token'],
		['a Rankr webhook secret', 'secret: whsec_AbCdEfGhIjKlMnOpQrStUvWx12', 'Rankr webhook signing secret'],
	])('finds %s by its shape', (_case, text, name) => {
		expect(findSecrets(text)).toEqual([name]);
	});

	it('finds nothing in redacted text', () => {
		expect(findSecrets('Authorization: Bearer ***, secret: whsec_…, token pit-***')).toEqual([]);
	});

	function runFixture(file: string) {
		return spawnSync(
			process.execPath,
			[require.resolve('jest/bin/jest'), '--rootDir', ROOT, '--roots', '<rootDir>/test/security/fixtures', '--testMatch', `**/${file}`, '--testPathIgnorePatterns', '/node_modules/'],
			{ cwd: ROOT, encoding: 'utf8' },
		);
	}

	it('fails a test file whose output leaks a secret, naming the secret but not showing it', () => {
		const run = runFixture('leaky.fixture.ts');
		expect(run.status).not.toBe(0);
		expect(run.stderr).toContain('Secrets leaked into test output, node output or errors: GHL sandbox Private Integration token');
	});

	it('passes the same file with the token redacted', () => {
		const run = runFixture('clean.fixture.ts');
		expect(run.stderr).toContain('1 passed');
		expect(run.status).toBe(0);
	});
});
