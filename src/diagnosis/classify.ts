// Error text of a failed build → { category, retryable, reason, remedy }. Pure, no I/O: the one
// classifier behind the retry loop, `classify`, `analyze` and the findings rules.
//
// The text is what trace/query's failureText gives: the failing step's header and last log lines,
// buildx's closing text, and the final error as `ERROR: …`. Patterns scoped `error` see only the
// final error line(s), so a step that prints "connection refused" is still a failed step.
import { RETRYABLE, type Category, type Classification } from './categories.js';
import { ERROR_PATTERNS, errorPattern, type ErrorPattern } from './patterns.js';

/** The final `ERROR:` line(s) of a text; the whole text when it has none (a bare error message). */
export function errorLines(text: string): string {
  const errors = text.split('\n').filter((l) => /^(?:ERROR|Error|error): /.test(l));
  return errors.length ? errors.slice(-3).join('\n') : text;
}

/** The first pattern (in precedence order) that matches the text. */
export function matchPattern(text: string): ErrorPattern | undefined {
  const error = errorLines(text);
  return ERROR_PATTERNS.find((p) => p.pattern.test(p.scope === 'error' ? error : text));
}

export function classification(category: Category, reason: string, extra: Partial<Classification> = {}) {
  return { category, retryable: RETRYABLE.has(category), reason, ...extra } satisfies Classification;
}

export interface ClassifyOptions {
  exitCode?: number;
  /** The job was cancelled (SIGINT/SIGTERM from the runner). */
  cancelled?: boolean;
  /** The attempt ran past attempt-timeout-minutes: a hung attempt is transient. */
  timedOut?: boolean;
  retryPatterns?: RegExp[];
}

export function classify(text: string, opts: ClassifyOptions = {}): Classification {
  // First: an attempt stopped for its timeout also exits 130 (buildx's answer to SIGINT).
  if (opts.timedOut) {
    return classification('transport', 'the attempt exceeded attempt-timeout-minutes', {
      pattern: 'attempt-timeout',
      remedy: 'a hung attempt is retried; raise attempt-timeout-minutes if the build needs longer',
    });
  }
  if (opts.cancelled || opts.exitCode === 130) {
    return classification('cancelled', 'the build was cancelled');
  }
  const p = matchPattern(text);
  const base: Classification = p
    ? classification(p.category, p.reason, { pattern: p.id, ...(p.remedy ? { remedy: p.remedy } : {}) })
    : classification('unknown', 'no known pattern matched the error');
  const custom = opts.retryPatterns?.find((re) => re.test(text));
  if (custom && !base.retryable) {
    return { ...base, retryable: true, reason: `${base.reason}; matches retry-patterns /${custom.source}/` };
  }
  return base;
}

/** Whether a known pattern (by id) matches anywhere in the text: for findings and the backoff. */
export function mentions(id: string, text: string): boolean {
  return errorPattern(id).pattern.test(text);
}
