// The code that decides the build's fate, without an engine: the pipeline (src/pipeline.ts) and the
// strict bootstrap over a fake Buildx that replays output captured from real buildx
// (__fixtures__/buildx/, __fixtures__/logs/) with scripted exits.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Buildx, RunOptions, RunResult } from '../../../src/buildx/buildx.js';
import { parseBuildxVersion } from '../../../src/buildx/buildx.js';
import { NodesDownError, setupBuilder, type BuilderDeps } from '../../../src/builder/bootstrap.js';
import { parseConfig } from '../../../src/config/config.js';
import { runPipeline, type PipelineCache, type PipelineIO } from '../../../src/pipeline.js';
import { repoRoot } from '../../support/paths.js';

const fixture = (...p: string[]) => readFileSync(join(repoRoot, '__fixtures__', ...p), 'utf8');
const lsOneDown = fixture('buildx', '0.29.1', 'ls-one-down.jsonl');
// The same capture with the second node up: every node running.
const lsAllUp = lsOneDown.replace(/"Status":"inactive"/g, '"Status":"running"');

interface Scripted {
  /** A captured build log (stderr), replayed in chunks. */
  log?: string;
  code: number;
  /** Never ends by itself: only the abort signal stops it (exit 130). */
  hang?: boolean;
}

/** A Buildx that answers like the captured buildx 0.29.1 and runs builds from a script. */
class FakeBuildx {
  calls: string[] = [];
  ls = lsAllUp;
  constructor(private readonly builds: Scripted[]) {}

  async buildx(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    this.calls.push(args.join(' '));
    const done = (code: number, stdout = '', stderr = '', extra: Partial<RunResult> = {}): RunResult => ({
      code,
      stdout,
      stderr,
      stderrTail: stderr.slice(-4096),
      timedOut: false,
      cancelled: false,
      durationMs: 10,
      ...extra,
    });
    if (args[0] === 'inspect') return done(0, fixture('buildx', '0.29.1', 'inspect-bootstrap.txt'));
    if (args[0] === 'ls') return done(0, this.ls);
    if (args[0] === 'build' || args[0] === 'bake') {
      const step = this.builds.shift();
      if (!step) throw new Error('no build left in the script');
      if (step.hang) {
        return new Promise((resolve) =>
          opts.signal?.addEventListener('abort', () => resolve(done(130, '', '', { cancelled: true }))),
        );
      }
      const log = step.log ?? '';
      for (let i = 0; i < log.length; i += 4096) opts.onStderr?.(Buffer.from(log.slice(i, i + 4096)));
      return done(step.code, '', opts.capture === false ? '' : log);
    }
    return done(0);
  }

  async docker(): Promise<RunResult> {
    return {
      code: 1,
      stdout: '',
      stderr: '',
      stderrTail: '',
      timedOut: false,
      cancelled: false,
      durationMs: 1,
    };
  }
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(builds: Scripted[], inputs: Record<string, string> = {}) {
  const buildx = new FakeBuildx(builds);
  const tempDir = mkdtempSync(join(tmpdir(), 'bxg-orch-'));
  dirs.push(tempDir);
  const info: string[] = [];
  const notices: string[] = [];
  const deps: BuilderDeps = {
    buildx: buildx as unknown as Buildx,
    version: Promise.resolve(parseBuildxVersion(fixture('buildx', '0.29.1', 'version.txt'))),
    tempDir,
    env: {},
    info: (l) => info.push(l),
    debug: () => {},
    sleep: async () => {},
  };
  const config = parseConfig(
    (n) =>
      ({
        builder: 'fixture',
        ...(inputs.targets ? {} : { context: join(repoRoot, '__fixtures__', 'logs', 'failing-run') }),
        'retry-wait-seconds': '1',
        'stall-timeout-seconds': '0',
        baseline: 'false',
        ...inputs,
      })[n] ?? '',
    {},
  );
  const io = (signal?: AbortSignal): PipelineIO => ({
    info: (l) => info.push(l),
    notice: (l) => notices.push(l),
    out: () => {},
    group: (_n, fn) => fn(),
    mask: () => {},
    signal,
    workspace: repoRoot,
  });
  return { buildx, deps, config, io, info, notices };
}

const log = (scenario: string) => fixture('logs', scenario, '0.29.1-rawjson.log');

test('a transient failure is retried after the nodes are verified again, then succeeds', async () => {
  const t = setup([
    { log: log('transport'), code: 1 },
    { log: log('cache-break'), code: 0 },
  ]);
  const builder = await setupBuilder(t.config.builder, t.deps);
  const r = await runPipeline(t.config, builder, t.deps, 'k', t.io());
  expect(r.outcome!.success).toBe(true);
  expect(r.outcome!.attempts.map((a) => a.classification?.category ?? 'ok')).toEqual(['transport', 'ok']);
  // Verified again between the attempts: a second inspect --bootstrap after the first build.
  const calls = t.buildx.calls.map((c) => c.split(' ')[0]);
  expect(calls.indexOf('build')).toBeLessThan(calls.lastIndexOf('inspect'));
  expect(r.report.findings.some((f) => f.rule === 'transient-failure')).toBe(true);
});

test('a deterministic failure stops at once', async () => {
  const t = setup([{ log: log('failing-run'), code: 1 }]);
  const builder = await setupBuilder(t.config.builder, t.deps);
  const r = await runPipeline(t.config, builder, t.deps, 'k', t.io());
  expect(r.outcome!.attempts).toHaveLength(1);
  expect(r.outcome!.failure).toMatchObject({ category: 'step', retryable: false });
  // Relative to the workspace, so the annotation lands on the pull request's changed file.
  expect(r.report.findings[0]).toMatchObject({
    rule: 'build-failed',
    file: '__fixtures__/logs/failing-run/Dockerfile',
    line: 11,
  });
});

test('a signal stops the attempt: cancelled, not retried', async () => {
  const t = setup([{ hang: true, code: 0 }]);
  const builder = await setupBuilder(t.config.builder, t.deps);
  const abort = new AbortController();
  setTimeout(() => abort.abort(), 20);
  const r = await runPipeline(t.config, builder, t.deps, 'k', t.io(abort.signal));
  expect(r.outcome!.attempts).toHaveLength(1);
  expect(r.outcome!.failure).toMatchObject({ category: 'cancelled', retryable: false });
});

test('a node that stays down after a transient failure ends the loop, named', async () => {
  const t = setup([{ log: log('transport'), code: 1 }]);
  const builder = await setupBuilder(t.config.builder, t.deps);
  t.buildx.ls = lsOneDown; // the second node goes down after the first attempt
  const r = await runPipeline(t.config, builder, t.deps, 'k', t.io());
  expect(r.outcome!.attempts).toHaveLength(1);
  expect(r.outcome!.stopReason).toMatch(/a node is down, so retrying cannot help: .*node 'down'/s);
});

test('bootstrap that exits 0 with a dead node fails, naming it (the partial-bootstrap bug)', async () => {
  const t = setup([]);
  t.buildx.ls = lsOneDown;
  const err = await setupBuilder({ ...t.config.builder, bootstrapRetries: 0 }, t.deps).catch((e) => e);
  expect(err).toBeInstanceOf(NodesDownError);
  expect((err as NodesDownError).failed.map((f) => [f.name, f.status])).toEqual([['down', 'inactive']]);
  expect((err as Error).message).toContain("node 'down' (remote, tcp://127.0.0.1:1235)");
});

test('a platform no node serves stops the pipeline before any build', async () => {
  const t = setup([], { platforms: 'linux/s390x' });
  const builder = await setupBuilder(t.config.builder, t.deps);
  const r = await runPipeline(t.config, builder, t.deps, 'k', t.io());
  expect(r.outcome).toBeUndefined();
  expect(r.preflight).toMatchObject({ category: 'platform' });
  expect(t.buildx.calls.some((c) => c.startsWith('build'))).toBe(false);
});

test('the bootstrap states its one bound; a refused node is named at once and stops the boot after the quick probes', async () => {
  const net = await import('node:net');
  // A port nobody listens on: bind, read the port, close.
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const t = setup([], {
    builder: '',
    driver: 'remote',
    endpoint: `tcp://127.0.0.1:${port}`,
    name: 'fixture',
  });
  t.deps.quickProbeDelaysMs = [20, 20, 20];
  const original = t.buildx.buildx.bind(t.buildx);
  let stopped = false;
  t.buildx.buildx = async (args: string[], opts: RunOptions = {}) => {
    if (args.join(' ') === 'inspect fixture') return { ...(await original(args, opts)), code: 1 }; // no such builder yet
    if (args[0] === 'inspect' && args[1] === '--bootstrap') {
      // buildx's remote driver waits 20 s for the dead node: only the stop ends this boot.
      t.buildx.calls.push(args.join(' '));
      return new Promise((resolve) =>
        opts.signal?.addEventListener('abort', () => {
          stopped = true;
          resolve({
            code: 130,
            stdout: '',
            stderr: '',
            stderrTail: '',
            timedOut: false,
            cancelled: true,
            durationMs: 1,
          });
        }),
      );
    }
    return original(args, opts);
  };
  const err = (await setupBuilder(t.config.builder, t.deps).catch((e) => e)) as NodesDownError;
  expect(stopped).toBe(true);
  expect(err).toBeInstanceOf(NodesDownError);
  expect(err.failed[0].reason).toBe(`tcp 127.0.0.1:${port}: connection refused (4 probes over 0 s)`);
  expect(t.buildx.calls.filter((c) => c.startsWith('inspect --bootstrap'))).toHaveLength(1);
  expect(t.info).toContain(
    "Booting builder 'fixture' and waiting for every node to report running (within 120 s (bootstrap-timeout))…",
  );
  expect(t.info.some((l) => l.includes(`(tcp://127.0.0.1:${port}): `) && /refused/.test(l))).toBe(true);
  // The table still shows every node buildx listed.
  expect(err.state?.nodes.map((n) => n.name)).toEqual(['up', 'down']); // as the captured ls lists them
});

test('at the bootstrap timeout, buildx’s echo of the stop is not the node’s reason: the timeout is', async () => {
  const t = setup([]);
  t.buildx.ls = lsOneDown;
  const original = t.buildx.buildx.bind(t.buildx);
  t.buildx.buildx = async (args: string[], opts: RunOptions = {}) =>
    args[0] === 'inspect' && args[1] === '--bootstrap'
      ? {
          code: 130,
          stdout: '',
          stderr:
            '#1 [down internal] booting buildkit\n#1 ERROR: got 1 SIGTERM/SIGINTs, forcing shutdown\nERROR: got 1 SIGTERM/SIGINTs, forcing shutdown\n',
          stderrTail: '',
          timedOut: true,
          cancelled: false,
          durationMs: 5000,
        }
      : original(args, opts);
  const err = (await setupBuilder({ ...t.config.builder, bootstrapRetries: 0 }, t.deps).catch(
    (e) => e,
  )) as NodesDownError;
  expect(err.failed[0].reason).toMatch(/^did not boot within \d+ s \(bootstrap-timeout\)/);
  expect(err.message).not.toContain('SIGTERM');
});

describe('bake', () => {
  const dir = join(repoRoot, '__fixtures__', 'logs', 'bake-failing');
  const definition = (platforms: string[]) => ({
    cwd: dir,
    targets: [
      { name: 'app', context: dir, dockerfile: join(dir, 'Dockerfile'), platforms },
      { name: 'test', context: dir, dockerfile: join(dir, 'test.Dockerfile'), platforms: [] },
    ],
  });

  test("every target's platforms go through the preflight: none served, nothing baked", async () => {
    const t = setup([], { targets: 'app,test' });
    const builder = await setupBuilder(t.config.builder, t.deps);
    const r = await runPipeline(t.config, builder, t.deps, 'k', t.io(), definition(['linux/s390x']));
    expect(r.preflight).toMatchObject({ category: 'platform' });
    expect(r.preflight!.message).toContain('linux/s390x');
    expect(t.buildx.calls.some((c) => c.startsWith('bake'))).toBe(false);
  });

  test('a failing target: one attempt, step, the finding in its own Dockerfile, the targets reported', async () => {
    const t = setup([{ log: fixture('logs', 'bake-failing', '0.29.1-rawjson.log'), code: 1 }], {
      targets: 'app,test',
    });
    const builder = await setupBuilder(t.config.builder, t.deps);
    const r = await runPipeline(t.config, builder, t.deps, 'k', t.io(), definition([]));
    expect(t.buildx.calls.find((c) => c.startsWith('bake'))).toMatch(
      /^bake --builder fixture --progress=rawjson --metadata-file \S+ app test$/,
    );
    expect(r.outcome!.attempts).toHaveLength(1);
    expect(r.outcome!.failure?.category).toBe('step');
    expect(r.outcome!.targets?.map((x) => [x.name, x.status])).toEqual([
      ['app', 'success'],
      ['test', 'failed'],
    ]);
    const failed = r.report.findings.find((f) => f.rule === 'build-failed')!;
    expect(failed).toMatchObject({
      file: '__fixtures__/logs/bake-failing/test.Dockerfile',
      line: 4,
      target: 'test',
    });
    expect(r.report.targets).toHaveLength(2);
    expect(new Set(r.report.steps.map((x) => x.target))).toEqual(new Set(['app', 'test']));
  });

  test('a transient failure of a bake is retried like a build', async () => {
    const t = setup(
      [
        { log: log('transport'), code: 1 },
        { log: log('cache-break'), code: 0 },
      ],
      { targets: 'app' },
    );
    const builder = await setupBuilder(t.config.builder, t.deps);
    const one = { ...definition([]), targets: definition([]).targets.slice(0, 1) };
    const r = await runPipeline(t.config, builder, t.deps, 'k', t.io(), one);
    expect(r.outcome!.success).toBe(true);
    expect(r.outcome!.attempts).toHaveLength(2);
    expect(t.buildx.calls.filter((c) => c.startsWith('bake'))).toHaveLength(2);
  });
});

test('the baseline saved to the cache has a secret build-arg redacted from its step names, and still matches', async () => {
  // The step names of a real build whose `RUN echo "${API_TOKEN}"` expanded the secret build-arg.
  const SECRET = 'tok_VAL*UE%9';
  const named = log('cache-break').replace(/npm install/g, SECRET);
  const t = setup(
    [
      { log: named, code: 0 },
      { log: named, code: 0 },
    ],
    {
      baseline: 'true',
      'build-args': `API_TOKEN=${SECRET}`,
    },
  );
  const saved: string[] = [];
  const io = (restored?: string): PipelineIO => ({
    ...t.io(),
    cache: {
      restoreLocal: () => Promise.reject(new Error('not used')),
      restoreBaseline: async () => (restored ? JSON.parse(restored) : undefined),
      saveKept: async ({ baseline }) => void saved.push(JSON.stringify(baseline)),
    },
  });
  const builder = await setupBuilder(t.config.builder, t.deps);
  const first = await runPipeline(t.config, builder, t.deps, 'k', io());
  expect(first.outcome!.success).toBe(true);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toContain('RUN echo \\"***\\"');
  expect(saved[0]).not.toContain(SECRET);
  // The next build compares with it: its step is found under the redacted id (had every step been
  // cached in the baseline, the one that ran now is a lost cache hit).
  const allCached = JSON.parse(saved[0]);
  for (const s of allCached.steps) s.cached = true;
  const second = await runPipeline(t.config, builder, t.deps, 'k', io(JSON.stringify(allCached)));
  const drop = second.report.findings.find((f) => f.rule === 'cache-ratio-drop');
  expect(drop?.message).toContain(SECRET);
});

/**
 * A cache whose baseline has the wrong shape (the action validates restored entries; this is the
 * second line of defence for any other way in): it breaks the comparison; `save` as given.
 */
const wrongShapeBaseline = (save: PipelineCache['saveKept']): PipelineCache => ({
  restoreLocal: () => Promise.reject(new Error('not used')),
  restoreBaseline: async () => ({ version: 1, ref: 'main@abc', steps: 7 }) as never,
  saveKept: save,
});

test('what goes wrong after the build is decided costs the report its detail, never the result', async () => {
  const t = setup([{ log: log('cache-break'), code: 0 }], { baseline: 'true' });
  const builder = await setupBuilder(t.config.builder, t.deps);
  const r = await runPipeline(t.config, builder, t.deps, 'k', {
    ...t.io(),
    // A cache that refuses the save, too.
    cache: wrongShapeBaseline(() => Promise.reject(new Error('the cache service answered 500'))),
  });
  expect(r.outcome!.success).toBe(true);
  expect(r.report.status).toBe('success');
  expect(r.report.attempts).toHaveLength(1);
  expect(t.notices).toEqual([
    expect.stringMatching(/^buildx-guard could not analyse this build \(the build result is unchanged/),
    'buildx-guard could not save the baseline (the build result is unchanged): the cache service answered 500',
  ]);
});

test('an analysis that fails on a failed build still reports the failure, its category and attempts', async () => {
  const t = setup([{ log: log('failing-run'), code: 1 }], { baseline: 'true' });
  const builder = await setupBuilder(t.config.builder, t.deps);
  const r = await runPipeline(t.config, builder, t.deps, 'k', {
    ...t.io(),
    cache: wrongShapeBaseline(async () => {}),
  });
  expect(r.outcome!.success).toBe(false);
  expect(r.report.status).toBe('failed');
  expect(r.report.failure).toMatchObject({ category: 'step' });
  expect(r.report.failure!.message).toMatch(/^The build failed after 1 attempt \(step\)/);
  expect(r.report.attempts).toEqual([expect.objectContaining({ number: 1, category: 'step' })]);
});
