/// <reference lib="dom" />
// A report as GitHub shows it: Markdown through cmark-gfm (GitHub's renderer, its extensions on),
// then the HTML in headless Debian Chromium at a comment's width, with Mermaid (from node_modules,
// no network) drawing the charts. `check` says what a reader would see broken.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { cmarkGfm, ensureDebian, renderGfm } from './cmark.js';

const require = createRequire(import.meta.url);

/** GitHub's comment column: the conversation view's body is about 780 px wide. */
export const COMMENT_WIDTH = 780;

/** A part of GitHub's markdown-body style that decides widths and heights. */
const CSS = `
  body { margin: 0; width: ${COMMENT_WIDTH}px; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  .markdown-body { padding: 0; }
  .markdown-body p, .markdown-body pre, .markdown-body table, .markdown-body details { margin: 0 0 16px; }
  .markdown-body pre { padding: 16px; overflow: auto; font: 85%/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; background: #f6f8fa; border-radius: 6px; }
  .markdown-body code { font: 85% ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; }
  .markdown-body pre code { font-size: 100%; }
  .markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; }
  .markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d1d9e0; }
  .markdown-body sub { font-size: 75%; }
`;

export interface Rendered {
  html: string;
  /** What a reader would see broken; empty when the report renders as meant. */
  problems: string[];
  /** The page's height with every fold closed, in CSS pixels. */
  height: number;
}

export class GfmBrowser {
  private context?: BrowserContext;
  private profile?: string;
  private mermaid = require.resolve('mermaid/dist/mermaid.min.js');
  private current?: Page;

  /** Installs cmark-gfm and chromium from Debian when missing (throws if it cannot), starts Chromium once. */
  async start(): Promise<this> {
    cmarkGfm();
    ensureDebian({ chromium: 'chromium' });
    this.profile = mkdtempSync(join(tmpdir(), 'bxg-chromium-'));
    this.context = await chromium.launchPersistentContext(this.profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      viewport: { width: COMMENT_WIDTH, height: 600 },
    });
    // No network: the page is built from strings and node_modules; any request is refused.
    await this.context.route('**/*', (route) => route.abort());
    return this;
  }

  async stop(): Promise<void> {
    await this.context?.close();
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }

  /** One page for every report: GitHub's style and Mermaid are loaded once. */
  private async page(): Promise<Page> {
    if (this.current) return this.current;
    const page = await this.context!.newPage();
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><article class="markdown-body"></article></body></html>`,
    );
    await page.addScriptTag({ path: this.mermaid });
    this.current = page;
    return page;
  }

  /** Renders `markdown` as GitHub would and checks what a reader sees; `shot` saves a PNG of it. */
  async render(markdown: string, shot?: { path: string; open?: boolean }): Promise<Rendered> {
    const html = renderGfm(markdown, { preLang: true });
    const page = await this.page();
    await page.evaluate((h) => {
      document.querySelector('article')!.innerHTML = h;
    }, html);
    const problems = [...staticProblems(markdown, html), ...(await pageProblems(page, markdown))];
    const height = await page.evaluate(() => document.querySelector('article')!.scrollHeight);
    if (shot) {
      if (shot.open)
        await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
      await page.locator('article').screenshot({ path: shot.path });
    }
    return { html, problems, height };
  }
}

/** The Markdown's tables and folds against the HTML cmark-gfm made of them. */
function staticProblems(markdown: string, html: string): string[] {
  const problems: string[] = [];
  // Tables: each block of `|` lines is one <table> with a row a line (less the delimiter row).
  const blocks = markdown
    .replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '')
    .split(/\n(?!\|)/)
    .map((b) => b.split('\n').filter((l) => l.startsWith('|')))
    .filter((b) => b.length);
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]);
  if (tables.length !== blocks.length)
    problems.push(`${blocks.length} Markdown table(s) but ${tables.length} rendered as tables`);
  blocks.forEach((b, i) => {
    const cells = (row: string) =>
      row
        .replace(/\\\|/g, '')
        .replace(/`[^`]*`/g, 'x')
        .split('|').length - 2;
    const widths = b.map(cells);
    if (widths.some((w) => w !== widths[0]))
      problems.push(`table ${i + 1}: rows of ${widths.join(', ')} cells`);
    const rows = (tables[i]?.match(/<tr>/g) ?? []).length;
    if (tables[i] && rows !== b.length - 1)
      problems.push(`table ${i + 1}: ${b.length - 1} rows written, ${rows} rendered`);
  });
  // Folds: every <details> closed, each with its <summary>.
  const open = (markdown.match(/<details>/g) ?? []).length;
  const closed = (markdown.match(/<\/details>/g) ?? []).length;
  if (open !== closed) problems.push(`unbalanced fold: ${open} <details>, ${closed} </details>`);
  if ((markdown.match(/<details><summary>[^<]+<\/summary>/g) ?? []).length !== open)
    problems.push('a fold without a one-line <summary>');
  if (/raw HTML omitted/.test(html)) problems.push('raw HTML the renderer dropped');
  return problems;
}

/** In the browser: the folds' extent, Mermaid's parse and draw, code blocks whose end is hidden. */
async function pageProblems(page: Page, markdown: string): Promise<string[]> {
  const opened = (markdown.match(/<details>/g) ?? []).length;
  return page.evaluate(
    async ({ opened }) => {
      const problems: string[] = [];
      const folds = [...document.querySelectorAll('details')];
      if (folds.length !== opened) problems.push(`${opened} folds written, ${folds.length} in the page`);
      for (const d of folds) {
        if (d.firstElementChild?.tagName !== 'SUMMARY')
          problems.push('a fold whose first child is not its summary');
        if (d.parentElement?.closest('details')) problems.push('a fold inside a fold (one was not closed)');
      }
      // What follows the last fold in the Markdown must not be swallowed by it.
      const last = document.querySelector('.markdown-body')!.lastElementChild;
      if (last && last.tagName !== 'DETAILS' && last.closest('details'))
        problems.push('the report’s end is inside a fold');
      // Mermaid: GitHub draws ```mermaid blocks; a parse error shows an error box instead.
      const m = (
        window as unknown as {
          mermaid: {
            initialize(o: object): void;
            parse(t: string): Promise<unknown>;
            render(id: string, t: string): Promise<{ svg: string }>;
          };
        }
      ).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      let n = 0;
      for (const pre of [...document.querySelectorAll('pre[lang="mermaid"]')]) {
        const text = pre.textContent ?? '';
        try {
          await m.parse(text);
          const { svg } = await m.render(`chart${n++}`, text);
          const div = document.createElement('div');
          div.innerHTML = svg;
          pre.replaceWith(div);
        } catch (e) {
          problems.push(`Mermaid: ${(e as Error).message.split('\n')[0]}`);
        }
      }
      // A code block wider than the column scrolls: its end (the exit code, the cause) is hidden.
      for (const pre of [...document.querySelectorAll('pre')])
        if (pre.scrollWidth > pre.clientWidth + 1)
          problems.push(
            `a code block ${pre.scrollWidth} px wide in a ${pre.clientWidth} px column: ${JSON.stringify((pre.textContent ?? '').split('\n').find((l) => l.length > 80) ?? '')}`,
          );
      document.querySelectorAll('details').forEach((d) => (d.open = false));
      return problems;
    },
    { opened },
  );
}
