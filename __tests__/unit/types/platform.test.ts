// The one platform rule (src/types/platform.ts): the builder's preflight and the ledger's attribution.
import { samePlatform, serves } from '../../../src/types/platform.js';
import { serves as builderServes } from '../../../src/builder/platforms.js';

test('the builder serves with the shared rule', () => {
  expect(builderServes).toBe(serves);
});

// __tests__/unit/builder/platforms.test.ts checks serves' os/arch/variant cases; these are the rest.
test('serves: a variant asked and not offered; arm64/v9; case and a trailing `*`; an empty spelling', () => {
  expect(serves('linux/amd64', 'linux/amd64/v2')).toBe(false);
  expect(serves('linux/arm64', 'linux/arm64/v9')).toBe(false);
  expect(serves('linux/amd64*', 'Linux/AMD64')).toBe(true);
  expect(serves('', 'linux/amd64')).toBe(false);
});

test('samePlatform: the same platform in any spelling, not one that only serves the other', () => {
  expect(samePlatform('linux/arm64', 'linux/arm64/v8*')).toBe(true);
  expect(samePlatform(' LINUX/ARM/V7 ', 'linux/arm/v7')).toBe(true);
  expect(samePlatform('linux/amd64/v2', 'linux/amd64')).toBe(false);
  expect(samePlatform('linux/arm/v6', 'linux/arm/v7')).toBe(false);
});
