// Two projects so `npm run test:unit` never needs the engine and `npm run test:e2e` starts it once.
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  // The test bed's unpacked packages and run folders are not the project's modules.
  modulePathIgnorePatterns: ['<rootDir>/.engine/', '<rootDir>/bench/results/'],
  watchPathIgnorePatterns: ['<rootDir>/.engine/'],
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/__tests__/support/e2e-setup.ts'],
    },
  ],
};
