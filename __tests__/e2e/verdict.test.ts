// Verdicts from buildx's words, not the step's (issue 27, item 7), on the engine: a failing RUN whose
// command and output say what a transport failure, a cancellation and a registry's Retry-After say is
// still a step failure: one attempt, category step, no wait.
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  runAction,
  startBridge,
  uniqueName,
} from '../support/testbed.js';

afterAll(async () => {
  await closeBridges();
  cleanupDirs();
});

const fast = { 'retry-wait-seconds': '1', 'retry-max-wait-seconds': '2', network: 'none', driver: 'remote' };

test.each([
  [
    'transport, cancellation and Retry-After words',
    'echo "failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF" && echo "Canceled: context canceled" && echo "429 Too Many Requests toomanyrequests Retry-After: 99999" && exit 3',
  ],
  ['a 5,000-character command', `echo ${'x'.repeat(5000)} && exit 3`],
])('a failing RUN with %s: one attempt, category step', async (_name, command) => {
  const bridge = await startBridge(1);
  const dir = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN ${command}\n`);
  const run = await runAction({
    ...fast,
    name: uniqueName('verdict'),
    endpoint: bridge.endpoint,
    context: dir,
  });
  expect(run.main.code).toBe(1);
  expect(run.outputs.attempts).toBe('1');
  expect(run.outputs['failure-category']).toBe('step');
  expect(run.main.stdout).not.toContain('retrying in');
  expect(run.main.stdout).toMatch(/Not retried further: step failures are not retried/);
});
