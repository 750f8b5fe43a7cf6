// Error text of a failed build → { category, retryable, reason, remedy }. Pure, no I/O: the one
// classifier behind the retry loop, merge, `classify`, `analyze` and the findings rules.
//
// The text is what trace/query's failureText gives: the failing step's header and last log lines,
// buildx's closing text, and the final error as `ERROR: …`. It is read by reading.ts into the
// operation × the cause chain, on verdictText's views of it (verdict-text.ts): bounded, and without
// the failing step's command and output unless a cause is scoped `step`. Causes scoped `error` see
// only the final error line(s), so a step that prints "connection refused" is still a failed step.
import { RETRYABLE, type Category, type Classification } from './categories.js';
import { errorPattern, type ErrorPattern } from './patterns.js';
import type { Operation } from './operation.js';
import { readFailure, type FailureHints, type Reading } from './reading.js';
import { dependsOnOperation, NO_CAUSE, OPERATION_REMEDY, overridden } from './table.js';
import { bounded, verdictText } from './verdict-text.js';

export { errorLines, readFailure, type FailureHints, type Reading } from './reading.js';

/** The cause that decides a text's category, if any is found: what `analyze` asks of a bare text. */
export function matchPattern(text: string, hints: FailureHints = {}): ErrorPattern | undefined {
  return readFailure(text, hints).cause;
}

export function classification(category: Category, reason: string, extra: Partial<Classification> = {}) {
  return { category, retryable: RETRYABLE.has(category), reason, ...extra } satisfies Classification;
}

export interface ClassifyOptions extends FailureHints {
  exitCode?: number;
  /** The job was cancelled (SIGINT/SIGTERM from the runner). */
  cancelled?: boolean;
  /** The attempt ran past attempt-timeout-minutes: a hung attempt is transient. */
  timedOut?: boolean;
  retryPatterns?: RegExp[];
}

const OPERATION_REASON: Record<Operation, string> = {
  builder: 'bringing the builder up',
  session: 'talking to BuildKit',
  dockerfile: 'reading the Dockerfile',
  context: 'sending the build context',
  'resolve-image': 'resolving an image',
  'cache-import': 'importing the cache',
  step: 'running a step',
  copy: 'copying files (COPY/ADD)',
  push: 'exporting or pushing the image',
  'cache-export': 'exporting the build cache',
  none: 'building',
};

/** The reason in words: the cause's, with the operation when it changed the cause's meaning. */
function reasonOf(r: Reading): string {
  const p = r.cause;
  if (!p)
    return r.category === 'unknown' ? 'no known pattern matched the error' : OPERATION_REASON[r.operation];
  if (p.category === r.category) return p.reason;
  return `${p.reason}, while ${OPERATION_REASON[r.operation]}`;
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
  const r = readFailure(text, opts);
  const id = r.cause?.id ?? NO_CAUSE;
  const remedy =
    dependsOnOperation(id) && overridden(r.operation, id)
      ? (OPERATION_REMEDY[r.category] ?? r.cause?.remedy)
      : r.cause?.remedy;
  const base: Classification = {
    category: r.category,
    retryable: RETRYABLE.has(r.category),
    reason: reasonOf(r),
  };
  if (r.cause) base.pattern = r.cause.id;
  if (remedy) base.remedy = remedy;
  // The user's own patterns may look at the step's output (a flaky download inside a RUN is what
  // they are for); bounded like every pattern, and refused at input time if catastrophic.
  const full = opts.retryPatterns?.length ? bounded(text).join('\n') : '';
  const custom = opts.retryPatterns?.find((re) => re.test(full));
  if (custom && !base.retryable) {
    return { ...base, retryable: true, reason: `${base.reason}; matches retry-patterns /${custom.source}/` };
  }
  return base;
}

/** Whether a known cause (by id) is in the text (in its scope's view): for findings and the backoff. */
export function mentions(id: string, text: string): boolean {
  const p = errorPattern(id);
  return p.pattern.test(verdictText(text)[p.scope === 'step' ? 'step' : 'own']);
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
