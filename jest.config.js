/** Unit, sandbox-conformance and node tests run on loopback only. The e2e suite (real n8n) has its own config. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  // Secrets never in output: console copied for the scan, which fails the run on a hit (test/security).
  setupFilesAfterEnv: ['<rootDir>/test/security/captureOutput.ts'],
  reporters: ['default', '<rootDir>/test/security/secretScanReporter.js'],
  testTimeout: 60000,
};
