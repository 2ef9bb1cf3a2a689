/** End-to-end suite: a real n8n in a child process. Serial, long timeouts. */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup-env.js'],
	// Secrets never in output or n8n's log (test/security).
	setupFilesAfterEnv: ['<rootDir>/test/security/captureOutput.ts'],
	reporters: ['default', '<rootDir>/test/security/secretScanReporter.js'],
	testTimeout: 900_000,
	maxWorkers: 1,
};
