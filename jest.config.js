// One jest run, four projects: pure shared code, the server against real PostgreSQL, client components in jsdom,
// and browser tests that start the app as a user does and drive Debian's Chromium.
const swc = (tsx) => [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  // Per-project testTimeout is ignored by jest; real databases and a real browser need more than the 5 s default.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'shared',
      testEnvironment: 'node',
      roots: ['<rootDir>/shared/src'],
      transform: { '^.+\\.tsx?$': swc(false) },
    },
    {
      displayName: 'server',
      testEnvironment: 'node',
      roots: ['<rootDir>/server/src'],
      transform: { '^.+\\.tsx?$': swc(false) },
      moduleNameMapper: {
        '^@detente/shared$': '<rootDir>/shared/src/index.ts',
        '^node-fetch$': '<rootDir>/server/src/test-support/node-fetch.ts',
      },
      globalSetup: '<rootDir>/server/src/test-support/global-setup.ts',
      globalTeardown: '<rootDir>/server/src/test-support/global-teardown.ts',
      testTimeout: 60000,
    },
    {
      displayName: 'client',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/client/src'],
      transform: { '^.+\\.tsx?$': swc(true) },
      moduleNameMapper: {
        '^@detente/shared$': '<rootDir>/shared/src/index.ts',
        '^@detente/shared/(.*)$': '<rootDir>/shared/src/$1',
        '\\.module\\.css$': '<rootDir>/client/test/cssModuleStub.js',
        '\\.css$': '<rootDir>/client/test/styleStub.js',
      },
      setupFilesAfterEnv: ['<rootDir>/client/test/setup.ts'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      roots: ['<rootDir>/client/e2e'],
      transform: { '^.+\\.tsx?$': swc(false) },
      testTimeout: 180000,
    },
  ],
};
