import { redactReport } from '../../../src/report/redact.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAnnotations, workspacePath } from '../../../src/report/annotations.js';
import { COMMENT_LIMIT, marker, renderMarkdown } from '../../../src/report/markdown.js';
import { codeBlock, escapeHtml, gfm, text as prose } from '../../../src/findings/markdown-escape.js';
import type { ReportInput } from '../../../src/report/model.js';
import { checkAnnotations } from '../../../src/report/publish.js';
import { toCodeQuality } from '../../../src/report/codequality.js';
import { toSarif } from '../../../src/report/sarif.js';
import type { Finding, Severity } from '../../../src/findings/types.js';
import { VERSION } from '../../../src/version.js';
import { repoRoot } from '../../support/paths.js';

const finding = (severity: Severity, i: number, extra: Partial<Finding> = {}): Finding => ({
  rule: `rule-${severity}`,
  severity,
  title: `${severity} ${i}`,
  message: gfm`message ${i}`,
  file: 'Dockerfile',
  line: i + 1,
  ...extra,
});

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  key: 'build:b:default:Dockerfile',
  status: 'failed',
  failure: {
    category: 'step',
    reason: 'a build step exited non-zero',
    message: 'process "/bin/sh -c make" did not complete successfully',
  },
  attempts: [{ number: 1, durationMs: 1200, exitCode: 1, category: 'step', decision: 'stopped' }],
  nodes: [
    {
      name: 'amd64',
      endpoint: 'tcp://10.0.0.1:1234',
      status: 'running',
      buildkit: 'v0.20.0',
      platforms: ['linux/amd64'],
    },
  ],
  findings: [],
  stats: { durationMs: 1200, steps: 4, cachedSteps: 1, contextBytes: 2_000_000, platforms: ['linux/amd64'] },
  steps: [],
  secrets: [],
  links: {
    serverUrl: 'https://github.com',
    owner: 'o',
    repo: 'r',
    sha: 'abc',
    runUrl: 'https://github.com/o/r/actions/runs/1',
  },
  ...over,
});

test('annotations: 10 per level, errors first, duplicates once, the rest counted', () => {
  const findings = [
    ...Array.from({ length: 15 }, (_, i) => finding('error', i)),
    ...Array.from({ length: 40 }, (_, i) => finding('warning', i)),
    ...Array.from({ length: 65 }, (_, i) => finding('notice', i)),
  ];
  const { shown, omitted } = selectAnnotations([...findings, findings[0]]);
  expect(shown.map((f) => f.severity)).toEqual([
    ...Array(10).fill('error'),
    ...Array(10).fill('warning'),
    ...Array(10).fill('notice'),
  ]);
  expect(omitted).toBe(121 - 30);
  expect(checkAnnotations(findings)).toHaveLength(120);
});

test('a report over its limit is cut with a pointer to the job summary; the comment says each finding in one line', () => {
  const long = 'x'.repeat(8000); // nine of these (every finding explained) exceed the limit
  const findings = Array.from({ length: 200 }, (_, i) =>
    finding('warning', i, { message: codeBlock([long]) }),
  );
  const text = renderMarkdown(input({ findings }), { limit: COMMENT_LIMIT, full: true });
  expect(text.length).toBeLessThanOrEqual(COMMENT_LIMIT.max);
  expect(text.startsWith(marker('build:b:default:Dockerfile'))).toBe(true);
  expect(text).toContain('❌ **Build failed** · step');
  expect(text).toContain('Truncated: the full report is in the job summary');
  // The comment: one line a finding (the messages are the summary's), 20 in its fold, the rest counted.
  const comment = renderMarkdown(input({ findings }), { limit: COMMENT_LIMIT, full: false });
  expect(comment).not.toContain(long);
  expect(comment).toContain('…and 177 more finding(s) in the job summary.');
  expect(comment).not.toContain('Truncated');
});

test('links go to the Dockerfile lines at the head commit', () => {
  const text = renderMarkdown(input({ findings: [finding('error', 4, { endLine: 7 })] }), {
    limit: COMMENT_LIMIT,
    full: false,
  });
  expect(text).toContain('[`Dockerfile:5-7`](https://github.com/o/r/blob/abc/Dockerfile#L5-L7)');
});

test('titles and log text cannot ping, link or inject HTML; secrets are redacted', () => {
  const text = renderMarkdown(
    redactReport(
      input({
        secrets: ['hunter2-secret'],
        findings: [
          finding('error', 0, {
            title: '@octocat <img src=x> #12 hunter2-secret',
            message: codeBlock(['@octocat hunter2-secret']),
          }),
        ],
        failingLog: { step: 'RUN make', lines: ['@octocat <script>', 'token=hunter2-secret'] },
      }),
    ),
    { limit: COMMENT_LIMIT, full: false },
  );
  expect(text).not.toContain('hunter2-secret');
  // Redacted before escaping: the marker itself is escaped, and displays as ***.
  expect(text).toContain('\\@\u200boctocat \\<img src=x\\> \\#\u200b12 \\*\\*\\*');
  const prose = text.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '').replace(/(`+)[^`]*?\1/g, '');
  expect(prose).not.toMatch(/@octocat|(^|[^\\])<(script|img)/m);
});

test('a mermaid chart of step timings with labels mermaid cannot misread', () => {
  const text = renderMarkdown(
    input({
      steps: [
        {
          label: '[build 1/2] RUN echo "a:b" # ; %%{init}',
          startMs: 1000,
          durationMs: 500,
          cached: false,
          failed: true,
        },
      ],
    }),
    // The chart is the job summary's: the comment decides, the summary explains.
    { limit: COMMENT_LIMIT, full: true },
  );
  expect(text).toMatch(/```mermaid\ngantt\n/);
  expect(text).toMatch(/ build 1\/2 RUN echo a b init :crit, s0, 0, 500/);
});

test('workspace-relative paths for annotations', () => {
  expect(workspacePath('/ws/app/Dockerfile', '/ws')).toBe('app/Dockerfile');
  expect(workspacePath('/elsewhere/Dockerfile', '/ws')).toBe('/elsewhere/Dockerfile');
});

test('code quality entries always have a path and lines', () => {
  const [a, b] = toCodeQuality(
    [finding('error', 2), { ...finding('warning', 0), file: undefined, line: undefined }],
    'app/Dockerfile',
  ) as {
    location: { path: string; lines: { begin: number } };
    severity: string;
  }[];
  expect(a).toMatchObject({ severity: 'critical', location: { path: 'Dockerfile', lines: { begin: 3 } } });
  expect(b).toMatchObject({ severity: 'major', location: { path: 'app/Dockerfile', lines: { begin: 1 } } });
});

test('VERSION matches package.json', () => {
  expect(VERSION).toBe(JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version);
});

describe('redaction runs once, on the model, before any escaping', () => {
  const secrets = ['my_s3cret*val%1', 'first-line_AAAA\nsecond*line%BBBB'];
  const leaks = (text: string) =>
    ['my_s3cret*val%1', 'first-line_AAAA', 'second*line%BBBB'].filter(
      (n) => text.includes(n) || text.replace(/\\/g, '').includes(n),
    );

  test('every string of the report: titles, messages, hints, step labels, the failing log, the chart, the baseline', () => {
    const raw = input({
      secrets,
      failure: { category: 'step', reason: 'r', message: 'exit after my_s3cret*val%1' },
      findings: [
        finding('error', 0, {
          title: 'Step WORKDIR /tmp/my_s3cret*val%1 failed',
          message: codeBlock(['printed first-line_AAAA then', 'second*line%BBBB']),
          hint: 'rotate my_s3cret*val%1',
          file: 'Dockerfile',
          line: 3,
        }),
      ],
      steps: [
        { label: 'WORKDIR /tmp/my_s3cret*val%1', id: 'x', durationMs: 1200, cached: false, failed: true },
      ],
      failingLog: { step: 'RUN cat', lines: ['first-line_AAAA', 'second*line%BBBB'] },
      baseline: new Map([['WORKDIR /tmp/my_s3cret*val%1', 1000]]),
    });
    const r = redactReport(raw);
    expect(leaks(JSON.stringify({ ...r, baseline: [...(r.baseline ?? [])] }))).toEqual([]);
    expect(leaks(renderMarkdown(r, { limit: COMMENT_LIMIT, full: true }))).toEqual([]);
    expect(leaks(JSON.stringify(toSarif(r.findings, '0')))).toEqual([]);
    expect(leaks(JSON.stringify(toCodeQuality(r.findings, 'Dockerfile')))).toEqual([]);
    expect(leaks(JSON.stringify(checkAnnotations(r.findings)))).toEqual([]);
    // Before the fix redaction ran after Markdown escaping: the escaped form survived.
    expect(renderMarkdown(raw, { limit: COMMENT_LIMIT, full: true })).toContain('my\\_s3cret\\*val');
  });

  test('HTML in a step name never reaches HTML: it is in a code span, and escapeHtml guards any other', () => {
    const text = renderMarkdown(
      input({ failingLog: { step: 'RUN <img src=x onerror=alert(1)> @octocat #12', lines: ['x'] } }),
      {
        limit: COMMENT_LIMIT,
        full: true,
      },
    );
    const prose = text.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '').replace(/(`+)[^`]*?\1/g, '');
    expect(prose).not.toMatch(/<img|@octocat|#12/);
    expect(text).toContain('❌ **Build failed** at `RUN <img src=x onerror=alert(1)> @octocat #12` · step');
    expect(escapeHtml('<img src=x> @octocat #12')).toBe('&#60;img src=x&#62; @\u200boctocat #\u200b12');
  });
});

test('SARIF describes every rule, the baseline comparison’s included', () => {
  const sarif = toSarif(
    ['slower-than-baseline', 'cache-ratio-drop', 'stalled-build', 'host-limits'].map((rule) => ({
      rule,
      severity: 'warning' as const,
      title: rule,
      message: prose(rule),
    })),
    '0',
  ) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } } }[] };
  for (const r of sarif.runs[0].tool.driver.rules) expect(r.shortDescription.text).not.toBe(r.id);
});

describe('the comment a reader wants', () => {
  const failingStep = '[test 3/3] RUN npm test';
  const failed = input({
    status: 'failed',
    failure: {
      category: 'step',
      reason: 'a build step exited non-zero',
      message: 'process "/bin/sh -c npm test" did not complete successfully: exit code: 1',
    },
    failingLog: {
      step: failingStep,
      lines: ['> app@1.0.0 test', 'FAIL src/sum.test.js', '  ✕ adds 1 + 2 to equal 3 (4 ms)'],
    },
    findings: [
      finding('error', 0, {
        rule: 'build-failed',
        title: `Build failed at ${failingStep}`,
        message: gfm`${codeBlock(['process "/bin/sh -c npm test" did not complete successfully: exit code: 1'])}\n\nLast 3 lines of its output: …`,
        file: 'Dockerfile',
        line: 12,
      }),
    ],
  });

  test('a failure leads with the step and category, the step’s own output, then the error; the rest is folded', () => {
    const text = renderMarkdown(failed, { limit: COMMENT_LIMIT, full: false });
    const lines = text.split('\n');
    // The lead names the step once; build-failed's title would say it again, so it is the lead.
    expect(lines[1]).toBe(
      `❌ **Build failed** at [\`${failingStep}\`](https://github.com/o/r/blob/abc/Dockerfile#L12) · step`,
    );
    expect(text.split(failingStep).length - 1).toBe(1);
    const testLine = lines.findIndex((l) => l.includes('✕ adds 1 + 2 to equal 3'));
    expect(testLine).toBeGreaterThan(1);
    expect(testLine).toBeLessThan(10);
    const error = lines.findIndex((l) => l.includes('exit code: 1'));
    expect(error).toBeGreaterThan(testLine);
    const details = lines.findIndex((l) => l.startsWith('<details>'));
    expect(details).toBeGreaterThan(error);
    expect(text).toContain('| duration |');
    for (const folded of ['| duration |', '**Attempts**', '**Builder**', '```mermaid'].filter((x) =>
      text.includes(x),
    ))
      expect(text.indexOf(folded)).toBeGreaterThan(text.indexOf('<details>'));
    // Said once: the error and the step's output appear once each.
    expect(text.split('did not complete successfully: exit code: 1').length - 1).toBe(1);
    expect(text.split('✕ adds 1 + 2 to equal 3').length - 1).toBe(1);
  });

  test('a green build is a few lines, with the rest folded', () => {
    const green = input({ status: 'success', failure: undefined, failingLog: undefined, findings: [] });
    const text = renderMarkdown(green, { limit: COMMENT_LIMIT, full: false });
    const beforeDetails = text
      .slice(0, text.indexOf('<details>'))
      .trim()
      .split('\n')
      .filter((l) => l.trim());
    expect(beforeDetails).toEqual([
      marker(green.key),
      '✅ **Build succeeded** · 1.2 s · 1 of 4 steps cached',
    ]);
  });
});

test('the timing chart: a sub-second axis for a fast build, cached steps as cached milestones', () => {
  const text = renderMarkdown(
    input({
      steps: [
        { label: 'RUN fast', id: 'a', startMs: 1000, durationMs: 300, cached: false, failed: false },
        { label: 'COPY . /app', id: 'b', startMs: 1000, durationMs: 0, cached: true, failed: false },
      ],
    }),
    { limit: COMMENT_LIMIT, full: true },
  );
  expect(text).toContain('axisFormat %S.%L s');
  expect(text).toMatch(/COPY \. \/app cached :milestone, done, s\d+, \d+, 0ms/);
  expect(text).not.toMatch(/COPY \. \/app :done/);
});

test('a failed merge: registry-rate-limit and known-crash findings fire, and the report shows a merge as a merge', async () => {
  const { reportFromMerge } = await import('../../../src/report/input.js');
  const { parseTrace } = await import('../../../src/trace/parser.js');
  const { classify } = await import('../../../src/diagnosis/classify.js');
  const { parseConfig } = await import('../../../src/config/config.js');
  const text = [
    '#1 [internal] pushing 127.0.0.1:5000/app:1',
    'ERROR: failed commit on ref "index-sha256:ab": unexpected status from PUT request to https://r/v2/app/manifests/1: 429 Too Many Requests',
    'panic: runtime error: invalid memory address or nil pointer dereference',
    'go.opentelemetry.io/contrib/instrumentation/net/http/httptrace/otelhttptrace.(*clientTracer).end(0xc000a2e1e0)',
  ].join('\n');
  const trace = parseTrace(text);
  const failure = classify(text);
  const config = parseConfig(
    (n) => ({ 'merge-sources': 'r/app@sha256:' + 'a'.repeat(64), tags: 'r/app:1' })[n] ?? '',
    {},
  );
  const report = reportFromMerge({
    config,
    key: 'merge',
    outcome: {
      success: false,
      attempts: [
        { number: 1, exitCode: 1, durationMs: 900, classification: failure, decision: 'stopped', trace },
      ],
      failure,
      stopReason: 'no attempts left',
      digest: '',
      platforms: [],
      metadata: '',
    },
    secrets: [],
  });
  const rules = report.findings.map((f) => f.rule);
  expect(rules).toEqual(expect.arrayContaining(['registry-rate-limit', 'known-crash']));
  const md = renderMarkdown(report, { limit: COMMENT_LIMIT, full: true });
  expect(md).toContain('❌ **Merge failed**');
  expect(md).toContain('| sources | platforms | tags | index digest |');
});
