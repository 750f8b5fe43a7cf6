// The flake ledger in the comment's fold and the job summary (issue 26, docs/ledger.md "What people
// see", docs/report.md "The fold"), on the canonical reports (real buildx logs, support/report-cases)
// with a window built by src/ledger from the same attempts, as cmark-gfm with GitHub's extensions
// renders it: the window's tables render as tables, this run's "Recovered:" line is said once, and a
// window with no incident is one line, not a table of zeros.
import { CASES, attempt, build, log } from '../../support/report-cases.js';
import { renderGfm } from '../../support/cmark.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT, renderMarkdown } from '../../../src/report/markdown.js';
import { buildEntry, type LedgerEntry, byName } from '../../../src/ledger/entry.js';
import { recordRun } from '../../../src/ledger/ledger.js';
import { withLedger } from '../../../src/pipeline.js';
import type { BuildOutcome } from '../../../src/attempts/run.js';
import type { ReportInput } from '../../../src/report/model.js';
import type { Ledger } from '../../../src/ledger/window.js';

const NODES = [{ name: 'ci0', endpoint: 'unix:///var/run/docker.sock', platforms: ['linux/amd64'] }];
const NOW = new Date();
const clean = (i: number): LedgerEntry => ({
  at: new Date(NOW.getTime() - (i + 1) * 3600_000).toISOString(),
  run: `${i}-1`,
  attempts: 1,
  nodes: NODES.map(({ name, endpoint }) => ({ name, endpoint })),
  events: [],
});

/** The report with the window of `before` and this run's entry (built from its attempts), as the pipeline does. */
async function withWindow(report: ReportInput, attempts: BuildOutcome['attempts'], before: LedgerEntry[]) {
  const outcome: BuildOutcome = { success: true, attempts, metadata: '', imageid: '', digest: '' };
  const ledger: Ledger = { version: 1, entries: before };
  const entry = buildEntry(outcome, NODES, ['linux/amd64'], 'this-1', NOW, byName);
  const { view } = await recordRun(Promise.resolve(ledger), entry, [], NOW);
  return withLedger(report, view);
}
const render = (r: ReportInput) => ({
  comment: renderMarkdown(r, { limit: COMMENT_LIMIT, full: false }),
  summary: renderMarkdown(r, { limit: SUMMARY_LIMIT, full: true }),
});
const tables = (html: string) => (html.match(/<table>/g) ?? []).length;

test('a green build and a window with no incident: one line in the fold and the summary, no table', async () => {
  const base = CASES.green();
  const report = await withWindow(base, [attempt(1, log('two-node'))], [0, 1, 2, 3].map(clean));
  const before = render(base);
  const after = render(report);
  for (const kind of ['comment', 'summary'] as const) {
    const md = after[kind];
    expect(md).toContain('**Flake ledger**: no incident in 5 runs since ');
    expect(md).not.toContain('| node | endpoint | runs | incidents |');
    expect(md).not.toContain('Recovered');
    // One line more than without the ledger, and no table more.
    expect(md.split('\n').filter((l) => l.trim()).length).toBe(
      before[kind].split('\n').filter((l) => l.trim()).length + 1,
    );
    expect(tables(renderGfm(md))).toBe(tables(renderGfm(before[kind])));
  }
  // The comment's lead (before the fold) is untouched.
  expect(after.comment.slice(0, after.comment.indexOf('<details>'))).toBe(
    before.comment.slice(0, before.comment.indexOf('<details>')),
  );
});

test('a green build after a recovered cut: the Recovered line once, the window’s tables render as tables', async () => {
  const attempts = [
    attempt(1, log('transport'), {
      decision: 'retried after 2.0 s: the connection to BuildKit was lost (transient)',
      waitMs: 2000,
    }),
    attempt(2, log('lint')),
  ];
  const base = build('lint', attempts);
  const report = await withWindow(base, attempts, [0, 1, 2].map(clean));
  const { comment, summary } = render(report);
  for (const md of [comment, summary]) {
    expect(md.split('**Recovered:**')).toHaveLength(2);
    expect(md).toMatch(/\*\*Recovered:\*\* 1 transient failure \(\S+ on node `ci0`/);
    // The node and category tables, as tables (every row as many cells as its header).
    const html = renderGfm(md);
    const ledgerHtml = html.slice(html.indexOf('<strong>Flake ledger</strong>'));
    expect(tables(ledgerHtml)).toBe(2);
    expect(ledgerHtml).toMatch(
      /<td><code>ci0<\/code><\/td>\s*<td><code>unix:\/\/\/var\/run\/docker.sock<\/code><\/td>\s*<td>4<\/td>\s*<td>1<\/td>/,
    );
  }
  // In the comment, only in the fold.
  expect(comment.indexOf('**Recovered:**')).toBeGreaterThan(comment.indexOf('<details>'));
});
