// Issue 29 item 3: the canonical reports as GitHub renders them (cmark-gfm with GitHub's extensions,
// Mermaid in headless Chromium at the comment's width). The set-up installs cmark-gfm and chromium
// from Debian when they are missing and fails if it cannot. REPORT_SHOTS=<folder> also saves a
// screenshot of each (`npm run report:shots` → docs/report/).
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { CASES } from '../../support/report-cases.js';
import { GfmBrowser } from '../../support/gfm-browser.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT, renderMarkdown } from '../../../src/report/markdown.js';

/** A green comment's height with its fold closed: the lead line, three warnings, the fold, the footer. */
const GREEN_COMMENT_MAX_PX = 200;

const shots = process.env.REPORT_SHOTS;
let browser: GfmBrowser;
beforeAll(async () => {
  browser = await new GfmBrowser().start();
  if (shots) mkdirSync(shots, { recursive: true });
}, 600_000);
afterAll(async () => {
  await browser?.stop();
});

describe.each(Object.keys(CASES))('%s', (name) => {
  const report = CASES[name]();
  test.each([
    ['comment', renderMarkdown(report, { limit: COMMENT_LIMIT, full: false })],
    ['summary', renderMarkdown(report, { limit: SUMMARY_LIMIT, full: true })],
  ])(
    'the %s renders whole: tables, folds, charts, code blocks whose end is in view',
    async (kind, md) => {
      const r = await browser.render(
        md,
        shots ? { path: join(shots, `${name}-${kind}.png`), open: kind === 'summary' } : undefined,
      );
      expect(r.problems).toEqual([]);
      if (kind === 'comment' && report.status === 'success')
        expect(r.height).toBeLessThanOrEqual(GREEN_COMMENT_MAX_PX);
    },
    30_000,
  );
});

describe('the checks catch what a reader would see broken', () => {
  test.each([
    ['a broken table', '| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n', /rows of 2, 2, 3 cells/],
    ['a table that renders as text', 'text\n| a | b |\n| - |\n| 1 | 2 |\n', /1 Markdown table\(s\) but 0/],
    ['an unbalanced fold', '<details><summary>more</summary>\n\nx\n\n<sub>end</sub>\n', /unbalanced fold/],
    [
      'a Mermaid parse error',
      '```mermaid\ngantt\n    dateFormat x\n    step: a: b :active, s0, 0, 1\n```\n',
      /Mermaid/,
    ],
    [
      'an unwrapped long error line',
      '```\n' + 'failed to solve: '.repeat(12) + 'exit code: 1\n```\n',
      /code block \d+ px wide/,
    ],
  ])(
    '%s',
    async (_, md, problem) => {
      const r = await browser.render(md);
      expect(r.problems.join('\n')).toMatch(problem);
    },
    30_000,
  );
});
