// Sizes in the unit GitHub counts: the job summary is at most 1 MiB of bytes, a comment 65,536
// characters. A report over the limit is cut on a line, with every code fence and fold it opened
// closed again, so the pointer to the rest renders as text (cmark-gfm with GitHub's extensions).
import { FakeGitHub } from '../../support/github-server.js';
import { renderGfm } from '../../support/cmark.js';
import { GitHub, type GitHubContext } from '../../../src/github/github.js';
import { publish } from '../../../src/report/publish.js';
import { code } from '../../../src/findings/markdown-escape.js';
import type { ReportConfig } from '../../../src/config/config.js';
import type { ReportInput } from '../../../src/report/model.js';

const MiB = 1024 * 1024;

let github: FakeGitHub;
beforeAll(async () => {
  github = await new FakeGitHub().start();
});
afterAll(() => github.stop());

const ctx = (pullNumber: number): GitHubContext => ({
  owner: 'octo',
  repo: 'app',
  apiUrl: github.url,
  serverUrl: 'https://github.com',
  headSha: '0123456789abcdef0123456789abcdef01234567',
  pullNumber,
  runUrl: 'https://github.com/octo/app/actions/runs/1',
});

const cfg: ReportConfig = {
  summary: 'full',
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

const base: ReportInput = {
  key: 'k',
  status: 'failed',
  failure: { category: 'step', reason: 'r', message: 'exit code: 1' },
  attempts: [{ number: 1, durationMs: 1000, exitCode: 1, category: 'step', decision: 'stopped' }],
  nodes: [],
  findings: [],
  stats: { durationMs: 1000, steps: 1, cachedSteps: 0, contextBytes: 0, platforms: [] },
  steps: [],
  secrets: [],
};

async function published(input: ReportInput, pr: number): Promise<{ summary: string; comment: string }> {
  let summary = '';
  await publish(input, cfg, {
    annotate: () => {},
    writeSummary: async (m) => {
      summary = m;
    },
    notice: (m) => {
      throw new Error(m);
    },
    info: () => {},
    github: new GitHub('ghs_write', ctx(pr)),
    version: '0',
  });
  return { summary, comment: github.commentsOn(pr).at(-1)!.body };
}

/** The pointer to the rest renders as text, not inside a code block; every fold is closed. */
function cutSafely(markdown: string): void {
  const html = renderGfm(markdown);
  expect(/<em>Truncated: the full report is in the job summary/.test(html)).toBe(true);
  expect(/<pre[^>]*>(?:(?!<\/pre>)[\s\S])*Truncated/.test(html)).toBe(false);
  expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
}

test('a summary of multibyte text is cut at 1 MiB of bytes, not of characters', async () => {
  // 200 findings with 2,500 × "€" (3 bytes each) in the message (the summary explains each
  // finding by its message): about 0.5 M characters, 1.5 MB.
  const findings = Array.from({ length: 200 }, (_, i) => ({
    rule: `rule-${i}`,
    severity: 'warning' as const,
    title: `${i} €`,
    message: code('€'.repeat(2500)),
  }));
  const { summary } = await published({ ...base, findings }, 60);
  expect(summary.length).toBeLessThan(MiB);
  expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(MiB);
  cutSafely(summary);
});

test('a comment whose failure is one long code block is cut inside the block and the block closed', async () => {
  const lines = Array.from({ length: 4000 }, (_, i) => `line ${i} ${'x'.repeat(30)}`);
  const { comment, summary } = await published(
    { ...base, failure: { ...base.failure!, message: lines.join('\n') } },
    61,
  );
  expect(comment.length).toBeLessThanOrEqual(65_536);
  cutSafely(comment);
  // The summary had room for all of it.
  expect(summary).toContain('line 3999');
});
