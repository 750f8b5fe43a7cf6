// When to retry and how long to wait. Pure: the random source is passed in, so the schedule is
// reproducible under a seed.
import type { RetryConfig } from '../config/config.js';
import type { Classification } from '../diagnosis/categories.js';
import { classify, mentions, retryAfterSeconds } from '../diagnosis/classify.js';
import { failureHints, failureText } from '../trace/query.js';
import type { BuildTrace } from '../trace/types.js';
import { stallClassification, type Stall } from './watchdog.js';

export type Random = () => number;

/** A small seeded generator (mulberry32), for reproducible schedules in tests and benchmarks. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Milliseconds to wait before retry `retry` (1 = the first retry): exponential from
 * retry-wait-seconds, capped by retry-max-wait-seconds, with full jitter. A registry rate limit (429)
 * waits longer: four times the step, with half of it fixed so it never retries at once.
 */
export function backoffMs(retry: number, rateLimited: boolean, config: RetryConfig, random: Random): number {
  const cap = config.maxWaitSeconds * 1000;
  const exp = Math.min(cap, config.waitSeconds * 1000 * 2 ** (retry - 1));
  if (rateLimited) {
    const long = Math.min(cap, exp * 4);
    return Math.round(long / 2 + random() * (long / 2));
  }
  return Math.round(random() * exp);
}

export { retryAfterSeconds };

/** The wait before a retry: the backoff, or longer when the registry asked for it (capped). */
export function waitBeforeRetry(
  retry: number,
  text: string,
  rateLimited: boolean,
  config: RetryConfig,
  random: Random,
): number {
  const backoff = backoffMs(retry, rateLimited, config, random);
  const asked = retryAfterSeconds(text);
  return asked === undefined
    ? backoff
    : Math.min(config.maxWaitSeconds * 1000, Math.max(backoff, asked * 1000));
}

export function isRateLimited(text: string): boolean {
  return mentions('registry-rate-limit', text);
}

export interface RetryDecision {
  retry: boolean;
  /** Why not, or why yes, in words for the log and the report. */
  why: string;
}

/** After attempt `attempt` failed with `c`: retry or stop. `crashes` counts crash failures so far. */
export function decide(
  c: Classification,
  attempt: number,
  crashes: number,
  config: RetryConfig,
): RetryDecision {
  if (!c.retryable) return { retry: false, why: `${c.category} failures are not retried (${c.reason})` };
  if (attempt >= config.maxAttempts)
    return { retry: false, why: `no attempts left (max-attempts ${config.maxAttempts})` };
  if (c.category === 'crash' && crashes > config.maxCrashRetries) {
    return {
      retry: false,
      why: `a crash was already retried ${config.maxCrashRetries} time(s) (max-crash-retries)`,
    };
  }
  return { retry: true, why: `${c.category}: ${c.reason}` };
}

/** What follows a failed attempt: stop (and why), or retry after a wait; `decision` in words. */
export type RetryPlan =
  | { retry: false; why: string; decision: string }
  | { retry: true; why: string; waitMs: number; decision: string };

/**
 * The retry decision and its wait for attempt `attempt`, classified `c`, `crashes` crashes so far:
 * one piece for the build and the merge loops.
 */
export function planRetry(
  c: Classification,
  attempt: number,
  crashes: number,
  text: string,
  config: RetryConfig,
  random: Random,
): RetryPlan {
  const d = decide(c, attempt, crashes, config);
  if (!d.retry) return { retry: false, why: d.why, decision: `stopped: ${d.why}` };
  const waitMs = waitBeforeRetry(
    attempt,
    text,
    c.category === 'registry' && isRateLimited(text),
    config,
    random,
  );
  return {
    retry: true,
    why: d.why,
    waitMs,
    decision: `retried after ${(waitMs / 1000).toFixed(1)} s: ${d.why}`,
  };
}

/** What a failed attempt leaves for its verdict: the build, bake and merge loops all keep these. */
export interface Judged {
  classification?: Classification;
  decision?: string;
  stall?: Stall;
  trace: BuildTrace;
}

/**
 * The one verdict on a failed attempt, shared by the build, bake and merge loops: a stall the
 * watchdog stopped is classified as such, anything else by the diagnosis core from the attempt's
 * failure text; then the retry plan. Records the classification, the decision and the stall on
 * `attempt`; `crashes` counts crash failures across the loop.
 */
export function judgeFailure(
  attempt: Judged,
  n: number,
  result: { code: number; cancelled: boolean; timedOut: boolean; stderrTail: string },
  stall: Stall | undefined,
  crashes: { count: number },
  config: RetryConfig,
  random: Random,
): { classification: Classification; plan: RetryPlan } {
  const text = failureText(attempt.trace, result.stderrTail);
  const c = stall
    ? stallClassification(stall)
    : classify(text, {
        ...failureHints(attempt.trace),
        exitCode: result.code,
        cancelled: result.cancelled,
        timedOut: result.timedOut,
        retryPatterns: config.patterns,
      });
  if (stall) attempt.stall = stall;
  attempt.classification = c;
  if (c.category === 'crash') crashes.count++;
  const plan = planRetry(c, n, crashes.count, text, config, random);
  attempt.decision = plan.decision;
  return { classification: c, plan };
}
