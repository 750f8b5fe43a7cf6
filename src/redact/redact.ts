// The one redactor for everything that leaves the process: every report channel, the baseline saved
// in the Actions cache, report files and the step's failure message. A leaf: it imports nothing.
//
// `Redacted<T>` is a brand only this module produces (`Redactor.value`, `Redactor.text`, and
// `derive` for a pure rendering of redacted data); every sink takes `Redacted` values, and a cast to
// `Redacted` anywhere else is a lint error (eslint.config.js), so a new channel cannot skip it.
//
// Matched: each secret, and each line of a multi-line one, in every form the runner masks (raw,
// base64 at the three byte offsets, URL, JSON and XML escaping) and more: base64url, hex, HTML,
// form encoding; all case-insensitively, and across line breaks (a value folded over lines, a
// `base64 -w 60`, a log wrapped at N columns). Cost: one indexOf pass per needle over each string.

export const REDACTED = '***';

declare const brand: unique symbol;
/** A value every secret has been removed from. Only this module makes one. */
export type Redacted<T> = T & { readonly [brand]: 'redacted' };

/** The shortest secret redacted (the runner's floor is similar: shorter values are everywhere). */
export const MIN_SECRET = 3;
/** The shortest line of a multi-line secret redacted on its own. */
export const MIN_LINE = 4;
/**
 * The shortest encoded form matched: a 2-byte secret's hex (`6869`) or a short base64 run occurs by
 * chance in digests and ids, and case-insensitive matching widens that; 8 characters does not.
 */
export const MIN_DERIVED = 8;

const BASE64_URL = (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * Every form of one value that the redactor matches: the runner's encoders (base64 of the value
 * and of the value without its first 1 or 2 bytes, as a secret inside `base64(user:password)`
 * starts at any byte offset; URL and JSON and XML escaping; `"` and `'` escaping), plus, for each
 * offset, the base64 characters the secret alone decides (so it matches wherever the secret sits in
 * a longer encoded text), base64url, hex, HTML and form encoding.
 */
export function forms(value: string): string[] {
  const out = [value];
  const bytes = Buffer.from(value, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    const rest = bytes.length > shift ? bytes.subarray(shift) : bytes;
    const whole = rest.toString('base64');
    const stable = rest.subarray(0, rest.length - (rest.length % 3)).toString('base64');
    out.push(whole, BASE64_URL(whole), stable, BASE64_URL(stable));
  }
  out.push(bytes.toString('hex'));
  const component = encodeURIComponent(value);
  out.push(
    component,
    component.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    new URLSearchParams({ v: value }).toString().slice(2),
    encodeURI(value),
  );
  const json = JSON.stringify(value).slice(1, -1);
  out.push(
    json,
    json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    json.replace(/\//g, '\\/'),
  );
  const text = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  out.push(
    text,
    text.replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
    text.replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
    text.replace(/"/g, '&quot;').replace(/'/g, '&#x27;'),
  );
  out.push(value.replace(/"/g, '\\"'), value.replace(/'/g, "''"));
  // The runner's TrimDoubleQuotes: a quoted value is masked without its quotes too.
  if (value.length > 8 && value.startsWith('"') && value.endsWith('"')) out.push(value.slice(1, -1));
  return [value, ...out.slice(1).filter((f) => f !== value && f.length >= MIN_DERIVED)];
}

/** Lower case, one UTF-16 unit for one: positions in the result are positions in `s`. */
function fold(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const c of s) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

/**
 * The strings to look for, case-folded: every form of each value and of each line of a multi-line
 * value (a key or certificate printed line by line), without duplicates.
 */
export function needles(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const parts = v.length >= MIN_SECRET ? [v] : [];
    if (/[\r\n]/.test(v)) {
      for (const line of v.split(/\r?\n/)) if (line.trim().length >= MIN_LINE) parts.push(line.trim());
    }
    for (const p of parts) for (const f of forms(p)) out.add(fold(f));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const BREAK = /[\r\n]/g;

/**
 * `text` with every needle replaced by the marker, case-insensitively, also where line breaks split
 * it: the breaks are taken out for the search and kept in the result (`***\n***`).
 */
export function redactText(text: string, list: readonly string[]): string {
  if (!list.length || text.length < MIN_SECRET) return text;
  const lower = fold(text);
  const broken = lower.includes('\n') || lower.includes('\r');
  const flat = broken ? lower.replace(BREAK, '') : lower;
  let at: Int32Array | undefined;
  if (broken) {
    at = new Int32Array(flat.length);
    for (let i = 0, k = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      if (c !== 10 && c !== 13) at[k++] = i;
    }
  }
  let marks: Uint8Array | undefined;
  for (const n of list) {
    let i = flat.indexOf(n);
    // Each character is marked once per needle: overlapping matches stay linear.
    let done = -1;
    while (i >= 0) {
      marks ??= new Uint8Array(text.length);
      const end = i + n.length - 1;
      const from = at ? at[Math.max(i, done + 1)] : Math.max(i, done + 1);
      const to = at ? at[end] : end;
      marks.fill(1, from, to + 1);
      done = end;
      i = flat.indexOf(n, i + 1);
    }
  }
  if (!marks) return text;
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (!marks[i] || c === 10 || c === 13) {
      i++;
      continue;
    }
    out += text.slice(start, i) + REDACTED;
    while (i < text.length && marks[i] && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    start = i;
  }
  return out + text.slice(start);
}

/** Consecutive lines redacted as one text: a value folded over lines is found across them. */
function redactLines(lines: readonly string[], list: readonly string[]): string[] {
  if (lines.some((l) => l.includes('\n') || l.includes('\r'))) return lines.map((l) => redactText(l, list));
  return redactText(lines.join('\n'), list).split('\n');
}

function deep<T>(value: T, list: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, list) as T;
  if (Array.isArray(value)) {
    if (value.length > 1 && value.every((v) => typeof v === 'string')) return redactLines(value, list) as T;
    return value.map((v) => deep(v, list)) as T;
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [deep(k, list), deep(v, list)])) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v, list)])) as T;
  }
  return value;
}

/** Removes a fixed set of secrets from anything that is about to leave the process. */
export class Redactor {
  private readonly list: readonly string[];

  constructor(secrets: readonly string[]) {
    this.list = needles(secrets);
  }

  text(text: string): Redacted<string> {
    return redactText(text, this.list) as Redacted<string>;
  }

  /** Every string in `value` (arrays, Maps and their keys included), a copy. */
  value<T>(value: T): Redacted<T> {
    return (this.list.length ? deep(value, this.list) : value) as Redacted<T>;
  }
}

/**
 * A rendering of redacted data, redacted: `render` sees only the redacted value and adds constant
 * text (Markdown, SARIF, JSON), so what it returns holds no secret either.
 */
export function derive<T, U>(value: Redacted<T>, render: (v: T) => U): Redacted<U> {
  return render(value) as Redacted<U>;
}
