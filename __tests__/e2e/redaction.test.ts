// One redactor for everything that leaves the process, on the test bed: a real build prints a
// `secrets` value and a secret-named build-arg encoded (base64 at three offsets, hex, URL-encoded,
// another case) and folded (`base64 | fold -w 10`); none of those forms reaches the PR comment,
// the check run, the job summary, the annotations, SARIF or the CLI's report file. And a step named
// with the build-arg (`WORKDIR /tmp/${API_TOKEN}`) is saved to the Actions cache (the real
// @actions/cache library against a local cache service) without it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryText, FakeCacheService } from '../support/cache-server.js';
import { FakeGitHub } from '../support/github-server.js';
import { repoRoot } from '../support/paths.js';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  processedCommands,
  pullRequestEnv,
  runAction,
  tempDir,
  uniqueName,
} from '../support/testbed.js';

let github: FakeGitHub;
let cacheService: FakeCacheService;
beforeAll(async () => {
  github = await new FakeGitHub().start();
  cacheService = await new FakeCacheService().start();
});
afterAll(async () => {
  await github.stop();
  await cacheService.stop();
  cleanupDirs();
});

const SECRET = 'my_s3cret*val%1';
const ARG = 'tok_VAL*UE%9x';

/** The base64 characters that encode `value` alone, when `pre` is printed before it. */
function base64Core(value: string, pre: string): string {
  const all = Buffer.from(pre + value).toString('base64');
  return all.slice(Math.ceil(pre.length / 3) * 4, Math.floor((pre.length + value.length) / 3) * 4);
}

/** Each form the Dockerfile below prints `v` in. */
function printedForms(v: string): Record<string, string> {
  const forms: Record<string, string> = {
    raw: v,
    upper: v.toUpperCase(),
    lower: v.toLowerCase(),
    hex: Buffer.from(v).toString('hex'),
    url: v.replace(/%/g, '%25').replace(/\*/g, '%2A'),
  };
  for (const pre of ['', 'u', 'us']) forms[`base64 at offset ${pre.length}`] = base64Core(v, pre);
  return forms;
}

/** The printed forms `text` still holds, also with line breaks taken out, in any case. */
function leaks(text: string): string[] {
  const flat = text.replace(/[\r\n]/g, '').toLowerCase();
  const plain = flat.replace(/\\/g, '').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  return [SECRET, ARG].flatMap((v) =>
    Object.entries(printedForms(v))
      .filter(([, f]) => flat.includes(f.toLowerCase()) || plain.includes(f.toLowerCase()))
      .map(([name]) => `${v}: ${name}`),
  );
}

// Prints each value in every form, 6 lines a value, then fails: the failing step's last lines are
// in every channel (the comment shows 15). base64 at the three byte offsets, one of them folded.
const PRINT = (v: string) =>
  [
    `echo "$(printf '%s' "${v}" | tr a-z A-Z) $(printf '%s' "${v}" | tr A-Z a-z) $(printf '%s' "${v}" | hexdump -ve '1/1 "%.2x"') $(printf '%s' "${v}" | sed 's/%/%25/g; s/[*]/%2A/g')"`,
    `printf '%s' "${v}" | base64`,
    `printf 'u%s' "${v}" | base64 | fold -w 10`,
    `printf 'us%s' "${v}" | base64`,
  ].join(' && ');

const FAILING = `${BUSYBOX_BASE}FROM busybox
ARG API_TOKEN
RUN --mount=type=secret,id=s1 S="$(cat /run/secrets/s1)" && ${PRINT('$S')} && ${PRINT('$API_TOKEN')} && exit 1
`;

test('a secret printed encoded and folded reaches no channel: comment, check run, summary, annotations, SARIF, CLI report file', async () => {
  const ctx = busyboxContext(FAILING);
  const inputs = {
    driver: 'docker',
    context: ctx,
    network: 'none',
    'github-token': 'ghs_write',
    'max-attempts': '1',
    secrets: `s1=${SECRET}`,
    'build-args': `API_TOKEN=${ARG}`,
    'check-run': 'true',
    'sarif-file': 'findings.sarif',
  };
  const run = await runAction(inputs, { env: pullRequestEnv(github.url, ctx, 31) });
  expect(run.main.code).toBe(1);
  // The build printed every form (so the checks below can fail): the log holds them (the runner
  // masks some of them there), the folded base64 line by line.
  expect(leaks(run.main.stdout)).toEqual(
    expect.arrayContaining([`${SECRET}: raw`, `${SECRET}: hex`, `${ARG}: url`, `${ARG}: upper`]),
  );
  expect(run.main.stdout).toContain(Buffer.from(`us${ARG}`).toString('base64').slice(0, 10));

  const channels: Record<string, string> = {
    comment: github
      .commentsOn(31)
      .map((c) => c.body)
      .join('\n'),
    'check run': JSON.stringify(
      github.requests.filter((r) => r.operationId.startsWith('checks/')).map((r) => r.body),
    ),
    summary: run.summary,
    annotations: processedCommands(run.main.stdout)
      .filter((c) => /^::(?:error|warning|notice)/.test(c))
      .join('\n'),
    sarif: readFileSync(join(ctx, 'findings.sarif'), 'utf8'),
  };
  expect(channels.comment).toContain('***');
  for (const [name, text] of Object.entries(channels)) {
    expect({ name, empty: text.length === 0 }).toEqual({ name, empty: false });
    expect({ name, leaks: leaks(text) }).toEqual({ name, leaks: [] });
  }

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
        '--build-args',
        `API_TOKEN=${ARG}`,
        '--report-file',
        report,
        ctx,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    out = String((e as { stdout: string }).stdout);
  }
  expect(out).toContain('"status": "failed"');
  expect({ file: leaks(readFileSync(report, 'utf8')), verdict: leaks(out) }).toEqual({
    file: [],
    verdict: [],
  });
});

/** The files of an @actions/cache entry (a tar, zstd- or gzip-compressed), as text. */
test('the baseline saved to the Actions cache has no secret build-arg in its step names', async () => {
  const ctx = busyboxContext(
    `${BUSYBOX_BASE}FROM busybox
ARG API_TOKEN
WORKDIR /tmp/\${API_TOKEN}
RUN echo ${uniqueName('step')}
`,
  );
  const eventPath = join(tempDir('bxg-event-'), 'event.json');
  writeFileSync(eventPath, '{}');
  const run = await runAction(
    { driver: 'docker', context: ctx, network: 'none', 'build-args': `API_TOKEN=${ARG}` },
    {
      env: {
        ...cacheService.env,
        GITHUB_WORKSPACE: ctx,
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_WORKFLOW: 'ci',
        GITHUB_JOB: 'image',
        GITHUB_RUN_ID: '41',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SHA: 'b'.repeat(40),
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REF: 'refs/heads/main',
      },
    },
  );
  expect(run.main.code).toBe(0);
  const entry = cacheService.entries.find(
    (e) => e.key.startsWith('buildx-guard-baseline-v1-') && e.key.endsWith('@41-1'),
  );
  expect(entry).toBeDefined();
  const text = entryText(entry!.blob);
  expect(text).toContain('"steps"');
  expect(text).toContain('WORKDIR /tmp/***');
  expect(leaks(text)).toEqual([]);
});
