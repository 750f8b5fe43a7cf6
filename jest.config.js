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

// Test files named on the command line narrow each project to them. `--selectProjects` takes every
// word after it as a project name, so `jest --selectProjects e2e __tests__/e2e/x.test.ts` would
// otherwise ignore the file and run the whole e2e suite.
const named = process.argv
  .filter((a) => /\.test\.ts$/.test(a))
  .map((a) => (a.startsWith('/') ? a : `<rootDir>/${a.replace(/^\.\//, '')}`));
// A project none of the named files is in matches nothing (an empty testMatch would be jest's default).
const match = (folder) =>
  named.length
    ? [...named.filter((p) => p.includes(`/${folder}/`)), '<rootDir>/none-named']
    : [`<rootDir>/__tests__/${folder}/**/*.test.ts`];

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: match('unit') },
    {
      ...common,
      displayName: 'e2e',
      testMatch: match('e2e'),
      globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
      globalTeardown: '<rootDir>/__tests__/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/__tests__/support/e2e-setup.ts'],
    },
  ],
};
