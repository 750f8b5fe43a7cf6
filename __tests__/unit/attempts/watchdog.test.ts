// The stall watchdog's decisions, on a fake clock and a scripted probe (the e2e tests run it on a
// real silent node).
import {
  StallWatch,
  describeStall,
  registryHostIn,
  stallClassification,
  type SilentNode,
  type Stall,
} from '../../../src/attempts/watchdog.js';

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

describe('a registry that stops answering while every node answers', () => {
  function pushWatch(step: string, output: string) {
    let now = 0;
    const stalls: Stall[] = [];
    const quiet: string[] = [];
    const w = new StallWatch({
      timeoutMs: 10_000,
      probe: async () => [],
      runningStep: () => step,
      registryHost: () => registryHostIn(output),
      onQuiet: (s) => quiet.push(String(s)),
      onStall: (s) => stalls.push(s),
      now: () => now,
    });
    return { w, stalls, quiet, advance: (ms: number) => (now += ms) };
  }

  test.each([
    // The docker driver's push step, as buildx 0.29.1 prints it on the test bed.
    [
      'pushing 127.0.0.1:5000/app:v1 with docker',
      '#8 pushing 127.0.0.1:5000/app:v1 with docker\n',
      '127.0.0.1:5000',
    ],
    // BuildKit's image exporter.
    [
      'exporting to image',
      '#9 pushing manifest for registry.test:5000/app:v1@sha256:ab\n',
      'registry.test:5000',
    ],
    ['exporting cache to registry', '#10 exporting cache to registry\n', undefined],
  ])(
    '%s: a registry stall, classified registry (retryable), naming the host when the output did',
    async (step, output, host) => {
      const t = pushWatch(step, output);
      t.advance(12_000);
      await t.w.check();
      expect(t.quiet).toEqual([]);
      expect(t.stalls).toHaveLength(1);
      const c = stallClassification(t.stalls[0]);
      expect({ category: c.category, retryable: c.retryable }).toEqual({
        category: 'registry',
        retryable: true,
      });
      expect(describeStall(t.stalls[0])).toContain(
        `so the registry${host ? ` ${host}` : ''} stopped answering`,
      );
    },
  );

  test('a quiet compile step with every node answering stays a quiet step', async () => {
    const t = pushWatch('[build 3/4] RUN make', '#7 [build 3/4] RUN make\n');
    t.advance(12_000);
    await t.w.check();
    expect(t.stalls).toEqual([]);
    expect(t.quiet).toEqual(['[build 3/4] RUN make']);
  });

  test('a Docker Hub path is not a host; the last host named wins', () => {
    expect(registryHostIn('pushing manifest for library/app:v1')).toBeUndefined();
    expect(
      registryHostIn(
        '#8 pushing a.test/x:1 with docker\n#9 pushing manifest for b.test:5000/y:2@sha256:00\n',
      ),
    ).toBe('b.test:5000');
  });
});
