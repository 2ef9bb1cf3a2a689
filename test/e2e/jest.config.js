/** End-to-end suite: a real n8n in a child process. Serial, long timeouts. */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
	modulePathIgnorePatterns: ['<rootDir>/dist/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setup-env.js'],
	setupFilesAfterEnv: ['<rootDir>/test/security/scanOutput.ts'],
	reporters: ['default', '<rootDir>/test/security/secretScanReporter.js'],
	testTimeout: 900_000,
	maxWorkers: 1,
};
