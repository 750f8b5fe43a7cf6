// Our own identity: only a comment of the token's own identity is the sticky one (github-actions[bot]
// for GITHUB_TOKEN), and a create that GitHub answered with a 5xx is looked for before it is made
// again (the local GitHub API checks every request against the official OpenAPI description).
import { FakeGitHub, USERS } from '../../support/github-server.js';
import { GitHub, mayRepeat, type GitHubContext } from '../../../src/github/github.js';
import { publish } from '../../../src/report/publish.js';
import type { ReportConfig } from '../../../src/config/config.js';
import type { ReportInput } from '../../../src/report/model.js';

let github: FakeGitHub;
beforeAll(async () => {
  github = await new FakeGitHub().start();
});
afterAll(() => github.stop());
afterEach(() => {
  expect(github.violations).toEqual([]);
  expect(github.faults).toEqual([]);
});

const ctx = (pullNumber: number): GitHubContext => ({
  owner: 'octo',
  repo: 'app',
  apiUrl: github.url,
  serverUrl: 'https://github.com',
  headSha: `${pullNumber}`.padStart(40, 'a'),
  pullNumber,
  runUrl: 'https://github.com/octo/app/actions/runs/1',
});

const report: ReportInput = {
  key: 'k',
  status: 'failed',
  attempts: [],
  nodes: [],
  findings: [],
  stats: { durationMs: 1000, steps: 1, cachedSteps: 0, contextBytes: 0, platforms: [] },
  steps: [],
  secrets: [],
};
const cfg: ReportConfig = {
  summary: 'off',
  annotations: false,
  comment: 'sticky',
  checkRun: false,
  sarifFile: '',
  failOnFindings: 'none',
  contextSizeWarnMb: 50,
  baseline: false,
  ledger: false,
  regressionThreshold: 25,
};

async function run(pr: number, over: Partial<ReportConfig> = {}): Promise<string[]> {
  const notices: string[] = [];
  await publish(
    report,
    { ...cfg, ...over },
    {
      annotate: () => {},
      writeSummary: async () => {},
      notice: (m) => notices.push(m),
      info: () => {},
      // Short waits between tries: what is repeated is counted, not timed.
      github: new GitHub('ghs_write', ctx(pr), { timeoutMs: 5000 }),
      version: '0',
    },
  );
  return notices;
}

const calls = (operationId: string, pr?: number) =>
  github.requests.filter(
    (r) => r.operationId === operationId && (pr === undefined || r.path.includes(`/issues/${pr}/`)),
  ).length;

test('another bot’s comment with our marker is left alone; ours is a new comment by github-actions[bot]', async () => {
  const marker = '<!-- buildx-guard:k -->';
  github.comments.set(70, [{ id: 7001, body: `${marker}\nrenovate copied this`, user: USERS.otherBot }]);
  expect(await run(70)).toEqual([]);
  const comments = github.commentsOn(70);
  expect(comments).toHaveLength(2);
  expect(comments[0]).toEqual({ id: 7001, body: `${marker}\nrenovate copied this`, user: USERS.otherBot });
  expect(comments[1].user).toEqual(USERS.bot);
  expect(comments[1].body).toContain(marker);
  // The next run updates ours, still not the other bot's.
  expect(await run(70)).toEqual([]);
  expect(github.commentsOn(70)).toHaveLength(2);
  expect(github.commentsOn(70)[0].body).toBe(`${marker}\nrenovate copied this`);
});

test('a comment POST answered 502 after GitHub made it: listed again, found, exactly one comment', async () => {
  github.comments.set(71, []);
  github.faults.push({ operationId: 'issues/create-comment', status: 502, done: true });
  expect(await run(71)).toEqual([]);
  expect(github.commentsOn(71)).toHaveLength(1);
  expect(calls('issues/create-comment', 71)).toBe(1);
});

test('a comment POST answered 502 before GitHub made it: listed again, absent, made once more', async () => {
  github.comments.set(72, []);
  github.faults.push({ operationId: 'issues/create-comment', status: 502, done: false });
  expect(await run(72)).toEqual([]);
  expect(github.commentsOn(72)).toHaveLength(1);
  expect(calls('issues/create-comment', 72)).toBe(2);
});

test('a check-run POST answered 502 after GitHub made it: found by its external id, exactly one check run', async () => {
  github.faults.push({ operationId: 'checks/create', status: 502, done: true });
  const before = calls('checks/create');
  expect(await run(73, { comment: 'off', checkRun: true })).toEqual([]);
  const runs = github.checkRuns.filter((r) => r.head_sha === ctx(73).headSha);
  expect(runs).toHaveLength(1);
  expect(runs[0].external_id).toMatch(/^buildx-guard-/);
  expect(calls('checks/create') - before).toBe(1);
  expect(calls('checks/list-for-ref')).toBeGreaterThanOrEqual(1);
});

test('what may be sent again after a timeout or a 5xx: reads and a comment’s update, never a create', () => {
  const api = 'https://api.github.com/repos/o/r';
  expect(mayRepeat('GET', `${api}/issues/1/comments`)).toBe(true);
  expect(mayRepeat('PATCH', `${api}/issues/comments/9`)).toBe(true);
  expect(mayRepeat('POST', `${api}/issues/1/comments`)).toBe(false);
  expect(mayRepeat('POST', `${api}/check-runs`)).toBe(false);
  // Appends annotations: twice would be every annotation twice.
  expect(mayRepeat('PATCH', `${api}/check-runs/5`)).toBe(false);
});
