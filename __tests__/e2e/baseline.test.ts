// Baselines through the real @actions/cache library, against a local cache service v2: a push to
// main saves one; a pull request restores main's and reports what got slower or lost its cache.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeBridge } from '../../scripts/testbed/bridge.mjs';
import { FakeCacheService } from '../support/cache-server.js';
import { FakeGitHub } from '../support/github-server.js';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  exec,
  processedCommands,
  runAction,
  startContainerdStoreDaemon,
  tempDir,
  uniqueName,
} from '../support/testbed.js';

let cacheService: FakeCacheService;
const stops: (() => Promise<void>)[] = [];
let github: FakeGitHub;
beforeAll(async () => {
  cacheService = await new FakeCacheService().start();
  github = await new FakeGitHub().start();
});
afterAll(async () => {
  await cacheService.stop();
  await github.stop();
  for (const stop of stops.splice(0)) await stop();
  cleanupDirs();
});

/** The runner's `_temp`: the same folder in every run, as on a hosted runner. */
const runnerTemp = tempDir('bxg-runner-temp-');

/** The folder and key a run saved its baseline under (its debug line). */
function savedBaseline(stdout: string): { dir: string; key: string } | undefined {
  const m = stdout.match(/^::debug::cache: saved (\S+) as (buildx-guard-baseline-\S+) /m);
  return m ? { dir: m[1], key: m[2] } : undefined;
}

type Event = 'push' | 'pull_request' | 'pull_request_target' | 'workflow_run' | 'fork';

function runEnv(ctx: string, event: Event, runId: string): NodeJS.ProcessEnv {
  const eventPath = join(tempDir('bxg-event-'), 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify(
      event === 'push' || event === 'workflow_run'
        ? {}
        : {
            pull_request: {
              number: 7,
              head: {
                sha: 'a'.repeat(40),
                repo:
                  event === 'fork'
                    ? { fork: true, full_name: 'evil/app' }
                    : { fork: false, full_name: 'octo/app' },
              },
            },
          },
    ),
  );
  const pr = event === 'pull_request' || event === 'pull_request_target' || event === 'fork';
  return {
    ...cacheService.env,
    GITHUB_WORKSPACE: ctx,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'image',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'b'.repeat(40),
    GITHUB_EVENT_NAME: event === 'fork' ? 'pull_request' : event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_API_URL: github.url,
    RUNNER_TEMP: runnerTemp,
    // An untrusted head names its branch `main`, the branch a push restores from.
    ...(!pr
      ? { GITHUB_REF: 'refs/heads/main' }
      : event === 'pull_request'
        ? { GITHUB_REF: 'refs/pull/7/merge', GITHUB_HEAD_REF: 'feature', GITHUB_BASE_REF: 'main' }
        : {
            GITHUB_REF: event === 'pull_request_target' ? 'refs/heads/main' : 'refs/pull/7/merge',
            GITHUB_HEAD_REF: 'main',
            GITHUB_BASE_REF: 'main',
          }),
  };
}

test('a push saves a baseline; a PR that changes an early COPY gets cache-ratio-drop at that line and before/after timings', async () => {
  const ctx = busyboxContext(
    `${BUSYBOX_BASE}FROM busybox
WORKDIR /app
COPY config.txt /app/config.txt
RUN echo "installing" && sleep 2
RUN echo "building"
`,
    { 'config.txt': `${uniqueName('config')}\n` },
  );
  // The baseline's cache calls alone (the ledger's: ledger.test.ts).
  const inputs = {
    driver: 'docker',
    context: ctx,
    network: 'none',
    'github-token': 'ghs_write',
    ledger: 'false',
  };
  // Warm the cache, so main's baseline has every step cached.
  expect(
    (await runAction({ ...inputs, baseline: 'false' }, { env: runEnv(ctx, 'push', '1') })).main.code,
  ).toBe(0);
  const main = await runAction(inputs, { env: runEnv(ctx, 'push', '2') });
  expect(main.main.code).toBe(0);
  expect(main.summary).not.toContain('cache-ratio-drop');
  // Nothing to restore yet: the miss is asked once more (lookup only) before anything is saved.
  expect(cacheService.calls).toEqual([
    'GetCacheEntryDownloadURL',
    'GetCacheEntryDownloadURL',
    'CreateCacheEntry',
    'FinalizeCacheEntryUpload',
  ]);
  // The build key ends with the leg's hash (report.ts: what tells matrix legs apart), then the ref.
  const prefix =
    'buildx-guard-baseline-v1-octo/app-ci-image-docker-default-' +
    ctx.replace(/[^a-zA-Z0-9._/-]/g, '-').slice(0, 120);
  expect(cacheService.entries.map((e) => e.key)).toEqual([expect.stringMatching(/-[0-9a-f]{8}-main@2-1$/)]);
  expect(cacheService.entries[0].key.startsWith(prefix)).toBe(true);

  // Unique content: BuildKit's cache is content-addressed, and earlier runs built other contents.
  writeFileSync(join(ctx, 'config.txt'), `${uniqueName('changed')}\n`);
  const pr = await runAction(inputs, { env: runEnv(ctx, 'pull_request', '3') });
  expect(pr.main.code).toBe(0);
  expect(cacheService.calls.slice(4)).toEqual([
    'GetCacheEntryDownloadURL',
    'CreateCacheEntry',
    'FinalizeCacheEntryUpload',
  ]);
  const warnings = processedCommands(pr.main.stdout).filter(
    (c) => c.startsWith('::warning ') && c.includes('cache-ratio-drop') === false,
  );
  const drop = processedCommands(pr.main.stdout).find((c) =>
    /^::warning title=3 step\(s\) cached in the baseline ran again/.test(c),
  );
  expect(drop).toMatch(/file=Dockerfile,line=6,endLine=6::/);
  expect(warnings.length).toBeGreaterThan(0);
  const comment = github.commentsOn(7).at(-1)!.body;
  expect(comment).toContain('3 step\\(s\\) cached in the baseline ran again');
  // Before/after timings are in the chart, which the job summary shows (the comment folds the rest).
  expect(pr.summary).toMatch(/RUN echo installing sleep 2 was 0\.0 s :active/);
});

test('the baseline folder: private (0700) in RUNNER_TEMP while the step runs, removed by the post phase', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('folder')}\n`);
  const inputs = { driver: 'docker', context: ctx, network: 'none', comment: 'off' };
  const kept = await runAction(inputs, { env: runEnv(ctx, 'push', '41'), skipPost: true });
  expect(kept.main.code).toBe(0);
  const saved = savedBaseline(kept.main.stdout)!;
  expect(saved).toBeDefined();
  expect(saved.dir.startsWith(`${runnerTemp}/`)).toBe(true);
  expect(statSync(saved.dir).mode & 0o777).toBe(0o700);
  expect(statSync(join(saved.dir, 'baseline.json')).mode & 0o077).toBe(0);
  const run = await runAction(inputs, { env: runEnv(ctx, 'push', '42') });
  expect(run.main.code).toBe(0);
  expect(savedBaseline(run.main.stdout)?.dir).toBe(saved.dir);
  expect(run.post.code).toBe(0);
  expect(existsSync(saved.dir)).toBe(false);
  expect(readdirSync(runnerTemp).filter((f) => f.startsWith('buildx-guard-baseline-'))).toEqual([]);
});

test.each(['pull_request_target', 'workflow_run', 'fork'] as const)(
  'a %s run whose head branch is named main saves nothing a push on main restores',
  async (event) => {
    const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('untrusted')}\n`);
    const inputs = { driver: 'docker', context: ctx, network: 'none', comment: 'off' };
    const entries = cacheService.entries.length;
    const run = await runAction(inputs, { env: runEnv(ctx, event, '51') });
    expect(run.main.code).toBe(0);
    expect(savedBaseline(run.main.stdout)).toBeUndefined();
    expect(run.main.stdout).toMatch(/^::debug::baseline: not saved: /m);
    expect(cacheService.entries.length).toBe(entries);
    const push = await runAction(inputs, { env: runEnv(ctx, 'push', '52') });
    expect(push.main.stdout).toMatch(/^::debug::cache: none found under buildx-guard-baseline-v1-.*-main@$/m);
  },
);

test('a malformed restored baseline (wrong types, __proto__, huge) leaves a green build green, ignored with a debug line', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('malformed')}\n`);
  const inputs = { driver: 'docker', context: ctx, network: 'none', comment: 'off' };
  const first = await runAction(inputs, { env: runEnv(ctx, 'push', '61'), skipPost: true });
  expect(first.main.code).toBe(0);
  const saved = savedBaseline(first.main.stdout)!;
  const good = JSON.parse(readFileSync(join(saved.dir, 'baseline.json'), 'utf8'));
  const prefix = saved.key.replace(/61-1$/, '');
  const { saveCache } = await import('@actions/cache');
  // Every step cached in the baseline and run again (no-cache): a usable baseline gives findings,
  // whose text names the baseline's ref (a number there made `text.replace is not a function`).
  const cachedSteps = good.steps.map((st: object) => ({ ...st, cached: true }));
  const malformed: [string, string][] = [
    ['ref a number', JSON.stringify({ ...good, ref: 123, steps: cachedSteps })],
    ['steps of the wrong types', JSON.stringify({ ...good, steps: [{ id: 1, label: {}, durationMs: 'x' }] })],
    ['__proto__', JSON.stringify(good).replace('{', '{"__proto__":{"steps":7},')],
    ['huge', JSON.stringify({ ...good, steps: [], pad: 'x'.repeat(9 * 1024 * 1024) })],
  ];
  const saveEnv = { ...cacheService.env, GITHUB_WORKSPACE: ctx };
  for (const [n, [what, text]] of malformed.entries()) {
    mkdirSync(saved.dir, { recursive: true, mode: 0o700 });
    writeFileSync(join(saved.dir, 'baseline.json'), text);
    const before = { ...process.env };
    Object.assign(process.env, saveEnv);
    try {
      expect(await saveCache([saved.dir], `${prefix}${70 + n}-1`)).not.toBe(-1);
    } finally {
      for (const k of Object.keys(saveEnv)) if (before[k] === undefined) delete process.env[k];
      Object.assign(process.env, before);
    }
    const run = await runAction({ ...inputs, 'no-cache': 'true' }, { env: runEnv(ctx, 'push', `${80 + n}`) });
    const error = run.main.stdout.match(/^::error.*$/m)?.[0];
    expect({ what, code: run.main.code, error, stderr: run.main.stderr }).toEqual({
      what,
      code: 0,
      error: undefined,
      stderr: '',
    });
    expect(run.main.stdout).toContain(`::debug::baseline: restored ${prefix}${70 + n}-1 (ignored: `);
    expect(run.main.stdout).not.toContain('is not a function');
    // And it saves a fresh, valid one for the next run.
    expect(savedBaseline(run.main.stdout)?.key).toBe(`${prefix}${80 + n}-1`);
  }
});

test('with no cache service the action behaves exactly as without the feature', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('plain')}\n`);
  const env = { GITHUB_WORKSPACE: ctx, GITHUB_RUN_ID: '9', GITHUB_REPOSITORY: 'octo/app' };
  const calls = cacheService.calls.length;
  const on = await runAction({ driver: 'docker', context: ctx, network: 'none', comment: 'off' }, { env });
  const off = await runAction(
    { driver: 'docker', context: ctx, network: 'none', comment: 'off', baseline: 'false' },
    { env },
  );
  expect([on.main.code, off.main.code]).toEqual([0, 0]);
  const commands = (out: string) =>
    processedCommands(out).filter((c) => !/^::(debug|group|endgroup|save-state|set-output|add-mask)/.test(c));
  expect(commands(on.main.stdout)).toEqual(commands(off.main.stdout));
  expect(cacheService.calls.length).toBe(calls);
  expect(on.main.stdout).toContain('::debug::cache: the Actions cache service is not available here');
});

test('cache-mode local: the build cache survives a pruned BuildKit through the Actions cache', async () => {
  // The default image store's embedded BuildKit has no local cache exporter; the containerd store has.
  const daemon = await startContainerdStoreDaemon();
  stops.push(daemon.stop);
  const bridge = new NodeBridge({ socketPath: daemon.socket });
  await bridge.start();
  stops.push(() => bridge.close());
  const step = uniqueName('slow');
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${step} && sleep 2\n`);
  const inputs = {
    driver: 'remote',
    endpoint: bridge.endpoint,
    context: ctx,
    network: 'none',
    'cache-mode': 'local',
    baseline: 'false',
    comment: 'off',
  };
  const first = await runAction(inputs, { env: runEnv(ctx, 'push', '21') });
  expect(first.main.code).toBe(0);
  expect(first.main.stdout).toContain('cache-mode local: no build cache to restore; starting cold.');
  expect(
    cacheService.entries.some(
      (e) => e.key.startsWith('buildx-guard-buildcache-v1-') && e.key.endsWith('-main@21-1'),
    ),
  ).toBe(true);
  // Nothing of this build is left in the node's own cache.
  const prune = await exec('docker', ['builder', 'prune', '--all', '--force'], {
    env: { ...process.env, DOCKER_HOST: `unix://${daemon.socket}` },
  });
  expect(prune.code).toBe(0);
  const second = await runAction(inputs, { env: runEnv(ctx, 'push', '22') });
  expect(second.main.code).toBe(0);
  expect(second.main.stdout).toMatch(
    /cache-mode local: restored the build cache buildx-guard-buildcache-v1-.*-main@21-1\./,
  );
  expect(second.main.stdout).toMatch(
    new RegExp(`#(\\d+) \\[stage-1 1/1\\] RUN echo ${step} && sleep 2\\n#\\1 CACHED`),
  );
  expect(cacheService.entries.some((e) => e.key.endsWith('-main@22-1'))).toBe(true);
});

test('cache-mode local with the docker driver is one sentence, before anything runs', async () => {
  const run = await runAction({
    driver: 'docker',
    'cache-mode': 'local',
    context: busyboxContext('FROM scratch\n'),
  });
  expect(run.main.code).toBe(1);
  expect(run.main.stdout).toMatch(
    /^::error::Input 'cache-mode: local' needs a builder that can export a cache .*; the docker driver cannot\.$/m,
  );
});
