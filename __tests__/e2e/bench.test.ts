// The benchmarks' smoke mode runs every scenario once, so they cannot rot. Timings are measured and
// written, never asserted: only that each scenario produced its numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { cleanupDirs, exec, tempDir } from '../support/testbed.js';

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
  for (const section of [
    'Action overhead',
    'Bootstrap scaling',
    'Log analysis throughput',
    'Retry recovery',
    'Cold start',
  ]) {
    expect(r.stdout).toContain(`## ${section}`);
  }
}, 300_000);
