// Markdown that cannot be broken out of: untrusted text goes into code spans and fenced blocks whose
// fence is longer than any backtick run in the text, so no mention, link or HTML is rendered.

export function codeBlock(lines: string[], lang = ''): string {
  const text = lines.join('\n');
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

export function code(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${oneLine}${pad}${ticks}`;
}

/** Escapes text for Markdown prose: markup characters, and `@`/`#` so nobody is pinged or linked. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/\n/g, ' ');
}

export function seconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Escapes text for HTML (a `<summary>` is a raw HTML block: Markdown escaping does not apply there). */
export function escapeHtml(text: string): string {
  // Mentions and issue references first (GitHub links them inside HTML too), then the entities.
  return text
    .replace(/([@#])/g, '$1\u200b')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\n/g, ' ');
}
