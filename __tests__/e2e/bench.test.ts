// The benchmarks' smoke mode runs every scenario once, so they cannot rot. Timings are measured and
// written, never asserted: only that each scenario produced its numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { spawn } from 'node:child_process';
import { cleanupDirs, exec, tempDir, waitFor } from '../support/testbed.js';

afterAll(cleanupDirs);

test('npm run bench -- --quick runs every scenario and writes every top-level number', async () => {
  const out = join(tempDir('bxg-bench-'), 'latest.json');
  const r = await exec(process.execPath, [join(repoRoot, 'bench', 'run.mjs'), '--quick', '--out', out]);
  expect(r.stderr.split('\n').filter((l) => /Error|error:/.test(l))).toEqual([]);
  expect(r.code).toBe(0);
  const results = JSON.parse(readFileSync(out, 'utf8'));
  expect(results.quick).toBe(true);
  for (const key of [
    'overheadRatio',
    'bootstrapRatio4to1',
    'strictCheckMs',
    'analysisThroughputVsFloor',
    'analysisPeakRssMB',
    'retryRecoveryRatio',
    'coldStartMs',
    'distBytes',
  ]) {
    expect(typeof results[key]).toBe('number');
    expect(results[key]).toBeGreaterThan(0);
  }
  expect(results.bakeIsolationRatio.cold).toBeGreaterThan(0);
  expect(results.bakeIsolationRatio.sharedStageRuns).toBeGreaterThan(0);
  // The ledger side saved its window every run (so the cost measured is the ledger's).
  expect(typeof results.ledgerCostMs).toBe('number');
  expect(results.scenarios.ledger.runs).toBeGreaterThan(0);
  for (const section of [
    'Action overhead',
    'Bootstrap scaling',
    'Log analysis throughput',
    'Retry recovery',
    'Bake isolation',
    'Cold start',
    'The flake ledger',
  ]) {
    expect(r.stdout).toContain(`## ${section}`);
  }
}, 300_000);

describe('the benchmarks stop what they start', () => {
  // An engine folder of its own: the suite's engines (already running) stay untouched.
  const engineDir = () => tempDir('bxg-bench-engine-');
  const leftovers = async (dir: string) => (await exec('pgrep', ['-af', `${dir}/`])).stdout.trim();

  test('npm run bench -- --quick leaves no daemon running', async () => {
    const dir = engineDir();
    const r = await exec(
      process.execPath,
      [join(repoRoot, 'bench', 'run.mjs'), '--quick', '--only', 'overhead', '--out', join(dir, 'r.json')],
      { env: { ...process.env, BUILDX_GUARD_ENGINE_DIR: dir } },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Action overhead');
    expect(await leftovers(dir)).toBe('');
  }, 300_000);

  test('and on Ctrl-C', async () => {
    const dir = engineDir();
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'bench', 'run.mjs'), '--quick', '--only', 'overhead', '--out', join(dir, 'r.json')],
      {
        env: { ...process.env, BUILDX_GUARD_ENGINE_DIR: dir },
      },
    );
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    await waitFor(
      () => stdout.includes('# buildx-guard benchmarks'),
      240_000,
      'the benchmark to start its engines',
    );
    expect((await leftovers(dir)).length).toBeGreaterThan(0);
    child.kill('SIGINT');
    const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
    expect(code).toBe(130);
    expect(await leftovers(dir)).toBe('');
  }, 300_000);
});
