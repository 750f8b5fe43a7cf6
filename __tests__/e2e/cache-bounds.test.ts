// Bounded waits on the Actions cache, on the real engine with the bundled action and the real
// @actions/cache library, against a local cache service that accepts every connection and never
// answers: the baseline's restore is given up at its deadline with a notice and the build is green
// (the step ends, though the library's request is still open); SIGTERM while cache-mode local's
// restore waits (before the build, with the build cache's 10 minute deadline) ends the step within
// seconds, cancelled.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { FakeCacheService } from '../support/cache-server.js';
import {
  actionEnv,
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  closeBridges,
  processedCommands,
  repo,
  runPost,
  startBridge,
  uniqueName,
  waitFor,
} from '../support/testbed.js';

let service: FakeCacheService;
const children: ChildProcess[] = [];
beforeAll(async () => {
  service = await new FakeCacheService().start();
  service.stall = true;
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await service.stop();
  await closeBridges();
  cleanupDirs();
});

/** The main phase, started; `ended` resolves with its exit code, or -1 after `guardMs` (then killed). */
function startMain(env: NodeJS.ProcessEnv, guardMs: number) {
  const child = spawn(process.execPath, [join(repo, 'dist', 'index.js')], { env });
  children.push(child);
  const out = { stdout: '' };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stdout += d));
  const ended = new Promise<number>((resolve) => {
    // The old code's hang fails the test instead of the file.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(-1);
    }, guardMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 + 9 : 1));
    });
  });
  return { child, out, ended };
}

function cacheEnv(ctx: string): NodeJS.ProcessEnv {
  return {
    ...service.env,
    GITHUB_WORKSPACE: ctx,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_WORKFLOW: 'ci',
    GITHUB_JOB: 'image',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/heads/main',
  };
}

test('a cache service that never answers: the baseline restore is given up at its deadline with a notice, the build is green and the step ends', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('stalled-cache')}\n`);
  const { env, files } = actionEnv(
    // The baseline's restore alone (the ledger's calls go through the same bound: ledger.test.ts).
    { driver: 'docker', context: ctx, network: 'none', comment: 'off', ledger: 'false' },
    { env: { ...cacheEnv(ctx), BUILDX_GUARD_CACHE_TIMEOUT_SECONDS: '3' } },
  );
  const calls = service.calls.length;
  const main = startMain(env, 90_000);
  const code = await main.ended;
  const stdout = main.out.stdout;
  expect({ code, stalled: service.calls.slice(calls) }).toEqual({
    code: 0,
    stalled: ['stalled GetCacheEntryDownloadURL'],
  });
  const notices = processedCommands(stdout).filter((c) => c.startsWith('::notice::cache:'));
  expect(notices).toEqual([
    expect.stringMatching(
      /^::notice::cache: restore of buildx-guard-baseline-v1-octo\/app-ci-image-\S+-main@\* given up: the Actions cache did not answer within 3 s; carrying on without it\.$/,
    ),
  ]);
  // Nothing saved over a folder the abandoned restore may still write into.
  expect(stdout).toMatch(/^::debug::baseline: not saved: the restore into \S+ was given up/m);
  expect(stdout).not.toMatch(/::error/);
  expect((await runPost(env, files.GITHUB_STATE)).code).toBe(0);
}, 120_000);

test('SIGTERM while cache-mode local waits for its restore ends the step within seconds, cancelled', async () => {
  const bridge = await startBridge(0);
  const name = uniqueName('stalled-local-cache');
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo ${uniqueName('never')}\n`);
  const { env, files } = actionEnv(
    {
      driver: 'remote',
      name,
      endpoint: bridge.endpoint,
      context: ctx,
      network: 'none',
      comment: 'off',
      baseline: 'false',
      ledger: 'false',
      'cache-mode': 'local',
    },
    // No deadline of ours set: the build cache's own (10 min) is what would hold the step.
    { env: cacheEnv(ctx) },
  );
  const calls = service.calls.length;
  const main = startMain(env, 60_000);
  await waitFor(() => service.calls.length > calls, 60_000, 'the restore to reach the cache service');
  // The phase waits on the restore (the build has not started): give it a moment to settle there.
  await new Promise((r) => setTimeout(r, 1000));
  const sent = Date.now();
  main.child.kill('SIGTERM');
  const code = await main.ended;
  const exitMs = Date.now() - sent;
  expect({ code, exitsWithinSeconds: exitMs < 15_000 }).toEqual({ code: 1, exitsWithinSeconds: true });
  expect(service.calls.slice(calls)).toEqual(['stalled GetCacheEntryDownloadURL']);
  const commands = processedCommands(main.out.stdout);
  expect(commands).toContainEqual(
    expect.stringMatching(
      /^::notice::cache: restore of buildx-guard-buildcache-v1-\S+\* given up: the step was cancelled; carrying on without it\.$/,
    ),
  );
  expect(commands).toContain(
    '::error::The step was cancelled (SIGTERM) before it finished; every buildx command it ran was stopped.',
  );
  // No build was started after the signal.
  expect(commands.filter((c) => c.startsWith('::group::Build, attempt'))).toEqual([]);
  expect((await runPost(env, files.GITHUB_STATE)).code).toBe(0);
}, 120_000);
