// Attacks on the shipped bundle (dist/) that got through, each kept as a regression test: a pull
// request's Dockerfile, build context or bake file, a hostile build log given to `analyze`. Each test
// names the attack and the invariant of docs/security.md it broke.
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { BUSYBOX_BASE, busyboxContext, cleanupDirs, tempDir } from '../support/testbed.js';

afterAll(() => cleanupDirs());

const CLI = join(repoRoot, 'dist', 'cli.js');

function cli(args: string[], cwd: string, opts: { limitAs?: boolean } = {}) {
  // --as bounds the address space, so the old code's unbounded read fails instead of eating the machine.
  const [cmd, argv] = opts.limitAs
    ? ['prlimit', ['--as=4000000000', process.execPath, CLI, ...args]]
    : [process.execPath, [CLI, ...args]];
  const r = spawnSync(cmd, argv as string[], {
    cwd,
    env: process.env,
    encoding: 'utf8',
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

// ATTACK (one way to the job log): a step name or a line of output holding U+2028, U+2029 or NEL.
// The CLI's terminal cut lines there, so `analyze --format json|sarif|codequality` printed a raw line
// break inside a JSON string: the document no longer parsed (a SARIF upload or a JSON gate fails on
// a log the pull request wrote), and the Markdown report's structure changed.
test('ATTACK: U+2028/U+2029/NEL in a step name or log line keep analyze’s JSON, SARIF and code quality parseable', () => {
  const dir = tempDir('bxg-atk-');
  const step = 'RUN echo hi\u2028::warning::pwned\u2029@octo/team\u0085<img src=x>';
  const log = [
    '#1 [internal] load build definition from Dockerfile',
    '#1 DONE 0.0s',
    '',
    `#2 [2/2] ${step}`,
    '#2 0.100 out\u2028::error::pwned',
    `#2 ERROR: process "/bin/sh -c echo hi" did not complete successfully: exit code: 1`,
    '------',
    ` > [2/2] ${step}:`,
    '0.100 out\u2028::error::pwned',
    '------',
    'ERROR: failed to solve: process "/bin/sh -c echo hi" did not complete successfully: exit code: 1',
    '',
  ].join('\n');
  writeFileSync(join(dir, 'build.log'), log);
  for (const format of ['json', 'sarif', 'codequality']) {
    const r = cli(['analyze', '--log', 'build.log', '--format', format], dir);
    expect({ format, code: r.code }).toEqual({ format, code: 0 });
    let parsed = true;
    try {
      JSON.parse(r.stdout);
    } catch {
      parsed = false;
    }
    expect({ format, parsed }).toEqual({ format, parsed: true });
    // The text itself survives (JSON's own escape of the character).
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('pwned');
  }
  const md = cli(['analyze', '--log', 'build.log', '--format', 'markdown'], dir);
  // No line of the Markdown starts with what followed a U+2028 in the step name.
  expect(md.stdout.split('\n').filter((l) => /^(?:» )?(?:::warning|@octo|<img)/.test(l))).toEqual([]);
});

// ATTACK (bounded everything): a rawjson log whose fields have the wrong JSON types. `analyze`
// crashed with a TypeError and its stack (exit 1, the code of a failed verdict) instead of reading
// what it could.
test.each([
  ['vertexes a number', '{"vertexes":1}'],
  ['a step name a number', '{"vertexes":[{"digest":"sha256:1","name":5}]}'],
  ['log data a number', '{"logs":[{"vertex":"sha256:1","data":5}]}'],
  ['warning detail a string', '{"warnings":[{"short":"eA==","detail":"abc"}]}'],
  ['a vertex error an array', '{"vertexes":[{"digest":"sha256:1","name":"x","error":["a"]}]}'],
  [
    'data nested 100,000 deep',
    `{"logs":[{"vertex":"sha256:1","data":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`,
  ],
])('ATTACK: analyze of a rawjson log with %s reads it without crashing', (_name, line) => {
  const dir = tempDir('bxg-atk-');
  const ok =
    '{"vertexes":[{"digest":"sha256:2","name":"[1/1] RUN true","started":"2024-01-01T00:00:00Z","completed":"2024-01-01T00:00:01Z"}]}';
  writeFileSync(join(dir, 'build.log'), `${ok}\n${line}\n`);
  const r = cli(['analyze', '--log', 'build.log', '--format', 'json'], dir);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(JSON.parse(r.stdout)).toMatchObject({ stats: { steps: expect.any(Number) } });
});

// ATTACK (bounded everything): without `files`, buildx reads its default bake files itself. A pull
// request's `docker-bake.override.hcl` that is a link to /dev/zero was read by buildx until memory ran
// out (1.5 GB in 12 s here, then a Go stack trace as the "reason"); only named files were checked.
test('ATTACK: a default bake file (docker-bake.override.hcl) linked to /dev/zero is refused in one sentence', () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN true\n`);
  writeFileSync(join(ctx, 'docker-bake.hcl'), 'target "default" {\n  context = "."\n}\n');
  symlinkSync('/dev/zero', join(ctx, 'docker-bake.override.hcl'));
  const r = cli(['bake', '--driver', 'docker', '--targets', 'default'], ctx, {
    limitAs: true,
  });
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain('docker-bake.override.hcl is not a regular file');
});

// ATTACK (bounded everything; safe Markdown): a RUN command holding a long run of spaces. Every code
// span of a step name collapsed line breaks with `\s*(\r\n?|\n)\s*`, retried from each start of the
// run: 300 KB of spaces held analyze --format json 103 s and markdown over 120 s (quadratic; a 1 MB
// run, here, would take about 20 minutes). The spawn's deadline only tells a hang from an answer.
test('ATTACK: a step name with 1 MB of spaces is reported, not a hang', () => {
  const dir = tempDir('bxg-atk-');
  const cmd = `echo${' '.repeat(1_000_000)}x`;
  const log = [
    `#2 [2/2] RUN ${cmd}`,
    '#2 0.100 out',
    `#2 ERROR: process "/bin/sh -c ${cmd}" did not complete successfully: exit code: 1`,
    '------',
    ` > [2/2] RUN ${cmd}:`,
    '0.100 out',
    '------',
    `ERROR: failed to solve: process "/bin/sh -c ${cmd}" did not complete successfully: exit code: 1`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'build.log'), log);
  for (const format of ['json', 'markdown']) {
    const r = cli(['analyze', '--log', 'build.log', '--format', format], dir);
    expect({ format, code: r.code }).toEqual({ format, code: 0 });
    expect(r.stdout).toContain('RUN echo');
  }
});

// ATTACK (verdicts… linear): `retry-patterns` read the step's output, which the pull request writes.
// The shape check refused loops side by side (`.*.*`) but not loops with a literal between that the
// first loop also matches: `x.*x.*y` took 3.7 s on one 2,000-character line of x (12 minutes over the
// 200 lines classification reads) and `x.*x.*x.*y` 27 s on 500 characters; `classify` never
// answered. Such a pattern is now refused when the inputs are read, with one sentence.
test.each(['x.*x.*x.*y', '.*x.*y', '[^y]*x[^y]*x[^y]*y'])(
  'ATTACK: retry-pattern %s over a line the step prints is refused, not a hang',
  (pattern) => {
    const dir = tempDir('bxg-atk-');
    const r = spawnSync(process.execPath, [CLI, 'classify', '--retry-patterns', pattern], {
      cwd: dir,
      input: `ERROR: ${'x'.repeat(1990)}\n`.repeat(200),
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('can take exponential or polynomial time');
  },
);

// ATTACK (a bake file reads only its own folder): a pull request's bake file named a file outside
// the workdir as a build secret (`secret = ["id=x,src=/home/runner/.docker/config.json"]`) and the
// step printed it into the job log and the report. buildx refuses this without --allow fs.read=…
// under --progress=plain, but not under --progress=rawjson, which the action and the CLI use.
test('ATTACK: a bake target’s secret src outside the workdir is refused unless allow grants it', () => {
  const outside = tempDir('bxg-host-');
  writeFileSync(join(outside, 'config.json'), 'HOST_ONLY_abc123\n');
  const ctx = busyboxContext(
    `${BUSYBOX_BASE}FROM busybox\nRUN --mount=type=secret,id=x cat /run/secrets/x; exit 1\n`,
  );
  writeFileSync(
    join(ctx, 'docker-bake.hcl'),
    `target "default" {\n  context = "."\n  network = "none"\n  secret = ["id=x,src=${join(outside, 'config.json')}"]\n}\n`,
  );
  const args = ['bake', '--driver', 'docker', '--max-attempts', '1', '--targets', 'default'];
  const r = cli(args, ctx);
  expect(`${r.stdout}${r.stderr}`).not.toContain('HOST_ONLY_abc123');
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain("Bake target 'default' reads");
  // Granted by the workflow: the build runs and reads it.
  const granted = cli([...args, '--allow', `fs.read=${outside}`], ctx);
  expect(granted.code).toBe(1);
  expect(granted.stderr).toContain('HOST_ONLY_abc123');
});
