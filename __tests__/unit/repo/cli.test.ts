// The CLI's conventions, on the committed bundle (CI checks it equals a fresh one): help that does
// nothing else, --version, strict flags with suggestions (exit 2), clear sentences for bad --log
// values, documented exit codes.
import { execFile, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from '../../support/paths.js';

const cli = join(repoRoot, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'bxg-cli-'));
const bin = mkdtempSync(join(tmpdir(), 'bxg-nobuildx-'));
afterAll(() => [dir, bin].forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the CLI with no docker on PATH: a command that reached for buildx would fail loudly. */
function run(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { env: { PATH: '' } }, (err, stdout, stderr) =>
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

test.each(['analyze', 'bake', 'build', 'classify', 'doctor', 'merge'])(
  '%s --help and -h print usage and do nothing else',
  async (cmd) => {
    for (const flag of ['--help', '-h']) {
      const r = await run([cmd, flag]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(new RegExp(`^Usage: buildx-guard ${cmd} `));
      expect(r.stdout).toContain('--help, -h');
    }
  },
);

test('--version and the command list', async () => {
  expect((await run(['--version'])).stdout).toMatch(/^buildx-guard \d+\.\d+\.\d+\n$/);
  const all = await run(['--help']);
  expect(all.code).toBe(0);
  expect(all.stdout).toContain('Exit codes: 0 success, 1');
  expect((await run([])).code).toBe(2);
});

test.each([
  [['analyze', '--formt', 'json'], "unknown flag '--formt'; did you mean '--format'?"],
  [['build', '--platform', 'linux/arm64'], "unknown flag '--platform'; did you mean '--platforms'?"],
  [['build', '--build-arg', 'A=1'], "did you mean '--build-args'?"],
  [['doctor', '--name-of-thing', 'x'], "unknown flag '--name-of-thing'"],
  [['anlyze'], "unknown command 'anlyze'; did you mean 'analyze'?"],
])('%j is a usage error with a suggestion (exit 2)', async (args, message) => {
  const r = await run(args);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('--log: a missing value, a folder, an empty or a binary file: one sentence each, exit 2, no stack', async () => {
  writeFileSync(join(dir, 'empty.log'), '');
  for (const [args, message] of [
    [['analyze', '--log'], "flag '--log' needs a value"],
    [['analyze', '--log', dir], 'is a folder'],
    [['analyze', '--log', join(dir, 'empty.log')], 'is empty'],
    [['analyze', '--log', process.execPath], 'is a binary file, not a build log'],
  ] as const) {
    const r = await run([...args]);
    expect({ args, code: r.code }).toEqual({ args, code: 2 });
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }
});

test('analyze exit codes: 0 by default, 1 with --fail-on-failure on a failed build or --fail-on-findings at the threshold', async () => {
  const log = join(repoRoot, '__fixtures__', 'corpus', 'wild-logs', '01.log');
  expect((await run(['analyze', '--log', log])).code).toBe(0);
  expect((await run(['analyze', '--log', log, '--fail-on-failure'])).code).toBe(1);
  expect((await run(['analyze', '--log', log, '--fail-on-findings', 'error'])).code).toBe(1);
  const green = join(repoRoot, '__fixtures__', 'logs', 'cache-import-missing', '0.29.1-plain.log');
  expect((await run(['analyze', '--log', green, '--fail-on-failure'])).code).toBe(0);
});

test('classify on a terminal says how to use it instead of waiting', () => {
  // `script` gives the command a terminal on stdin.
  const r = spawnSync('script', ['-qec', `${process.execPath} ${cli} classify`, '/dev/null'], {
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
  });
  expect(r.stdout).toContain('classify reads the error text (or a whole build log) on stdin');
  expect(r.stdout).not.toMatch(/\n\s+at /);
});

test('a garbage file never becomes lint findings', async () => {
  const garbage = join(dir, 'garbage.log');
  writeFileSync(
    garbage,
    Array.from({ length: 500 }, (_, i) => ` - word${i}: some text (line ${i})`).join('\n'),
  );
  const r = await run(['analyze', '--log', garbage, '--format', 'json']);
  expect(JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith('lint/'))).toEqual(
    [],
  );
});

test('without the buildx plugin: one sentence saying so and how to get it, no stack', async () => {
  writeFileSync(
    join(bin, 'docker'),
    '#!/bin/sh\necho "docker: unknown command: docker buildx" >&2\nexit 1\n',
    { mode: 0o755 },
  );
  const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, 'doctor', '--driver', 'docker'],
      { env: { PATH: bin } },
      (err, _o, stderr) => resolve({ code: err ? (err.code as number) : 0, stderr }),
    );
    child.stdin?.end();
  });
  expect(r.stderr).toContain('The buildx plugin is not installed');
  expect(r.stderr).toContain('apt-get install docker-buildx');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.code).toBe(2);
});

test('a flag value may start with a dash (a YAML list for --nodes)', async () => {
  const { parseFlags } = await import('../../../src/commands/command.js');
  const build = parseFlags(['--nodes', '- name: a\n  endpoint: tcp://x:1', '--push'], 'build').flags;
  expect(build('nodes')).toBe('- name: a\n  endpoint: tcp://x:1');
  expect(build('push')).toBe('true');
  expect(parseFlags(['--log', '-'], 'analyze').flags('log')).toBe('-');
});

test('analyze a bake log: TARGET=PATH maps each target to its Dockerfile, with no docker at hand', async () => {
  const fixture = join(repoRoot, '__fixtures__', 'logs', 'bake-failing');
  const r = await run([
    'analyze',
    '--log',
    join(fixture, '0.29.1-rawjson.log'),
    '--dockerfile',
    `test=${join(fixture, 'test.Dockerfile')}`,
    '--dockerfile',
    `app=${join(fixture, 'Dockerfile')}`,
    '--format',
    'json',
  ]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).failure).toMatchObject({
    category: 'step',
    // Relative to the workspace (the current folder here), as the action names it.
    file: relative(repoRoot, join(fixture, 'test.Dockerfile')),
    line: 4,
    target: 'test',
  });
  const twoPaths = await run([
    'analyze',
    '--log',
    join(fixture, '0.29.1-plain.log'),
    '--dockerfile',
    join(fixture, 'Dockerfile'),
    '--dockerfile',
    join(fixture, 'test.Dockerfile'),
  ]);
  expect(twoPaths.code).toBe(2);
  expect(twoPaths.stderr).toMatch(
    /--dockerfile takes one path, or TARGET=PATH once per bake target; got 2 paths\./,
  );
});

test('build refuses bake inputs and points to bake', async () => {
  const r = await run(['build', '--targets', 'app']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(
    "--targets is not a flag of 'buildx-guard build'; run 'buildx-guard bake --targets' for it.",
  );
});

test('build and bake refuse --merge-sources (accepted and ignored before) and point to merge; merge needs --sources', async () => {
  for (const cmd of ['build', 'bake']) {
    const r = await run([cmd, '--merge-sources', 'r/a@sha256:' + '0'.repeat(64)]);
    expect({ cmd, code: r.code }).toEqual({ cmd, code: 2 });
    expect(r.stderr).toContain('merge-sources');
  }
  const build = await run(['build', '--merge-sources', 'r/a@sha256:' + '0'.repeat(64), '--tags', 'r/a:1']);
  expect(build.stderr).toContain(
    "--merge-sources is not a flag of 'buildx-guard build': merging is its own command: run 'buildx-guard merge --sources REF",
  );
  const none = await run(['merge', '--tags', 'r/a:1']);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('--sources is required');
});

// Issue 28: build, bake and doctor took every input of the action as a flag, and ignored those they
// do not implement; each is now refused with one sentence (exit 2) before anything runs.
test.each([
  [
    ['doctor', '--tags', 'r/a:1'],
    "--tags is not a flag of 'buildx-guard doctor'; run 'buildx-guard build --tags'",
  ],
  [['doctor', '--push'], "--push is not a flag of 'buildx-guard doctor'"],
  [['doctor', '--max-attempts', '5'], "--max-attempts is not a flag of 'buildx-guard doctor'"],
  [
    ['build', '--comment', 'off'],
    "--comment is not a flag of 'buildx-guard build'; it is an input of the action only",
  ],
  [['build', '--baseline', 'false'], "--baseline is not a flag of 'buildx-guard build'"],
  [['build', '--cache-mode', 'local'], "--cache-mode is not a flag of 'buildx-guard build'"],
  [['build', '--build', 'false'], "--build is not a flag of 'buildx-guard build'"],
  [['bake', '--check-run'], "--check-run is not a flag of 'buildx-guard bake'"],
  [['bake', '--summary', 'off'], "--summary is not a flag of 'buildx-guard bake'"],
])('accepted and ignored before: %j is refused (exit 2)', async (args, message) => {
  const r = await run(args);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
});

test('doctor --format json prints its verdict also on a set-up error (no docker here), exit 2', async () => {
  const r = await run(['doctor', '--format', 'json']);
  expect(r.code).toBe(2);
  expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', category: 'usage', nodes: [], checks: [] });
  expect(JSON.parse(r.stdout).message).toContain("'docker' was not found");
});
