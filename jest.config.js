/** Unit, sandbox-conformance and node tests run on loopback only. The e2e suite (real n8n) has its own config. */
module.exports = {
  // Node's, printing a test's console and logger output only when it fails (test/quietEnvironment.js).
  testEnvironment: '<rootDir>/test/quietEnvironment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  // Every file's output, node outputs and errors are scanned for the secrets tests use (test/security).
  setupFilesAfterEnv: ['<rootDir>/test/security/scanOutput.ts'],
  // ... and every failure message and snapshot, by a reporter that fails the run on a hit.
  reporters: ['default', '<rootDir>/test/security/secretScanReporter.js'],
  testTimeout: 60000,
};
