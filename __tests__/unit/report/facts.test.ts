// Issue 29 item 4: the report's facts are the build's, from real buildx logs.
import { attempt, build, log } from '../../support/report-cases.js';
import { parseTrace } from '../../../src/trace/parser.js';
import { stepLabel } from '../../../src/findings/anchor.js';
import { COMMENT_LIMIT, renderMarkdown } from '../../../src/report/markdown.js';

test('context size after a retry is the first attempt’s transfer, not the retry’s incremental one', () => {
  // Attempt 1 sent a 67 MB context and lost its connection; attempt 2 sent only what changed.
  const report = build('lint', [
    attempt(1, log('large-context'), { decision: 'retried after 2.0 s: transient' }),
    attempt(2, log('lint')),
  ]);
  expect(report.stats.contextBytes / 1e6).toBeCloseTo(67.01, 1);
  expect(report.findings.map((f) => f.title)).toContain('Large build context: 67.0 MB');
  expect(renderMarkdown(report, { limit: COMMENT_LIMIT, full: false })).toContain('| 67.0 MB |');
});

test('a multi-platform build: every step carries its platform, also those BuildKit names without one', () => {
  const trace = parseTrace(log('two-node'));
  const steps = trace.steps.filter((s) => !s.internal);
  expect(steps.map((s) => s.platform)).toEqual(steps.map(() => expect.stringMatching(/^linux\//)));
  const labels = steps.map(stepLabel);
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels).toEqual(
    expect.arrayContaining([
      '[linux/386 busybox] RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      '[linux/amd64 busybox] RUN ["/bin/busybox", "--install", "-s", "/bin"]',
    ]),
  );
  // The chart's bars carry the platform too, one label a bar.
  const report = build('two-node', [attempt(1, log('two-node'))]);
  const md = renderMarkdown(report, { limit: COMMENT_LIMIT, full: true });
  const bars = [...md.matchAll(/^ {4}(.+?) :(?:active|crit|milestone)/gm)].map((m) => m[1]);
  expect(bars.length).toBe(steps.length);
  expect(new Set(bars).size).toBe(bars.length);
  for (const b of bars) expect(b).toMatch(/^linux\/(386|amd64) /);
});
