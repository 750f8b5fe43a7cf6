// publish() against a local GitHub API (checked against the official OpenAPI description): a server
// that never answers costs a notice within the budget, never the build's result.
import { FakeGitHub, TOKENS, USERS } from '../../support/github-server.js';
import { GitHub, type GitHubContext } from '../../../src/github/github.js';
import { publish } from '../../../src/report/publish.js';
import { gfm } from '../../../src/findings/markdown-escape.js';
import type { ReportConfig } from '../../../src/config/config.js';
import type { ReportInput } from '../../../src/report/model.js';

let github: FakeGitHub;
beforeAll(async () => {
  github = await new FakeGitHub().start();
});
afterAll(() => github.stop());

const ctx = (): GitHubContext => ({
  owner: 'octo',
  repo: 'app',
  apiUrl: github.url,
  serverUrl: 'https://github.com',
  headSha: '0123456789abcdef0123456789abcdef01234567',
  pullNumber: 5,
  runUrl: 'https://github.com/octo/app/actions/runs/1',
});

const report: ReportInput = {
  key: 'k',
  status: 'success',
  attempts: [],
  nodes: [],
  findings: [],
  stats: { durationMs: 1000, steps: 1, cachedSteps: 0, contextBytes: 0, platforms: [] },
  steps: [],
  secrets: [],
};
const cfg: ReportConfig = {
  summary: 'full',
  annotations: true,
  comment: 'sticky',
  checkRun: true,
  sarifFile: '',
  failOnFindings: 'none',
  contextSizeWarnMb: 50,
  baseline: false,
  ledger: false,
  regressionThreshold: 25,
};

function deps(gh: GitHub, budgetMs: number) {
  const notices: string[] = [];
  return {
    notices,
    deps: {
      annotate: () => {},
      writeSummary: async () => {},
      notice: (m: string) => notices.push(m),
      info: () => {},
      github: gh,
      version: '0',
      budgetMs,
    },
  };
}

test('a GitHub API that never answers: a notice within the budget, the result unchanged', async () => {
  const gh = new GitHub(TOKENS.hang, ctx(), { timeoutMs: 60_000, retries: 0 });
  const { notices, deps: d } = deps(gh, 1500);
  // Without the budget this never returns (jest's timeout fails it); with it, a notice.
  const result = await publish(report, cfg, d);
  expect(result.gate).toBeUndefined();
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain('GitHub did not answer within 2 s');
  expect(notices[0]).toContain('the build result is unchanged');
});

test('each request has a deadline and a bounded number of tries', async () => {
  const gh = new GitHub(TOKENS.hang, ctx(), { timeoutMs: 300, retries: 1 });
  await expect(gh.findComment(5, 'marker')).rejects.toThrow(
    /Could not read the pull request comments: no answer within 0 s \(2 tries\)/,
  );
});

test('the sticky comment never takes over a person’s comment that quotes the marker', async () => {
  const marker = '<!-- buildx-guard:k -->';
  github.comments.set(5, [{ id: 1, body: `look at this: ${marker}`, user: USERS.human }]);
  const gh = new GitHub('ghs_write', ctx());
  const { deps: d } = deps(gh, 30_000);
  await publish(report, { ...cfg, checkRun: false }, d);
  const comments = github.commentsOn(5);
  expect(comments[0].body).toBe(`look at this: ${marker}`);
  expect(comments).toHaveLength(2);
  expect(comments[1].user).toEqual(USERS.bot);
  // The next run updates its own comment, still not the person's.
  await publish({ ...report, status: 'failed' }, { ...cfg, checkRun: false }, d);
  expect(github.commentsOn(5)).toHaveLength(2);
  expect(github.commentsOn(5)[0].body).toBe(`look at this: ${marker}`);
  expect(github.commentsOn(5)[1].body).toContain('Build failed');
});

test('with a GitHub App’s installation token, the App’s bot comment is the sticky one, not GITHUB_TOKEN’s', async () => {
  const marker = '<!-- buildx-guard:k -->';
  // GITHUB_TOKEN's bot wrote a comment with the marker (another workflow of the same repository).
  github.comments.set(7, [{ id: 1, body: `${marker}\nother workflow`, user: USERS.bot }]);
  const c = ctx();
  c.pullNumber = 7;
  const { deps: d } = deps(new GitHub(TOKENS.app, c), 30_000);
  await publish(report, { ...cfg, checkRun: false }, d);
  const { deps: again } = deps(new GitHub(TOKENS.app, c), 30_000);
  await publish({ ...report, status: 'failed' }, { ...cfg, checkRun: false }, again);
  const comments = github.commentsOn(7);
  expect(comments.map((x) => x.user?.login)).toEqual(['github-actions[bot]', 'buildx-guard-ci[bot]']);
  expect(comments[0].body).toContain('other workflow');
  expect(comments[1].body).toContain('Build failed');
  expect(github.violations).toEqual([]);
});

test('with a personal token, the comment of that person (and no one else’s) is the sticky one', async () => {
  github.comments.set(6, []);
  const c = ctx();
  c.pullNumber = 6;
  const gh = new GitHub(TOKENS.personal, c);
  const { deps: d } = deps(gh, 30_000);
  await publish(report, { ...cfg, checkRun: false }, d);
  await publish({ ...report, status: 'failed' }, { ...cfg, checkRun: false }, d);
  expect(github.commentsOn(6)).toHaveLength(1);
  expect(github.commentsOn(6)[0].user).toEqual(USERS.personal);
  expect(github.violations).toEqual([]);
});

describe('report noise controls', () => {
  const failing: ReportInput = {
    ...report,
    status: 'failed',
    failure: { category: 'step', reason: 'a build step exited non-zero', message: 'exit code: 3' },
    findings: Array.from({ length: 6 }, (_, i) => ({
      rule: i ? 'lint/FromAsCasing' : 'build-failed',
      severity: i ? ('warning' as const) : ('error' as const),
      title: `finding ${i}`,
      message: gfm`message ${i}`,
      file: 'Dockerfile',
      line: i + 1,
    })),
    steps: [{ label: 'RUN make', durationMs: 1200, cached: false, failed: true }],
  };
  async function run(over: Partial<ReportConfig>) {
    const summaries: string[] = [];
    const annotations: string[] = [];
    await publish(
      failing,
      { ...cfg, ...over, checkRun: false, comment: 'off' },
      {
        annotate: (_s, m) => annotations.push(m),
        writeSummary: async (md) => void summaries.push(md),
        notice: () => {},
        info: () => {},
        version: '0',
      },
    );
    return { summaries, annotations };
  }

  test('summary: compact is the verdict, the failure and the top three findings', async () => {
    const full = (await run({ summary: 'full' })).summaries[0];
    const compact = (await run({ summary: 'compact' })).summaries[0];
    expect(compact).toContain('❌ **Build failed** · step');
    expect(compact).toContain('exit code: 3');
    // build-failed is the lead; then three findings, one line each, and how many more.
    expect(compact).toContain('finding 3');
    expect(compact).not.toContain('finding 4');
    expect(compact).toContain('…and 2 more finding(s) in the job summary.');
    expect(compact).not.toContain('mermaid');
    expect(compact).not.toContain('| duration |');
    expect(compact.length).toBeLessThan(full.length);
  });

  test('summary: off writes none; annotations: false annotates nothing', async () => {
    expect((await run({ summary: 'off' })).summaries).toEqual([]);
    expect((await run({ annotations: false })).annotations).toEqual([]);
    expect((await run({})).annotations.length).toBeGreaterThan(0);
  });
});

test('an error nobody expected while publishing is a notice: the gate still applies, no secret is quoted', async () => {
  const gh = new GitHub(TOKENS.hang, ctx(), { timeoutMs: 300, retries: 0 });
  const { notices, deps: d } = deps(gh, 1500);
  const failing: ReportInput = {
    ...report,
    secrets: ['s3cr3t-value'],
    findings: [
      {
        rule: 'slow-step',
        severity: 'warning',
        title: 'A slow step',
        message: gfm`m`,
      } as ReportInput['findings'][number],
    ],
  };
  const result = await publish(
    failing,
    { ...cfg, failOnFindings: 'warning' },
    {
      ...d,
      // The job log's writer failing (a closed pipe) is not a case any channel handles.
      annotate: () => {
        throw new Error('write EPIPE while printing s3cr3t-value');
      },
    },
  );
  expect(notices).toEqual([
    'buildx-guard could not publish its report (the build result is unchanged): write EPIPE while printing ***',
  ]);
  expect(result.gate).toBe(
    '1 finding(s) at warning level or worse (fail-on-findings: warning); first: slow-step, A slow step.',
  );
});
