// Bounded waits on the Actions cache: every call of @actions/cache goes through cacheCall (a deadline
// of ours and the phase's cancellation), which lint enforces; the store's restore and save, with the
// real library against a local cache service that never answers, return at the deadline or on
// cancellation with a line that says why, and nothing restored that way is read or saved.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cacheCall,
  cacheDeadlineMs,
  CACHE_DEADLINE_MS,
  lingeringCacheCalls,
} from '../../../src/baseline/cache-call.js';
import { cacheKeys, restoreFolder, restoreGivenUp, saveFolder } from '../../../src/baseline/store.js';
import { FakeCacheService } from '../../support/cache-server.js';
import { repoRoot } from '../../support/paths.js';

const root = mkdtempSync(join(tmpdir(), 'bxg-cache-call-'));
const saved = { ...process.env };
let service: FakeCacheService;
beforeAll(async () => {
  service = await new FakeCacheService().start();
});
afterAll(async () => {
  process.env = saved;
  await service.stop();
  rmSync(root, { recursive: true, force: true });
});

test('ESLint refuses @actions/cache anywhere in src/ but src/baseline/cache-call.ts, in every form', async () => {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({ cwd: repoRoot });
  const refused = async (file: string, code: string) => {
    const [r] = await eslint.lintText(`${code}\nexport const x = 1;\n`, { filePath: join(repoRoot, file) });
    return r.messages.filter((m) => /through src\/baseline\/cache-call\.ts/.test(m.message)).length > 0;
  };
  const forms = [
    "import { restoreCache } from '@actions/cache';\nvoid restoreCache;",
    "import * as cache from '@actions/cache';\nvoid cache;",
    "const cache = await import('@actions/cache');\nvoid cache;",
    "export { saveCache } from '@actions/cache';",
    "export * from '@actions/cache';",
    "type C = typeof import('@actions/cache');\nexport type { C };",
  ];
  // Every group of files the lint config treats apart, and a folder that does not exist yet.
  for (const file of [
    'src/baseline/store.ts',
    'src/action-io.ts',
    'src/pipeline.ts',
    'src/ledger/ledger.ts',
    'src/joblog.ts',
    'src/buildx/probe.ts',
    'src/fsio/probe.ts',
    'src/redact/probe.ts',
    'src/findings/markdown-escape.ts',
  ]) {
    for (const code of forms)
      expect({ file, code, refused: await refused(file, code) }).toEqual({ file, code, refused: true });
  }
  for (const code of forms) expect(await refused('src/baseline/cache-call.ts', code)).toBe(false);
}, 60_000);

test('cacheCall: a call that never settles is given up at its deadline or on cancellation, and counted as lingering', async () => {
  const never = () => new Promise<never>(() => {});
  const before = lingeringCacheCalls();
  expect(await cacheCall(50, {}, never)).toEqual({
    ok: false,
    why: 'deadline',
    message: 'the Actions cache did not answer within 50 ms',
  });
  const abort = new AbortController();
  const stopped = cacheCall(CACHE_DEADLINE_MS.baseline, { signal: abort.signal }, never);
  abort.abort();
  expect(await stopped).toEqual({ ok: false, why: 'cancelled', message: 'the step was cancelled' });
  // Cancelled before it starts: the library is not even asked.
  let asked = false;
  expect(
    await cacheCall(1000, { signal: abort.signal }, async () => {
      asked = true;
      return 1;
    }),
  ).toMatchObject({ ok: false, why: 'cancelled' });
  expect(asked).toBe(false);
  expect(lingeringCacheCalls()).toBe(before + 2);
  // What the call answers in time, and its error, pass through.
  expect(await cacheCall(1000, {}, async () => 7)).toEqual({ ok: true, value: 7 });
  expect(
    await cacheCall(1000, {}, async () => {
      throw new Error('boom');
    }),
  ).toEqual({ ok: false, why: 'failed', message: 'boom' });
});

test('the deadline: 60 s for a baseline, 10 min for a build cache, or BUILDX_GUARD_CACHE_TIMEOUT_SECONDS', () => {
  expect(cacheDeadlineMs('baseline', {})).toBe(60_000);
  expect(cacheDeadlineMs('buildcache', {})).toBe(600_000);
  expect(cacheDeadlineMs('buildcache', { BUILDX_GUARD_CACHE_TIMEOUT_SECONDS: '5' })).toBe(5000);
  for (const bad of ['0', '3601', '1.5', 'soon', '-3']) {
    const said: string[] = [];
    expect(
      cacheDeadlineMs('baseline', { BUILDX_GUARD_CACHE_TIMEOUT_SECONDS: bad }, (m) => said.push(m)),
    ).toBe(60_000);
    expect(said).toEqual([
      `BUILDX_GUARD_CACHE_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 3600 (it is '${bad}'); waiting the default 60 s for the Actions cache.`,
    ]);
  }
});

describe('the real @actions/cache against a cache service that never answers', () => {
  beforeAll(() => {
    service.stall = true;
    // RUNNER_TEMP: where the library writes its archive.
    process.env = { ...saved, ...service.env, RUNNER_TEMP: root, BUILDX_GUARD_CACHE_TIMEOUT_SECONDS: '1' };
  });

  test('restore returns at the deadline with a notice; the folder is neither read as restored nor saved', async () => {
    const dir = join(root, 'baseline');
    const keys = cacheKeys('baseline', { GITHUB_REPOSITORY: 'o/r', GITHUB_REF: 'refs/heads/main' }, 'k');
    const notices: string[] = [];
    const debug: string[] = [];
    const calls = service.calls.length;
    const hit = await restoreFolder(keys, dir, (m) => debug.push(m), { notice: (m) => notices.push(m) });
    expect(hit).toBeUndefined();
    expect(service.calls.slice(calls)).toEqual(['stalled GetCacheEntryDownloadURL']);
    expect(notices).toEqual([
      `cache: restore of ${keys.restorePrefix}* given up: the Actions cache did not answer within 1 s; carrying on without it.`,
    ]);
    expect(restoreGivenUp(dir)).toBe(true);
    writeFileSync(join(root, 'marker'), 'a folder that exists, restored into by nobody');
    const before = service.calls.length;
    expect(await saveFolder(keys, root, (m) => debug.push(m))).toBe(false);
    expect(await saveFolder(keys, dir, (m) => debug.push(m))).toBe(false);
    expect(debug.at(-1)).toBe(
      `cache: not saving ${keys.key}: the restore into ${dir} was given up and may still write into it.`,
    );
    // `root` was tried (a stalled CreateCacheEntry, given up in turn); `dir` was not.
    expect(service.calls.slice(before)).toEqual(['stalled CreateCacheEntry']);
  }, 20_000);

  test('a restore stops waiting when the phase is cancelled (SIGTERM), whatever its deadline', async () => {
    process.env.BUILDX_GUARD_CACHE_TIMEOUT_SECONDS = '3600';
    const dir = join(root, 'buildcache');
    const keys = cacheKeys('buildcache', { GITHUB_REPOSITORY: 'o/r', GITHUB_REF: 'refs/heads/main' }, 'k');
    const abort = new AbortController();
    const notices: string[] = [];
    const calls = service.calls.length;
    const restoring = restoreFolder(keys, dir, () => {}, {
      signal: abort.signal,
      notice: (m) => notices.push(m),
    });
    while (service.calls.length === calls) await new Promise((r) => setTimeout(r, 20));
    abort.abort();
    expect(await restoring).toBeUndefined();
    expect(notices).toEqual([
      `cache: restore of ${keys.restorePrefix}* given up: the step was cancelled; carrying on without it.`,
    ]);
    expect(restoreGivenUp(dir)).toBe(true);
  }, 20_000);
});
