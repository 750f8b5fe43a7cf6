// Hardening on the test bed (docs/security.md): secrets in every channel, the github-token's scope,
// what the post phase removes, where sarif-file may write. A real build, a local GitHub API checked
// against the official OpenAPI description.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../support/github-server.js';
import { repoRoot } from '../support/paths.js';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  docker,
  processedCommands,
  runAction,
  tempDir,
  pullRequestEnv,
} from '../support/testbed.js';

let github: FakeGitHub;
beforeAll(async () => {
  github = await new FakeGitHub().start();
});
afterAll(async () => {
  await github.stop();
  cleanupDirs();
});

const prEnv = (workspace: string, pr: number) => pullRequestEnv(github.url, workspace, pr);

/** Undoes the escaping of workflow-command data (what the runner shows). */
function commandData(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** Every form a secret could take in Markdown/HTML: escapes and entities undone. */
function plain(s: string): string {
  return s.replace(/\\/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
}

describe('secrets never reach a channel', () => {
  const SECRET = 'my_s3cret*val%1';
  const MULTI = 'first-line_AAAA\nsecond*line%BBBB';
  const ARG = 'tok_VAL*UE%9';
  const FILE = 'file_secret*ZZ%77';
  // Each value, and each line of the multi-line one.
  const needles = [SECRET, ARG, FILE, ...MULTI.split('\n')];

  const dockerfile = `${BUSYBOX_BASE}FROM busybox
ARG API_TOKEN
WORKDIR /tmp/\${API_TOKEN}
RUN --mount=type=secret,id=s1 --mount=type=secret,id=s3 --mount=type=secret,id=s4 echo "leaking $(cat /run/secrets/s1)" && cat /run/secrets/s3 && echo && cat /run/secrets/s4 && echo "arg $API_TOKEN" && exit 1
`;

  test('job log, annotations, summary, comment, check run, SARIF, CLI report file', async () => {
    const ctx = busyboxContext(dockerfile);
    const secretFile = join(tempDir('bxg-secret-'), 'token.txt');
    writeFileSync(secretFile, FILE);
    const sarif = join(ctx, 'findings.sarif');
    const inputs = {
      driver: 'docker',
      context: ctx,
      network: 'none',
      'github-token': 'ghs_write',
      'max-attempts': '1',
      secrets: `s1=${SECRET}`,
      'secret-envs': 's3=MULTI_SECRET',
      'secret-files': `s4=${secretFile}`,
      'build-args': `API_TOKEN=${ARG}`,
      'check-run': 'true',
      'sarif-file': 'findings.sarif',
    };
    const run = await runAction(inputs, { env: { ...prEnv(ctx, 7), MULTI_SECRET: MULTI } });
    expect(run.main.code).toBe(1);
    expect(run.outputs['failure-category']).toBe('step');

    // Job log: each value is masked (::add-mask::) before any line that contains it.
    const lines = run.main.stdout.split('\n');
    for (const n of needles) {
      const mask = lines.findIndex((l) => l.startsWith('::add-mask::') && commandData(l.slice(12)) === n);
      const first = lines.findIndex((l) => !l.startsWith('::add-mask::') && commandData(l).includes(n));
      expect({ n, masked: mask >= 0 }).toEqual({ n, masked: true });
      if (first >= 0) expect({ n, maskedBefore: mask < first }).toEqual({ n, maskedBefore: true });
    }
    // The build really printed them (so the test can fail): the runner's mask is what hides them.
    expect(run.main.stdout).toContain(`leaking ${SECRET}`);

    const channels: Record<string, string> = {
      annotations: processedCommands(run.main.stdout)
        .filter((c) => /^::(?:error|warning|notice)/.test(c))
        .map(commandData)
        .join('\n'),
      summary: run.summary,
      comment: github
        .commentsOn(7)
        .map((c) => c.body)
        .join('\n'),
      'check run': JSON.stringify(
        github.requests.filter((r) => r.operationId.startsWith('checks/')).map((r) => r.body),
      ),
      sarif: readFileSync(sarif, 'utf8'),
    };
    expect(channels.comment).toContain('***');
    expect(channels['check run']).toContain('***');
    for (const [name, text] of Object.entries(channels)) {
      expect(text.length).toBeGreaterThan(0);
      for (const n of needles) {
        expect({ name, n, leaked: plain(text).includes(n) || text.includes(n) }).toEqual({
          name,
          n,
          leaked: false,
        });
        // JSON escaping of the multi-line form too.
        expect(text.includes(JSON.stringify(n).slice(1, -1))).toBe(false);
      }
    }

    // The CLI: terminal and --report-file.
    const report = join(tempDir('bxg-report-'), 'report.md');
    let out = '';
    try {
      execFileSync(
        process.execPath,
        [
          join(repoRoot, 'dist', 'cli.js'),
          'build',
          '--driver',
          'docker',
          '--network',
          'none',
          '--max-attempts',
          '1',
          '--secrets',
          `s1=${SECRET}`,
          '--secret-envs',
          's3=MULTI_SECRET',
          '--secret-files',
          `s4=${secretFile}`,
          '--build-args',
          `API_TOKEN=${ARG}`,
          '--report-file',
          report,
          ctx,
        ],
        { env: { ...process.env, MULTI_SECRET: MULTI }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (e) {
      out = String((e as { stdout: string }).stdout);
    }
    expect(out).toContain('"status": "failed"');
    const file = readFileSync(report, 'utf8');
    expect(file).toContain('***');
    for (const n of needles)
      expect({ n, leaked: plain(file).includes(n) || plain(out).includes(n) }).toEqual({ n, leaked: false });
  });

  test('a secrets line without = is masked and never echoed in the error', async () => {
    const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN true\n`);
    const run = await runAction({ driver: 'docker', context: ctx, secrets: 'no_equals*secret%value' });
    expect(run.main.code).toBe(1);
    const lines = run.main.stdout.split('\n');
    expect(lines[0]).toBe('::add-mask::no_equals*secret%25value');
    expect(lines.slice(1).join('\n')).not.toContain('no_equals');
    expect(run.main.stdout).toContain("Each line of input 'secrets' must be KEY=value; got line 1.");
  });
});

test('github-token goes only to the run’s GitHub server, over https, as GIT_AUTH_TOKEN.<host>', async () => {
  const { gitTokenId } = await import('../../src/attempts/secrets.js');
  expect(gitTokenId('https://github.com/octo/app.git#main', 'https://github.com')).toBe(
    'GIT_AUTH_TOKEN.github.com',
  );
  expect(gitTokenId('https://github.com/octo/app', 'https://github.com')).toBe('GIT_AUTH_TOKEN.github.com');
  expect(gitTokenId('http://github.com/octo/app.git', 'https://github.com')).toBeUndefined();
  expect(gitTokenId('http://127.0.0.1:8080/evil/repo.git', 'https://github.com')).toBeUndefined();
  expect(gitTokenId('https://evil.example/evil/repo.git', 'https://github.com')).toBeUndefined();
  expect(gitTokenId('https://ghe.corp/octo/app.git', 'https://ghe.corp')).toBe('GIT_AUTH_TOKEN.ghe.corp');
  expect(gitTokenId('.', 'https://github.com')).toBeUndefined();
});

test('a Git context on another host over plain http receives no token (a real git server)', async () => {
  // A real Git smart-HTTP server would need git-http-backend; a plain HTTP listener that records
  // the Authorization header is what matters: buildx dials it for the context.
  const http = await import('node:http');
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(String(req.headers.authorization ?? ''));
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const run = await runAction({
      driver: 'docker',
      context: `http://127.0.0.1:${port}/evil/repo.git`,
      'github-token': 'ghs_secret_token_value',
      'max-attempts': '1',
    });
    expect(run.main.code).toBe(1);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.join('\n')).not.toContain(
      Buffer.from('x-access-token:ghs_secret_token_value').toString('base64'),
    );
    expect(seen.every((h) => h === '')).toBe(true);
  } finally {
    server.close();
  }
});

describe('the post phase removes only what this step created', () => {
  test('a name that already exists is refused, and the existing builder survives the post phase', async () => {
    const name = `precious-${process.pid}`;
    await docker(['buildx', 'create', '--name', name, '--driver', 'docker-container', '--node', `${name}0`]);
    try {
      const run = await runAction({ name, driver: 'docker-container', build: 'false' });
      expect(run.main.code).toBe(1);
      expect(run.main.stdout).toContain(`Builder '${name}' already exists`);
      expect(run.main.stdout).toContain("input 'builder'");
      const ls = await docker(['buildx', 'inspect', name]);
      expect(ls.code).toBe(0);
    } finally {
      await docker(['buildx', 'rm', '-f', name]);
    }
  });
});

describe('sarif-file', () => {
  test('outside the workspace and RUNNER_TEMP it is an input error; a folder or an unwritable path never fails the build', async () => {
    const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN true\n`);
    for (const bad of ['../../escape.sarif', '/etc/buildx-guard.sarif']) {
      const run = await runAction(
        { driver: 'docker', context: ctx, network: 'none', 'sarif-file': bad },
        { env: { GITHUB_WORKSPACE: ctx } },
      );
      expect(run.main.code).toBe(1);
      expect(run.main.stdout).toContain("Input 'sarif-file'");
      expect(existsSync('/etc/buildx-guard.sarif')).toBe(false);
    }
    // A folder inside the workspace: the build succeeds, a notice says SARIF was not written.
    const run = await runAction(
      { driver: 'docker', context: ctx, network: 'none', 'sarif-file': '.' },
      { env: { GITHUB_WORKSPACE: ctx } },
    );
    expect(run.main.code).toBe(0);
    expect(
      processedCommands(run.main.stdout).some((c) => c.startsWith('::notice') && c.includes('SARIF')),
    ).toBe(true);
    expect(run.summary).toContain('Build succeeded');
  });
});
