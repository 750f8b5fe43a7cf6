// The CLI keeps the promises of the flags it accepts, on the real engine: `build --sarif-file`
// writes SARIF and `build --fail-on-findings warning` fails a green build that has warnings, as the
// action's inputs of the same names do.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { BUSYBOX_BASE, busyboxContext, cleanupDirs, deadEndpoint } from '../support/testbed.js';

afterAll(() => cleanupDirs());

function build(ctx: string, flags: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    [join(repoRoot, 'dist', 'cli.js'), 'build', '--driver', 'docker', '--network', 'none', ...flags, '.'],
    { cwd: ctx, env: process.env, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// `as` in lower case after `FROM` in upper case: BuildKit's FromAsCasing check warns; the build passes.
const WARNED = `${BUSYBOX_BASE.replace('FROM scratch AS busybox', 'FROM scratch as busybox')}FROM busybox\nRUN echo ok\n`;

test('build --sarif-file writes the findings as SARIF; --fail-on-findings warning exits 1 on a green build with a warning', () => {
  const ctx = busyboxContext(WARNED);
  const plain = build(ctx, ['--sarif-file', 'findings.sarif', '--timings']);
  expect({ code: plain.code, stderr: plain.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
  // --timings: where the time went, phase by phase (the declaration test counts on this line).
  expect(plain.stderr).toMatch(/^Timings: start-up and inputs \d+ ms, builder \d+ ms, build \d+ ms, /m);
  expect(JSON.parse(plain.stdout.slice(plain.stdout.indexOf('{\n')))).toMatchObject({ status: 'success' });
  const sarif = JSON.parse(readFileSync(join(ctx, 'findings.sarif'), 'utf8'));
  const results = sarif.runs[0].results as { ruleId: string; level: string }[];
  expect(results).toContainEqual(expect.objectContaining({ ruleId: 'lint/FromAsCasing', level: 'warning' }));

  const gated = build(ctx, ['--fail-on-findings', 'warning']);
  expect(gated.code).toBe(1);
  const verdict = JSON.parse(gated.stdout.slice(gated.stdout.indexOf('{\n')));
  expect(verdict).toMatchObject({
    status: 'success',
    gate: expect.stringContaining('fail-on-findings: warning'),
  });
  // At error level the same warnings do not fail it.
  expect(build(ctx, ['--fail-on-findings', 'error']).code).toBe(0);
});

test('build --sarif-file outside the current folder is refused with one sentence before anything runs', () => {
  const ctx = busyboxContext(WARNED);
  const r = build(ctx, ['--sarif-file', '/etc/buildx-guard.sarif']);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain('--sarif-file must be a path inside');
  expect(existsSync('/etc/buildx-guard.sarif')).toBe(false);
});

test('a node that does not come up: exit 3 (infrastructure, not the build) with the JSON verdict naming every node', async () => {
  const ctx = busyboxContext(WARNED);
  const dead = await deadEndpoint();
  const r = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'dist', 'cli.js'),
      'build',
      '--driver',
      'remote',
      '--endpoint',
      dead,
      '--bootstrap-timeout',
      '5',
      '--bootstrap-retries',
      '0',
      '.',
    ],
    { cwd: ctx, env: process.env, encoding: 'utf8', timeout: 120_000 },
  );
  expect({ code: r.status, stderr: r.stderr }).toEqual({
    code: 3,
    stderr: expect.stringContaining('not running'),
  });
  const verdict = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
  expect(verdict).toMatchObject({
    status: 'failed',
    failure: { category: 'builder', retryable: false },
    attempts: [],
  });
  expect(verdict.nodes).toHaveLength(1);
  expect(verdict.nodes[0]).toMatchObject({
    endpoint: dead,
    reason: expect.stringContaining('connection refused'),
  });
});
