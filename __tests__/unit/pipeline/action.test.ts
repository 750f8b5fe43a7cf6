// The action adapter with @actions/core mocked (__fixtures__/core.ts): bad input fails early with one
// sentence, and secrets are masked before anything can print them.
import { jest } from '@jest/globals';
import * as core from '../../../__fixtures__/core.js';

jest.unstable_mockModule('@actions/core', () => core);
const { run } = await import('../../../src/action.js');

beforeEach(() => {
  core.inputs.clear();
  core.said.length = 0;
});

test('an unknown driver fails the step with one sentence naming the input, before any buildx call', async () => {
  core.inputs.set('driver', 'podman');
  await run();
  const failed = core.said.filter((s) => s.kind === 'failed');
  expect(failed).toHaveLength(1);
  expect(failed[0].text).toMatch(
    /^Input 'driver' must be one of docker-container, remote, kubernetes, docker; got 'podman'\.?$/,
  );
  expect(core.said.some((s) => s.kind === 'group')).toBe(false);
});

test('a malformed secrets line is masked first and never echoed', async () => {
  core.inputs.set('secrets', 'oops_no_equals*%');
  await run();
  expect(core.said[0]).toEqual({ kind: 'mask', text: 'oops_no_equals*%' });
  const failed = core.said.find((s) => s.kind === 'failed')!;
  expect(failed.text).toBe("Each line of input 'secrets' must be KEY=value; got line 1.");
});

test('merge-sources with build inputs is an input error naming them', async () => {
  core.inputs.set('merge-sources', 'r/app@sha256:' + 'a'.repeat(64));
  core.inputs.set('tags', 'r/app:1');
  core.inputs.set('build-args', 'A=1');
  await run();
  expect(core.said.find((s) => s.kind === 'failed')!.text).toContain("'build-args' cannot be set with it");
});
