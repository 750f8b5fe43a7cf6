// Finding and reading a failed attempt's build record (src/attempts/record.ts, src/buildx/history.ts)
// over buildx's refs folder and a fake `history inspect` answering with captured records.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Buildx, RunOptions, RunResult } from '../../../src/buildx/buildx.js';
import { parseBuildxVersion } from '../../../src/buildx/buildx.js';
import { MAX_RECORD_BYTES, refsDir } from '../../../src/buildx/history.js';
import { RECORD_DEADLINE_MS, recordReader } from '../../../src/attempts/record.js';
import { repoRoot } from '../../support/paths.js';

const fixture = (name: string) => readFileSync(join(repoRoot, '__fixtures__', 'buildx', name), 'utf8');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function result(extra: Partial<RunResult>): RunResult {
  return {
    code: 0,
    stdout: '',
    stderr: '',
    stderrTail: '',
    timedOut: false,
    cancelled: false,
    durationMs: 1,
    ...extra,
  };
}

/** buildx's config folder with refs written at `mtimeMs`, and a buildx answering `history inspect` from `answers`. */
function setup(
  refs: Record<string, number>,
  answers: Record<string, Partial<RunResult> & { json?: string }>,
) {
  const config = mkdtempSync(join(tmpdir(), 'bxg-refs-'));
  dirs.push(config);
  for (const [ref, mtimeMs] of Object.entries(refs)) {
    const path = join(config, 'refs', ref);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '{"Target":"default","LocalPath":".","DockerfilePath":""}');
    utimesSync(path, mtimeMs / 1000, mtimeMs / 1000);
  }
  const calls: { args: string[]; timeoutMs?: number }[] = [];
  const buildx = {
    env: { BUILDX_CONFIG: config },
    async buildx(args: string[], opts: RunOptions = {}): Promise<RunResult> {
      calls.push({ args, timeoutMs: opts.timeoutMs });
      const a = answers[args[4]] ?? { code: 1, stderrTail: `ERROR: no record found for ref "${args[4]}"` };
      if (a.json) opts.onStdout?.(Buffer.from(a.json));
      return result(a);
    },
  } as unknown as Buildx;
  const debug: string[] = [];
  return { buildx, calls, debug, log: (l: string) => debug.push(l) };
}

const v = (text: string) => Promise.resolve(parseBuildxVersion(text));
const T = Date.parse('2026-12-05T12:00:00Z');

test('the refs folder as buildx resolves it: BUILDX_CONFIG, else DOCKER_CONFIG/buildx, else ~/.docker/buildx', () => {
  expect(refsDir({ BUILDX_CONFIG: '/b', DOCKER_CONFIG: '/d', HOME: '/h' })).toBe('/b/refs');
  expect(refsDir({ DOCKER_CONFIG: '/d', HOME: '/h' })).toBe('/d/buildx/refs');
  expect(refsDir({ HOME: '/h' })).toBe('/h/.docker/buildx/refs');
});

test('the failed build of the attempt, among the builder’s refs since it started (a bake: one per target)', async () => {
  const s = setup(
    { 'b/b0/old': T - 60_000, 'other/o0/x': T + 10, 'b/b0/ok': T + 20, 'b/b0/bad': T + 30 },
    {
      ok: { json: JSON.stringify({ Ref: 'ok', Status: 'completed' }) },
      bad: { json: fixture('record-run.json') },
      old: { json: fixture('record-copy.json') },
    },
  );
  const r = await recordReader(s.buildx, 'b', v('github.com/docker/buildx v0.29.1 x'), s.log)(T);
  expect(r).toMatchObject({
    ref: 'b/b0/bad',
    status: 'failed',
    error: { vertex: expect.stringMatching(/RUN echo hello/) },
  });
  // Newest first; the older build and the other builder's are never asked for.
  expect(s.calls.map((c) => c.args.join(' '))).toEqual(['history inspect --builder b bad --format json']);
  expect(s.calls[0].timeoutMs).toBeLessThanOrEqual(RECORD_DEADLINE_MS);
  expect(s.debug).toEqual([
    "Build record b/b0/bad read: the failure's error and Dockerfile line come from it.",
  ]);
});

test('every way the record is missing ends in one debug line and no record', async () => {
  // buildx 0.13.1 has no history: nothing runs.
  let s = setup({ 'b/b0/bad': T + 1 }, { bad: { json: fixture('record-run.json') } });
  expect(
    await recordReader(s.buildx, 'b', v('github.com/docker/buildx v0.13.1 x'), s.log)(T),
  ).toBeUndefined();
  expect(s.calls).toEqual([]);
  expect(s.debug).toEqual([
    expect.stringMatching(/^No build record: buildx v0\.13\.1 has no build history \(0\.21 or later\)/),
  ]);
  // No reference since the attempt started.
  s = setup({ 'b/b0/old': T - 5_000 }, {});
  expect(await recordReader(s.buildx, 'b', v('v0.29.1'), s.log)(T)).toBeUndefined();
  expect(s.calls).toEqual([]);
  expect(s.debug[0]).toMatch(/^No build record: no reference of builder b since the attempt started/);
  // The node is gone, no answer in time, too large, not a record: each named.
  s = setup(
    { 'b/b0/gone': T + 1, 'b/b0/slow': T + 2, 'b/b0/big': T + 3, 'b/b0/junk': T + 4 },
    {
      slow: { code: 130, timedOut: true },
      big: { json: 'x'.repeat(MAX_RECORD_BYTES + 1), code: 130, cancelled: true },
      junk: { json: 'not json' },
    },
  );
  expect(await recordReader(s.buildx, 'b', v('v0.29.1'), s.log)(T)).toBeUndefined();
  expect(s.debug).toHaveLength(1);
  expect(s.debug[0]).toMatch(
    /^No build record: b\/b0\/junk: not a build record; b\/b0\/big: its record is over 1048576 bytes; b\/b0\/slow: no answer within [\d.]+ s; b\/b0\/gone: ERROR: no record found for ref "gone"; the failure is read from the log\.$/,
  );
});
