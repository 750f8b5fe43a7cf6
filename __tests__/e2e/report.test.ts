// PR feedback from the bundled action on the test bed, against a local GitHub API server that checks
// every request against the official OpenAPI description.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Ajv as AjvType } from 'ajv';
import { FakeGitHub, TOKENS, USERS } from '../support/github-server.js';
import { repoRoot } from '../support/paths.js';
import {
  BUSYBOX_BASE,
  busyboxContext,
  cleanupDirs,
  processedCommands,
  runAction,
  tempDir,
  pullRequestEnv,
  PR_HEAD_SHA,
} from '../support/testbed.js';

const require = createRequire(import.meta.url);
const Ajv4 = require('ajv-draft-04').default as typeof AjvType;
const addFormats = require('ajv-formats').default as (ajv: AjvType) => void;

let github: FakeGitHub;
beforeAll(async () => {
  github = await new FakeGitHub().start();
});
afterAll(async () => {
  await github.stop();
  cleanupDirs();
});
afterEach(() => {
  // Every request any test made fits the official schema and the documented limits.
  expect(github.violations).toEqual([]);
});

const HEAD_SHA = PR_HEAD_SHA;
let prNumber = 100;

const prEnv = (workspace: string, pr: number) => pullRequestEnv(github.url, workspace, pr);

const FAILING = `${BUSYBOX_BASE}FROM busybox
RUN echo "step one"
RUN echo "assertion failed: 2 + 2 = 5" && exit 1
`;

test('a failing build on a pull request: error annotation at the failing line, one sticky comment, updated on the next run', async () => {
  const ctx = busyboxContext(FAILING);
  const pr = prNumber++;
  const inputs = {
    driver: 'docker',
    context: ctx,
    network: 'none',
    'github-token': 'ghs_write',
    'max-attempts': '1',
  };
  // A busy pull request: the sticky comment lands on the second page of the comment list.
  github.comments.set(
    pr,
    Array.from({ length: 130 }, (_, i) => ({ id: i + 1, body: `review comment ${i}` })),
  );
  const first = await runAction(inputs, { env: prEnv(ctx, pr) });
  expect(first.main.code).toBe(1);
  expect(first.outputs['failure-category']).toBe('step');
  const annotations = processedCommands(first.main.stdout).filter((c) => c.startsWith('::error '));
  expect(annotations[0]).toMatch(
    /^::error title=Build failed at \[stage-1\] RUN echo "assertion failed.*,file=Dockerfile,line=6,endLine=6::/,
  );
  const ours = () => github.commentsOn(pr).filter((c) => c.body.includes('<!-- buildx-guard:'));
  expect(ours()).toHaveLength(1);
  const body = ours()[0].body;
  expect(body).toContain('<!-- buildx-guard:build:docker:default:');
  // The comment decides: the step, its last line, the error's end and the category on the first
  // screen, the step's label once; the chart and the finding's link are the summary's.
  const label = '[stage-1] RUN echo "assertion failed: 2 + 2 = 5" && exit 1';
  const head = body.split('\n').slice(0, 12).join('\n');
  expect(body.split(label).length - 1).toBe(1);
  expect(head).toContain(
    `❌ **Build failed** at [\`${label}\`](https://github.com/octo/app/blob/${HEAD_SHA}/Dockerfile#L6) · step, not retryable`,
  );
  expect(head).toMatch(/^assertion failed: 2 \+ 2 = 5$/m);
  expect(head).toMatch(/did not complete successfully: exit code: 1$/m);
  expect(body).not.toContain('/bin/sh -c');
  expect(first.summary).toContain(`❌ **Build failed** at [\`${label}\`](`);
  expect(first.summary).toContain('```mermaid');

  const second = await runAction(inputs, { env: prEnv(ctx, pr) });
  expect(second.main.code).toBe(1);
  expect(ours()).toHaveLength(1);
  expect(github.commentsOn(pr)).toHaveLength(131);
  const ops = github.requests.map((r) => r.operationId);
  expect(ops.filter((o) => o === 'issues/create-comment')).toHaveLength(1);
  expect(ops.filter((o) => o === 'issues/update-comment')).toHaveLength(1);
});

test('a green build with two notices: one line before the fold, the notices inside it', async () => {
  // Two steps long enough to be slow-step notices; no warning.
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN sleep 2\nRUN sleep 1\n`);
  const pr = prNumber++;
  const run = await runAction(
    { driver: 'docker', context: ctx, network: 'none', 'no-cache': 'true', 'github-token': 'ghs_write' },
    { env: prEnv(ctx, pr) },
  );
  expect(run.main.code).toBe(0);
  const notices = processedCommands(run.main.stdout).filter(
    (c) => c.startsWith('::notice ') && c.includes('file='),
  );
  expect(notices).toHaveLength(2);
  const body = github.commentsOn(pr).find((c) => c.body.includes('<!-- buildx-guard:'))!.body;
  const before = body
    .slice(0, body.indexOf('<details>'))
    .split('\n')
    .filter((l) => l.trim());
  expect(before.length).toBeLessThanOrEqual(3);
  expect(before.join('\n')).toMatch(/✅ \*\*Build succeeded\*\* · [\d.]+ s · \d+ of \d+ steps cached/);
  expect(body.slice(body.indexOf('<details>'))).toMatch(/slow-step[^\n]*RUN sleep 2/);
});

test('120 findings: 10 annotations per level in the log, all 120 in the check run in 3 requests', async () => {
  // 104 build-check warnings, 15 unpinned base images in stages the build never reaches, 1 failure.
  const env = Array.from({ length: 104 }, (_, i) => `ENV API_PASSWORD_${i}=x`).join('\n');
  const unused = Array.from({ length: 15 }, (_, i) => `FROM alpine AS unused${i}\nRUN true`).join('\n');
  const ctx = busyboxContext(`${BUSYBOX_BASE}${unused}\nFROM busybox\n${env}\nRUN exit 1\n`);
  const run = await runAction(
    {
      driver: 'docker',
      context: ctx,
      network: 'none',
      'no-cache': 'true',
      'github-token': 'ghs_write',
      'check-run': 'true',
      comment: 'off',
      'max-attempts': '1',
    },
    { env: prEnv(ctx, prNumber++) },
  );
  expect(run.main.code).toBe(1);
  const commands = processedCommands(run.main.stdout);
  const count = (level: string) => commands.filter((c) => c.startsWith(`::${level} `)).length;
  // The step's own failure message is one more ::error:: (setFailed), not an annotation with a file.
  expect([count('warning'), count('notice')]).toEqual([10, 10]);
  expect(commands.filter((c) => c.startsWith('::error ') && c.includes('file=')).length).toBe(1);
  // 1 error + 10 warnings + 10 notices shown: the other 99 are counted in the summary.
  expect(run.summary).toMatch(/99 finding\(s\) were not shown as annotations/);
  const check = github.checkRuns.at(-1)!;
  expect(check.head_sha).toBe(HEAD_SHA);
  expect(check.conclusion).toBe('failure');
  expect(check.annotations).toHaveLength(120);
  expect(check.requests).toBe(3);
});

test('a read-only token (a fork): the build result is unchanged and one notice says why nothing was posted', async () => {
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nRUN echo fine\n`);
  const pr = prNumber++;
  const run = await runAction(
    { driver: 'docker', context: ctx, network: 'none', 'github-token': TOKENS.readOnly, 'check-run': 'true' },
    { env: prEnv(ctx, pr) },
  );
  expect(run.main.code).toBe(0);
  const notices = processedCommands(run.main.stdout).filter((c) => c.startsWith('::notice::'));
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain('the build result is unchanged');
  expect(notices[0]).toContain('Resource not accessible by integration');
  expect(notices[0]).toContain('pull-requests: write');
  expect(github.commentsOn(pr)).toHaveLength(0);
  expect(run.summary).toContain('✅ **Build succeeded**');
});

test('log text with @octocat, <script> and a secret is inert in the comment and the secret is absent', async () => {
  const secret = 's3cr3t-value-9f8e7d';
  const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox
RUN --mount=type=secret,id=token echo "@octocat <script>alert(1)</script> #1 $(cat /run/secrets/token)" && exit 2
`);
  const pr = prNumber++;
  const run = await runAction(
    {
      driver: 'docker',
      context: ctx,
      network: 'none',
      'github-token': 'ghs_write',
      secrets: `token=${secret}`,
      'max-attempts': '1',
    },
    { env: prEnv(ctx, pr) },
  );
  expect(run.main.code).toBe(1);
  expect(run.main.stdout).toContain(`::add-mask::${secret}`);
  const body = github.commentsOn(pr)[0].body;
  expect(body).not.toContain(secret);
  expect(run.summary).not.toContain(secret);
  expect(body).toContain('@octocat <script>alert(1)</script> #1 ***');
  // Outside fenced code blocks and code spans nothing of the log remains to ping, link or render.
  const prose = body.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '').replace(/(`+)[^`]*?\1/g, '');
  expect(prose).not.toMatch(/@octocat|<script>/);
});

test('SARIF output validates against the SARIF 2.1.0 schema', async () => {
  const ctx = busyboxContext(
    `FROM scratch as busybox\nCOPY busybox /bin/busybox\nFROM busybox\nENV DB_PASSWORD=x\nRUN ["/bin/busybox", "true"]\n`,
  );
  const sarifFile = join(tempDir('bxg-sarif-'), 'findings.sarif');
  const run = await runAction(
    { driver: 'docker', context: ctx, network: 'none', 'sarif-file': sarifFile, comment: 'off' },
    // sarif-file may be in the workspace or RUNNER_TEMP (docs/security.md).
    { env: { GITHUB_WORKSPACE: ctx, RUNNER_TEMP: dirname(sarifFile) } },
  );
  expect(run.main.code).toBe(0);
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  const ajv = new Ajv4({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(
    JSON.parse(readFileSync(join(repoRoot, '__fixtures__', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')),
  );
  expect(validate(sarif) ? [] : validate.errors).toEqual([]);
  const rules = sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId);
  expect(rules).toEqual(expect.arrayContaining(['lint/FromAsCasing', 'lint/SecretsUsedInArgOrEnv']));
  expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('Dockerfile');
});

test('fail-on-findings fails a successful build after reporting', async () => {
  const ctx = busyboxContext(`FROM scratch as busybox\nCOPY busybox /bin/busybox\n`);
  const run = await runAction(
    { driver: 'docker', context: ctx, network: 'none', 'fail-on-findings': 'warning', comment: 'off' },
    { env: { GITHUB_WORKSPACE: ctx } },
  );
  expect(run.main.code).toBe(1);
  expect(run.outputs['failure-category']).toBe('');
  expect(run.main.stdout).toMatch(
    /::error::1 finding\(s\) at warning level or worse \(fail-on-findings: warning\); first: lint\/FromAsCasing/,
  );
});

describe('our own identity, our own leg', () => {
  const PASSING = `${BUSYBOX_BASE}FROM busybox\nRUN echo fine\n`;
  const ours = (pr: number) => github.commentsOn(pr).filter((c) => c.user === USERS.bot);

  test('another bot’s comment with our marker is left alone; ours is a new one', async () => {
    const ctx = busyboxContext(PASSING);
    const pr = prNumber++;
    const inputs = { driver: 'docker', context: ctx, network: 'none', 'github-token': 'ghs_write' };
    // The marker this build writes, copied by another app's bot.
    const first = await runAction(inputs, { env: prEnv(ctx, pr) });
    expect(first.main.code).toBe(0);
    const marker = /<!-- buildx-guard:[^ ]+ -->/.exec(ours(pr)[0].body)![0];
    github.comments.set(pr, [{ id: 1, body: `${marker}\ncopied`, user: USERS.otherBot }]);
    const run = await runAction(inputs, { env: prEnv(ctx, pr) });
    expect(run.main.code).toBe(0);
    expect(processedCommands(run.main.stdout).filter((c) => c.startsWith('::notice::'))).toEqual([]);
    expect(github.commentsOn(pr)[0]).toEqual({ id: 1, body: `${marker}\ncopied`, user: USERS.otherBot });
    expect(ours(pr)).toHaveLength(1);
    expect(ours(pr)[0].body).toContain(marker);
  });

  test('a comment POST answered 502 after GitHub made it: exactly one comment', async () => {
    const ctx = busyboxContext(PASSING);
    const pr = prNumber++;
    github.faults.push({ operationId: 'issues/create-comment', status: 502, done: true });
    const run = await runAction(
      { driver: 'docker', context: ctx, network: 'none', 'github-token': 'ghs_write' },
      { env: prEnv(ctx, pr) },
    );
    expect(run.main.code).toBe(0);
    expect(github.faults).toEqual([]);
    expect(processedCommands(run.main.stdout).filter((c) => c.startsWith('::notice::'))).toEqual([]);
    expect(github.commentsOn(pr)).toHaveLength(1);
    const posts = github.requests.filter(
      (r) => r.operationId === 'issues/create-comment' && r.path.endsWith(`/issues/${pr}/comments`),
    );
    expect(posts.map((r) => r.status)).toEqual([502]);
  });

  test('two matrix legs of one job: two comments and two check runs, each updated by its own leg', async () => {
    // One Dockerfile for both legs: the slim variant fails, the full one passes.
    const ctx = busyboxContext(`${BUSYBOX_BASE}FROM busybox\nARG VARIANT\nRUN test "$VARIANT" = full\n`);
    const pr = prNumber++;
    const leg = (variant: string) => ({
      driver: 'docker',
      context: ctx,
      network: 'none',
      'github-token': 'ghs_write',
      'check-run': 'true',
      'max-attempts': '1',
      'build-args': `VARIANT=${variant}`,
    });
    // The same job, the same Dockerfile: only a build-arg differs (a matrix).
    const env = prEnv(ctx, pr);
    const a = await runAction(leg('slim'), { env });
    const b = await runAction(leg('full'), { env });
    expect([a.main.code, b.main.code]).toEqual([1, 0]);
    expect(ours(pr)).toHaveLength(2);
    expect(ours(pr)[0].body).toContain('❌ **Build failed**');
    expect(ours(pr)[1].body).toContain('✅ **Build succeeded**');
    const runs = github.checkRuns.filter((r) => r.head_sha === HEAD_SHA).slice(-2);
    expect(new Set(runs.map((r) => r.name)).size).toBe(2);
    expect(runs.map((r) => r.conclusion)).toEqual(['failure', 'success']);
    // The failing leg again: its own comment is updated, the passing leg's stays.
    await runAction(leg('slim'), { env });
    expect(ours(pr)).toHaveLength(2);
    expect(ours(pr)[1].body).toContain('✅ **Build succeeded**');
  });
});
