// Safe Markdown, once. Every string from outside reaches Markdown or HTML through this module: the
// report is built from `Md` values, which only the functions here make. `gfm\`…\`` takes `Md` values
// and numbers only, so a plain string (a step name, a log line, an error) cannot be interpolated
// unescaped: it must go through `text` (prose), `code` (a code span), `codeBlock` (a fenced block) or
// `html` (inside an HTML element) first. A cast to `Md` outside this file is a lint error
// (eslint.config.js). Checked against cmark-gfm with GitHub's extensions
// (__tests__/unit/report/markdown-safety.test.ts).

declare const MARKDOWN: unique symbol;
/** Markdown that is safe to publish: made only by the functions of this module. */
export type Md = string & { readonly [MARKDOWN]: true };

/** The one place a string becomes `Md`: only for text this module escaped or the source's literals. */
const trusted = (s: string): Md => s as Md;

/**
 * Markdown from the source's own literals and `Md` values (or numbers). A plain string does not
 * type-check here: escape it with `text`, `code`, `codeBlock` or `html` first.
 */
export function gfm(literals: TemplateStringsArray, ...values: (Md | number)[]): Md {
  let out = literals[0];
  values.forEach((v, i) => {
    out += (typeof v === 'number' ? numberText(v) : v) + literals[i + 1];
  });
  return trusted(out);
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '-';
}

/** Parts joined by a separator from a fixed list. */
export function joinMd(parts: Md[], sep: ', ' | ' ' | '<br>' | '\n' | '\n\n' | ' · ' = '\n'): Md {
  return trusted(parts.join(sep));
}

/** Bidi controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) and zero-width characters. */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g;

/** Bidi and zero-width characters as visible text (`<U+202E>`), so nobody reads a reordered line. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Our own zero-width space: breaks what GitHub links in text (mentions, references, e-mail autolinks). */
const BREAK = '\u200b';

/**
 * Breaks what GitHub links in a text node (not in code): a mention (`@team`), an e-mail autolink
 * (`a@b.c`), an issue reference (`#12`, `owner/repo#1`, `GH-12`). Runs after `visible`, so the
 * zero-width space it adds is ours.
 */
function unlink(text: string): string {
  return text.replace(/([@#])/g, `$1${BREAK}`).replace(/\b(GH\\?-)/gi, `$1${BREAK}`);
}

/**
 * Text as Markdown prose: every sign that means something is backslash-escaped (so no entity like
 * `&commat;`, no link, image, emphasis, math, HTML, table cell or heading, and with `:` and `.`
 * escaped no `https://` or `www.` autolink; a leading `-`, `+` or `=` starts no list or underline),
 * mentions and references are broken, line breaks are spaces.
 */
export function text(s: string): Md {
  return trusted(
    unlink(
      visible(s)
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*_{}[\]()<>#!|~&:.$@]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([-+=])/, '$1\\$2'),
    ),
  );
}

/** The old name of `text`. */
export const escapeMarkdown = text;

/** A fenced code block longer than any backtick run in the text: nothing inside is rendered. */
export function codeBlock(lines: string[], lang = ''): Md {
  const body = visible(lines.join('\n'));
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return trusted(`${fence}${lang.replace(/[^\w-]/g, '')}\n${body}\n${fence}`);
}

/**
 * Each line break with the white space around it as one space, in linear time (the regex
 * `\s*(\r\n?|\n)\s*` retried its `\s*` from every start of a long run of spaces: a RUN command with
 * 300 KB of spaces took minutes).
 */
function oneLineOf(s: string): string {
  const lines = s.split(/\r\n?|\n/);
  if (lines.length === 1) return s;
  const last = lines.length - 1;
  const parts = lines.map((l, i) => (i === 0 ? l.trimEnd() : i === last ? l.trimStart() : l.trim()));
  return [parts[0], ...parts.slice(1, last).filter(Boolean), parts[last]].join(' ');
}

/** A value as one code span (in a table row, `row` escapes its pipes). */
export function code(s: string): Md {
  const oneLine = oneLineOf(visible(s));
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return trusted(`${ticks}${pad}${oneLine}${pad}${ticks}`);
}

/**
 * A table row. GitHub splits a row on every `|` not preceded by a backslash, inside code spans too,
 * and then removes that one backslash: so every `|` of a cell gets one (`a\|b` in a code span shows
 * `a\|b`; escaped prose `\|` becomes `\\|` and shows `|`).
 */
export function row(cells: Md[]): Md {
  return trusted(`| ${cells.map((c) => c.replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|')).join(' | ')} |`);
}

/** A link whose target is ours (a URL we built): `()`, `<>`, spaces and backslashes are percent-encoded. */
export function link(label: Md, url: string): Md {
  const safe = /^https?:\/\//i.test(url) ? url.replace(/[()<>\s\\"'`]/g, encodeURIComponent) : '#';
  return trusted(`[${label}](${safe})`);
}

export function seconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Text inside an HTML element (a `<summary>`): Markdown escaping does not apply there. */
export function html(s: string): Md {
  // Mentions and issue references first (GitHub links them inside HTML too), then the entities.
  return trusted(
    unlink(visible(s))
      .replace(/[&<>"'|`*_~[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`)
      .replace(/\r\n?|\n/g, ' '),
  );
}

/** The old name of `html`. */
export const escapeHtml = html;

/** A size in the unit a channel's limit is given in: UTF-16 units (characters) or UTF-8 bytes. */
export type Measure = 'chars' | 'bytes';
export function sizeOf(s: string, unit: Measure): number {
  return unit === 'bytes' ? Buffer.byteLength(s, 'utf8') : s.length;
}

/**
 * The longest run of whole lines of `markdown` within `limit` (in `unit`) with every code fence and
 * `<details>` it opened closed again: never a cut inside an escape, a character or a fence, folds
 * balanced.
 */
export function cutMarkdown(markdown: Md, limit: number, unit: Measure): Md {
  const size = (t: string) => sizeOf(t, unit);
  const out: string[] = [];
  let used = 0;
  let fence: string | undefined;
  let folds = 0;
  const closing = (f: string | undefined, n: number) =>
    (f ? `\n${f}` : '') + '\n\n</details>'.repeat(Math.max(0, n));
  for (const line of markdown.split('\n')) {
    let nextFence = fence;
    let nextFolds = folds;
    const f = /^\s{0,3}(`{3,})/.exec(line);
    if (f && !fence) nextFence = f[1];
    else if (fence && line.trim() === fence) nextFence = undefined;
    if (!fence && !nextFence)
      nextFolds += (line.match(/<details>/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    if (used + size(line) + 1 + size(closing(nextFence, nextFolds)) > limit) break;
    out.push(line);
    used += size(line) + 1;
    fence = nextFence;
    folds = Math.max(0, nextFolds);
  }
  return trusted(out.join('\n') + closing(fence, folds));
}

/** An HTML comment (our marker): only letters, digits and `_./:-`, so nothing can end it early. */
export function htmlComment(s: string): Md {
  return trusted(`<!-- ${s.replace(/[^a-zA-Z0-9_./:-]/g, '_').replace(/-(?=-)/g, '-_')} -->`);
}
