module.exports = {
  displayName: 'console-e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.e2e.test.js'],
  globalSetup: '<rootDir>/global-setup.js',
  globalTeardown: '<rootDir>/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 1,
}
