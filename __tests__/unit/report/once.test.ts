// Issue 29: the comment decides, the summary explains, and each says every fact once. The canonical
// reports are built from real buildx logs by src/ (support/report-cases.ts).
import { CASES } from '../../support/report-cases.js';
import {
  COMMENT_FINDINGS,
  COMMENT_LIMIT,
  SUMMARY_LIMIT,
  causeChain,
  renderMarkdown,
  wrapLine,
} from '../../../src/report/markdown.js';
import { code, escapeMarkdown } from '../../../src/findings/markdown-escape.js';
import type { ReportInput } from '../../../src/report/model.js';

/** The text a reader reads: the Mermaid chart is a picture whose axis names the steps. */
const prose = (md: string) => md.replace(/```mermaid\n[\s\S]*?\n```/g, '');
const count = (text: string, needle: string) => text.split(needle).length - 1;
/** Whole lines (as a code block shows them) equal to `line`. */
const lineCount = (text: string, line: string) =>
  text.split('\n').filter((l) => l.trim() === line.trim()).length;
/** A label as a code span or escaped prose, not as the start of a longer label. */
const labelCount = (text: string, label: string) =>
  [code(label), escapeMarkdown(label)].reduce(
    (n, form) =>
      n +
      [...text.matchAll(new RegExp(`${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w"&])`, 'g'))].length,
    0,
  );

function facts(r: ReportInput) {
  const lead = r.findings.filter((f) => !(f.rule === 'build-failed' && r.status === 'failed'));
  return {
    titles: r.findings.map((f) => escapeMarkdown(f.title)),
    messages: lead.map((f) => f.message),
    errorLines: [
      ...(r.failure ? causeChain(r.failure.message).flatMap((l) => wrapLine(l)) : []),
      ...(r.failingLog?.lines ?? []).filter((l) => l.trim()),
    ],
    labels: [...new Set([...r.steps.map((s) => s.label), ...(r.failingLog ? [r.failingLog.step] : [])])],
    shownFindings: lead,
  };
}

describe.each(Object.keys(CASES))('%s', (name) => {
  const report = CASES[name]();
  const comment = renderMarkdown(report, { limit: COMMENT_LIMIT, full: false });
  const summary = renderMarkdown(report, { limit: SUMMARY_LIMIT, full: true });
  const f = facts(report);

  test.each([
    ['comment', comment],
    ['summary', summary],
  ])('the %s says every finding, error line and step label at most once', (_, md) => {
    const text = prose(md);
    for (const t of f.titles) expect(count(text, t)).toBeLessThanOrEqual(1);
    for (const m of f.messages) expect(count(text, m)).toBeLessThanOrEqual(1);
    for (const l of f.errorLines)
      expect({ line: l, n: Math.min(lineCount(text, l), 1) }).toEqual({ line: l, n: lineCount(text, l) });
    for (const l of f.labels)
      expect({ label: l, n: Math.min(labelCount(text, l), 1) }).toEqual({ label: l, n: labelCount(text, l) });
  });

  test('the summary keeps the full picture: every finding explained once, the attempts, the nodes, the chart', () => {
    for (const m of f.messages) expect(count(summary, m)).toBe(1);
    for (const l of f.errorLines.slice(-1)) expect(lineCount(summary, l)).toBe(1);
    if (report.attempts.length > 1) expect(summary).toContain('| attempt | result | duration | why |');
    if (report.nodes.length) expect(summary).toContain('| node | endpoint | status |');
    if (report.steps.some((s) => s.durationMs > 0 || s.cached)) expect(summary).toContain('```mermaid');
  });

  test('the comment’s budget: a lead line, then at most three findings, then one fold', () => {
    const before = comment.slice(0, comment.indexOf('<details>'));
    expect(comment.match(/<details>/g)).toHaveLength(1);
    const lines = before.split('\n').filter((l) => l.trim());
    const upFront =
      report.status === 'success' ? f.shownFindings.filter((x) => x.severity !== 'notice') : f.shownFindings;
    if (report.status === 'success') {
      // The marker (invisible), the lead line, one line per warning (three at most).
      expect(lines.length).toBe(2 + Math.min(upFront.length, COMMENT_FINDINGS));
      expect(lines[1]).toMatch(/^✅ \*\*\w+ succeeded\*\* · [\d.]+ s/);
      if (report.stats.steps)
        expect(lines[1]).toContain(`${report.stats.cachedSteps} of ${report.stats.steps} steps cached`);
      expect(lines[1].includes(`${report.attempts.length} attempts`)).toBe(report.attempts.length > 1);
    } else {
      expect(lines[1]).toMatch(/^❌ \*\*\w+ failed\*\* at /);
      expect(lines[1]).toContain(report.failure!.category);
      // The step's last line and the error's last line are on the first screen.
      const head = comment.split('\n').slice(0, 16).join('\n');
      if (report.failingLog) expect(head).toContain(report.failingLog.lines.at(-1)!.trim());
      expect(head).toContain(f.errorLines.filter((l) => !report.failingLog?.lines.includes(l)).at(-1) ?? '');
      // At most three other findings, one line each, before the fold.
      const findingLines = lines.filter((l) => /^(🛑|⚠️|ℹ️) `/.test(l));
      expect(findingLines.length).toBe(Math.min(upFront.length, COMMENT_FINDINGS));
    }
  });

  test('error lines fit the comment’s column', () => {
    for (const block of comment.match(/^```\n[\s\S]*?\n```$/gm) ?? [])
      for (const l of block.split('\n')) expect([...l].length).toBeLessThanOrEqual(90);
  });
});

test('a long error is wrapped between its causes, the quoted command dropped, the end kept', () => {
  const cmd = 'npm ci --no-audit --no-fund && npm run build -- --mode production && npm test -- --runInBand';
  const chain = causeChain(
    `ERROR: failed to build: failed to solve: process "/bin/sh -c ${cmd}" did not complete successfully: exit code: 1`,
  );
  expect(chain.join('\n')).not.toContain('npm ci');
  expect(chain.at(-1)!.trim()).toMatch(/process "…" did not complete successfully: exit code: 1$/);
  const long = `failed to solve: failed to compute cache key: failed to calculate checksum of ref ${'x'.repeat(60)}: "/app/package-lock.json": not found`;
  const lines = causeChain(long).flatMap((l) => wrapLine(l));
  expect(lines.every((l) => [...l].length <= 90)).toBe(true);
  expect(lines.at(-1)).toMatch(/not found$/);
});
