// Secrets never reach a report. Redaction runs once, on the report model, before any channel renders
// it (annotations, comment, summary, check run, SARIF, code quality, terminal, report files), and
// before Markdown or HTML escaping, so an escaped secret (`my\_s3cret`) cannot slip through.
import type { ReportInput } from './model.js';

export const REDACTED = '***';

/**
 * The strings to look for: each value, and each line of a multi-line value (a key or certificate
 * printed line by line), longest first so a value is replaced whole before its parts.
 */
export function needles(values: readonly string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (v.length >= 3) out.add(v);
    for (const line of v.split(/\r?\n/)) if (line.trim().length >= 4) out.add(line.trim());
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, list: readonly string[]): string {
  let out = text;
  for (const n of list) if (out.includes(n)) out = out.split(n).join(REDACTED);
  return out;
}

function deep<T>(value: T, list: readonly string[]): T {
  if (typeof value === 'string') return redactText(value, list) as T;
  if (Array.isArray(value)) return value.map((v) => deep(v, list)) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [deep(k, list), deep(v, list)])) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v, list)])) as T;
  }
  return value;
}

/** The report with every secret replaced in every string it holds; `secrets` itself is emptied. */
export function redactReport(input: ReportInput): ReportInput {
  const list = needles(input.secrets);
  if (!list.length) return input;
  return { ...deep({ ...input, secrets: [] }, list), secrets: [] };
}
