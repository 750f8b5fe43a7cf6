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

/** The same class, for a test before any replacement (most text holds none of these). */
const HAS_INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/;

/** A character's code as `visible` shows it: `U+202E`. */
const codePoint = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** Bidi and zero-width characters as visible text (`<U+202E>`), so nobody reads a reordered line. */
export function visible(text: string): string {
  if (!HAS_INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (c) => `<${codePoint(c.charCodeAt(0))}>`);
}

/** Whether a character is one that `visible` shows as `<U+…>` (INVISIBLE's class). */
function invisible(c: number): boolean {
  return (
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x200e ||
    c === 0x200f ||
    c === 0x061c ||
    (c >= 0x200b && c <= 0x200d) ||
    c === 0x2060 ||
    c === 0xfeff
  );
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
  // One pass over `s`, the same output as these steps in turn: `visible`; each line break a space;
  // a backslash before each sign PROSE_SIGN marks; one before a leading `-`, `+` or `=` (after
  // white space); then `unlink`. Each step keeps the character before a `GH-` a word character or
  // not, so `unlink`'s `\b` is read on `s` itself. Checked against the steps one by one
  // (__tests__/unit/findings/markdown-one-pass.test.ts).
  const lead = LEADING_SPACE.exec(s)![0].length;
  let out = '';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let put: string;
    if (c < 128) {
      const sign = PROSE_SIGN[c];
      if (sign === 0) {
        if (i === lead && (c === 45 || c === 43 || c === 61)) put = `\\${s[i]}`;
        else if (
          (c | 32) === 103 &&
          (s.charCodeAt(i + 1) | 32) === 104 &&
          s.charCodeAt(i + 2) === 45 &&
          !wordBefore(s, i)
        ) {
          out += `${s.slice(from, i + 3)}${BREAK}`;
          from = i + 3;
          i += 2;
          continue;
        } else continue;
      } else if (sign === 1) put = `\\${s[i]}`;
      else if (sign === 2) put = `\\${s[i]}${BREAK}`;
      else if (c === 13 && s.charCodeAt(i + 1) === 10) {
        out += `${s.slice(from, i)} `;
        from = i + 2;
        i++;
        continue;
      } else put = ' ';
    } else if (invisible(c)) put = `\\<${codePoint(c)}\\>`;
    else continue;
    out += s.slice(from, i) + put;
    from = i + 1;
  }
  return trusted(from === 0 ? s : out + s.slice(from));
}

/** ASCII: 0 plain, 1 a sign `text` escapes, 2 one it escapes and breaks (`@`, `#`), 3 a line break. */
const PROSE_SIGN = new Uint8Array(128);
for (const c of '\\`*_{}[]()<>!|~&:.$') PROSE_SIGN[c.charCodeAt(0)] = 1;
PROSE_SIGN[64] = PROSE_SIGN[35] = 2;
PROSE_SIGN[13] = PROSE_SIGN[10] = 3;

/** `text`'s leading white space (`\s`, but a U+FEFF is shown as `<U+FEFF>`, so it ends it). */
const LEADING_SPACE = /^[^\S\ufeff]*/;

/** Whether the character before `i` is a word character (`\b` before `GH-`). */
function wordBefore(s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The old name of `text`. */
export const escapeMarkdown = text;

/** A fenced code block longer than any backtick run in the text: nothing inside is rendered. */
export function codeBlock(lines: string[], lang = ''): Md {
  const body = visible(lines.join('\n'));
  const fence = '`'.repeat(Math.max(2, longestTicks(body)) + 1);
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

/** The longest run of backticks in `s` (0 when none). */
function longestTicks(s: string): number {
  let longest = 0;
  for (let i = s.indexOf('`'); i >= 0; i = s.indexOf('`', i)) {
    let j = i + 1;
    while (s.charCodeAt(j) === 96) j++;
    if (j - i > longest) longest = j - i;
    i = j;
  }
  return longest;
}

/** A value as one code span (in a table row, `row` escapes its pipes). */
export function code(s: string): Md {
  const oneLine = oneLineOf(visible(s));
  const ticks = '`'.repeat(longestTicks(oneLine) + 1);
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
