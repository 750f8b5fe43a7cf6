// The stall watchdog's decisions, on a fake clock and a scripted probe (the e2e tests run it on a
// real silent node).
import { StallWatch, describeStall, type SilentNode } from '../../../src/attempts/watchdog.js';

function watch(probe: () => Promise<SilentNode[]>) {
  let now = 0;
  const quiet: string[] = [];
  const stalls: string[] = [];
  const w = new StallWatch({
    timeoutMs: 10_000,
    probe,
    runningStep: () => '[build 3/4] RUN make',
    onQuiet: (step, ms) => quiet.push(`${step} ${ms}`),
    onStall: (s) => stalls.push(describeStall(s)),
    now: () => now,
  });
  return { w, quiet, stalls, advance: (ms: number) => (now += ms) };
}

test('no probe before the build has been silent for the timeout', async () => {
  let probes = 0;
  const t = watch(async () => (probes++, []));
  t.advance(9_999);
  await t.w.check();
  expect(probes).toBe(0);
});

test('a quiet step on a node that answers is said once, and the build goes on', async () => {
  const t = watch(async () => []);
  t.advance(10_000);
  await t.w.check();
  t.advance(10_000);
  await t.w.check();
  expect(t.quiet).toEqual(['[build 3/4] RUN make 10000']);
  expect(t.stalls).toEqual([]);
  expect(t.w.stall).toBeUndefined();
});

test('a node that does not answer is a stall naming the node, its endpoint and the step', async () => {
  const t = watch(async () => [
    { name: 'arm64', endpoint: 'tcp://10.0.0.2:1234', reason: 'did not answer within 10 s' },
  ]);
  t.advance(12_000);
  await t.w.check();
  expect(t.stalls).toEqual([
    "the build stalled: no progress for 12 s while [build 3/4] RUN make ran, and node 'arm64' (tcp://10.0.0.2:1234): did not answer within 10 s",
  ]);
});

test('progress while the probe runs is not a stall', async () => {
  const box: { t?: ReturnType<typeof watch> } = {};
  const t = watch(async () => {
    box.t!.w.progress();
    return [{ name: 'n', endpoint: '', reason: 'slow' }];
  });
  box.t = t;
  t.advance(10_000);
  await t.w.check();
  expect(t.stalls).toEqual([]);
});
