// Safe Markdown, once: hostile text in every string of the report model (a stalled step's name, node
// names, errors, log lines, titles, hints, targets, merge sources) goes through publish() to every
// Markdown channel (the job summary, the PR comment, the check run), and GitHub's own parser
// (cmark-gfm with GitHub's extensions) renders it to HTML with no image, no raw HTML, no link but
// ours, no mention or issue reference, no entity turned into a sign, no bidi or zero-width character
// left invisible, tables whose rows keep their cells and folds that close.
import { FakeGitHub } from '../../support/github-server.js';
import { renderGfm } from '../../support/cmark.js';
import { GitHub, type GitHubContext } from '../../../src/github/github.js';
import { publish } from '../../../src/report/publish.js';
import { code } from '../../../src/findings/markdown-escape.js';
import { stalledBuild } from '../../../src/findings/rules/stalled-build.js';
import type { FindingContext } from '../../../src/findings/types.js';
import type { ReportConfig } from '../../../src/config/config.js';
import type { ReportInput } from '../../../src/report/model.js';

const HOSTILE = [
  '@team',
  '@octo-org/reviewers',
  'mail@evil.example',
  '#12',
  'GH-12',
  'octo/app#1',
  '&commat;admin',
  '&#64;admin',
  '&num;34',
  '&#35;34',
  '&lt;img src=x&gt;',
  'https://evil.example/x',
  'www.evil.example',
  '<https://evil.example/y>',
  '![pic](https://evil.example/p.png)',
  '[click](https://evil.example/c)',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<details><summary>x',
  '</details></td></table>',
  '<!-- -->',
  'a | b | c',
  '`a|b`',
  'x\\|y\\',
  '~~gone~~ **bold** _em_',
  'rtl\u202egnp.exe',
  'iso\u2066late\u2069 lrm\u200e rlm\u200f alm\u061c',
  'zw\u200bsp zwnj\u200c zwj\u200d wj\u2060 bom\ufeff',
].join(' ');
const LINES = ['# heading', '---', '> quote', '```', ...HOSTILE.split(' | ')];

const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/;

function hostileReport(): ReportInput {
  const stall = stalledBuild.check({
    attempts: [
      {
        number: 1,
        stall: {
          nodes: [{ name: HOSTILE, endpoint: HOSTILE, reason: HOSTILE }],
          step: HOSTILE,
          quietMs: 300_000,
        },
      },
    ],
  } as unknown as FindingContext);
  expect(stall).toHaveLength(1);
  return {
    key: 'k',
    status: 'failed',
    failure: { category: HOSTILE, reason: HOSTILE, message: LINES.join('\n') },
    attempts: [
      { number: 1, durationMs: 1000, exitCode: 1, category: HOSTILE, decision: HOSTILE },
      { number: 2, durationMs: 1000, exitCode: 1, category: HOSTILE, decision: HOSTILE },
    ],
    builder: { name: HOSTILE, driver: HOSTILE },
    nodes: [{ name: HOSTILE, endpoint: HOSTILE, status: HOSTILE, buildkit: HOSTILE, platforms: [HOSTILE] }],
    findings: [
      ...stall,
      {
        rule: 'lint/Hostile',
        severity: 'warning',
        title: HOSTILE,
        message: code(HOSTILE),
        hint: HOSTILE,
        file: 'Dockerfile',
        line: 2,
      },
    ],
    stats: { durationMs: 1000, steps: 2, cachedSteps: 1, contextBytes: 0, platforms: [HOSTILE] },
    steps: [{ label: HOSTILE, target: HOSTILE, durationMs: 900, cached: false, failed: true }],
    failingLog: { step: HOSTILE, lines: LINES },
    targets: [{ name: HOSTILE, status: HOSTILE, digest: HOSTILE }],
    links: {
      serverUrl: 'https://github.com',
      owner: 'octo',
      repo: 'app',
      sha: '0123456789abcdef0123456789abcdef01234567',
      runUrl: 'https://github.com/octo/app/actions/runs/1',
    },
    secrets: [],
  };
}

const cfg: ReportConfig = {
  summary: 'full',
  annotations: false,
  comment: 'sticky',
  checkRun: true,
  sarifFile: '',
  failOnFindings: 'none',
  contextSizeWarnMb: 50,
  baseline: false,
  ledger: false,
  regressionThreshold: 25,
};

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

/** Every Markdown channel of publish(): the summary, the comment, the check run's summary. */
async function channels(input: ReportInput, pr: number): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const notices: string[] = [];
  await publish(input, cfg, {
    annotate: () => {},
    writeSummary: async (m) => {
      out.summary = m;
    },
    notice: (m) => notices.push(m),
    info: () => {},
    github: new GitHub('ghs_write', ctx(pr)),
    version: '0',
  });
  expect(notices).toEqual([]);
  out.comment = github.commentsOn(pr).at(-1)!.body;
  const check = github.requests.filter((r) => r.operationId === 'checks/create').at(-1)!;
  out['check run'] = (check.body as { output: { summary: string } }).output.summary;
  return out;
}

/** The text GitHub's filters see (outside code): tags removed, entities decoded. */
function textNodes(html: string): string {
  return html
    .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const ALLOWED_TAGS = new Set(
  'p h3 h4 code pre table thead tbody tr th td details summary strong em a br sub'.split(' '),
);

function problems(html: string): string[] {
  const out: string[] = [];
  for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g))
    if (!ALLOWED_TAGS.has(tag.toLowerCase())) out.push(`tag <${tag}>`);
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g))
    if (!href.startsWith('https://github.com/octo/app/')) out.push(`link ${href}`);
  const text = textNodes(html);
  for (const re of [/(^|[^\w`])@[a-z0-9]/i, /#\d/, /\bGH-\d/i, /[\w.-]+\/[\w.-]+#\d/])
    for (const m of text.matchAll(new RegExp(re, 'gi')))
      out.push(`${re}: ${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 20))}`);
  // Our own zero-width space after @, # and GH- breaks a link; anything else invisible is shown.
  const left = html.replace(/([@#]|GH-)\u200b/gi, '$1');
  const hidden = INVISIBLE.exec(left);
  if (hidden) out.push(`invisible U+${hidden[0].charCodeAt(0).toString(16)}`);
  const opened = (html.match(/<details>/g) ?? []).length;
  if (opened !== (html.match(/<\/details>/g) ?? []).length) out.push('unbalanced <details>');
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    const cells = rows.map((r) => (r.match(/<t[hd][ >]/g) ?? []).length);
    if (new Set(cells).size !== 1) out.push(`table rows of ${cells.join('/')} cells`);
  }
  return out;
}

test('hostile text in every field: every Markdown channel renders nothing but our own markup', async () => {
  const rendered = await channels(hostileReport(), 40);
  for (const [channel, markdown] of Object.entries(rendered)) {
    const html = renderGfm(markdown);
    expect({ channel, problems: problems(html) }).toEqual({ channel, problems: [] });
  }
  // The hostile text is still there to read, shown, not rendered.
  const html = renderGfm(rendered.comment);
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain('&amp;commat;admin');
  expect(html).toContain('rtl&lt;U+202E&gt;gnp');
  expect(renderGfm(rendered.summary)).toContain('zw&lt;U+200B&gt;sp');
  expect(textNodes(html)).toContain('a | b | c');
});

test('a merge with hostile sources and tags: the table keeps its four cells', async () => {
  const input: ReportInput = {
    ...hostileReport(),
    targets: undefined,
    merge: { sources: [HOSTILE, 'b|c'], tags: [HOSTILE], platforms: [HOSTILE], digest: HOSTILE },
  };
  const rendered = await channels(input, 41);
  for (const [channel, markdown] of Object.entries(rendered))
    expect({ channel, problems: problems(renderGfm(markdown)) }).toEqual({ channel, problems: [] });
});

test('a pipe in a code span inside a table shows as written (the backslash too)', async () => {
  const input: ReportInput = {
    ...hostileReport(),
    nodes: [{ name: 'a|b', endpoint: 'tcp://x\\|y', status: 'p|q', buildkit: 'v', platforms: [] }],
  };
  const html = renderGfm((await channels(input, 42)).summary);
  expect(html).toContain('<td><code>a|b</code></td>');
  expect(html).toContain('<td><code>tcp://x\\|y</code></td>');
});
