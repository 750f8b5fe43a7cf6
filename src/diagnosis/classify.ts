// Error text of a failed build → { category, retryable, reason, remedy }. Pure, no I/O: the one
// classifier behind the retry loop, `classify`, `analyze` and the findings rules.
//
// The text is what trace/query's failureText gives: the failing step's header and last log lines,
// buildx's closing text, and the final error as `ERROR: …`. Every pattern runs on verdictText's
// views of it (verdict-text.ts): bounded, and without the failing step's command and output unless
// the pattern is scoped `step`. Patterns scoped `error` see only the final error line(s), so a step
// that prints "connection refused" is still a failed step.
import { RETRYABLE, type Category, type Classification } from './categories.js';
import { ERROR_PATTERNS, errorPattern, type ErrorPattern } from './patterns.js';
import { bounded, verdictText } from './verdict-text.js';

/** The final `ERROR:` line(s) of a text; the whole text when it has none (a bare error message). */
export function errorLines(text: string): string {
  const errors = text.split('\n').filter((l) => /^(?:ERROR|Error|error): /.test(l));
  return errors.length ? errors.slice(-3).join('\n') : text;
}

/** The views of a failure text each scope reads. */
function views(text: string): Record<ErrorPattern['scope'], string> {
  const v = verdictText(text);
  return { error: errorLines(v.own), all: v.own, step: v.step };
}

/** The first pattern (in precedence order) that matches the text. */
export function matchPattern(text: string): ErrorPattern | undefined {
  const on = views(text);
  return ERROR_PATTERNS.find((p) => p.pattern.test(on[p.scope]));
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
  // The user's own patterns may look at the step's output (a flaky download inside a RUN is what
  // they are for); bounded like every pattern, and refused at input time if catastrophic.
  const full = opts.retryPatterns?.length ? bounded(text).join('\n') : '';
  const custom = opts.retryPatterns?.find((re) => re.test(full));
  if (custom && !base.retryable) {
    return { ...base, retryable: true, reason: `${base.reason}; matches retry-patterns /${custom.source}/` };
  }
  return base;
}

/** Whether a known pattern (by id) matches the text (in its scope's view): for findings and the backoff. */
export function mentions(id: string, text: string): boolean {
  const p = errorPattern(id);
  return p.pattern.test(views(text)[p.scope === 'step' ? 'step' : 'all']);
}

// A registry's HTTP error that can carry a wait: 429 or 503, as buildx prints the response.
const REGISTRY_BUSY =
  /\b(?:429 Too Many Requests|503 Service Unavailable)\b|\btoomanyrequests\b|unexpected status(?: code)?:? (?:429|503)\b/i;
const RETRY_AFTER = /retry[- ]after\W{0,3}(\d{1,5})/i;

/**
 * Seconds a registry asked to wait (`Retry-After: 30`, `retry after 30s`), read only from a line of
 * buildx's words that shows a registry's 429/503 answer: never from the step's command or output.
 * buildx and imagetools do not print the HTTP header itself; some registries repeat it in the body.
 */
export function retryAfterSeconds(text: string): number | undefined {
  for (const line of verdictText(text).own.split('\n').reverse()) {
    if (!REGISTRY_BUSY.test(line)) continue;
    const m = line.match(RETRY_AFTER);
    if (m) return Number(m[1]);
  }
  return undefined;
}
