/** End-to-end suite: a real n8n in a child process. Serial, long timeouts. */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	// One queue-mode cluster (Postgres, Redis, n8n main + 2 workers + webhook) for all queue test files.
	globalSetup: '<rootDir>/test/e2e/harness/queueGlobalSetup.ts',
	globalTeardown: '<rootDir>/test/e2e/harness/queueGlobalTeardown.ts',
	setupFiles: ['<rootDir>/test/setup-env.js'],
	setupFilesAfterEnv: ['<rootDir>/test/security/scanOutput.ts'],
	reporters: ['default', '<rootDir>/test/security/secretScanReporter.js'],
	testTimeout: 900_000,
	maxWorkers: 1,
};
