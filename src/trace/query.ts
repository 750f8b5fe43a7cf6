// Questions about a finished trace: did the build fail, which step failed it, on what text is the
// failure classified.
import type { BuildTrace, Step } from './types.js';

const CANCELED = /\bcontext canceled\b|\bcanceled\b/i;

/**
 * Vertex errors that do not fail the build: BuildKit reports a cache source it cannot import
 * (`importing cache manifest from …` → `ERROR: failed to configure registry cache importer`) and
 * builds on without it (measured on the test bed: exit 0).
 */
const NON_FATAL_STEP = /^importing cache manifest from /;

export function fatalError(s: Step): boolean {
  return !!s.error && !NON_FATAL_STEP.test(s.name);
}

/**
 * What the log says of the build: `failed` when any error is found (a final error line in any
 * spelling, a fatal vertex error, a crash, a `--call=check` that found warnings); `unknown` when the
 * log shows no build progress and no error, or stops while steps are still running; else `success`.
 */
export function traceStatus(trace: BuildTrace): 'success' | 'failed' | 'unknown' {
  if (trace.binary && trace.format === 'unknown') return 'unknown';
  if (trace.error || trace.crashed || trace.steps.some(fatalError) || (trace.check?.warnings ?? 0) > 0)
    return 'failed';
  if (trace.check) return 'success';
  if (trace.steps.length === 0) return 'unknown';
  // A log cut off mid-build: a step started and the log never says how it ended.
  const unfinished = trace.steps.some((s) => !s.done && !s.cached && !s.internal && trace.format !== 'tty');
  return unfinished ? 'unknown' : 'success';
}

/** A step stopped because another failed (`CANCELED`, or an error that is the cancellation). */
export function cancelledStep(s: Step): boolean {
  return !!s.canceled || CANCELED.test(s.error ?? '');
}

/**
 * The step that failed the build: the first error that is not a consequence (cancellation) of
 * another. When every failed step was cancelled and buildx printed an error of its own that is not
 * the cancellation (a lost connection: `exit code: 137: context canceled` on the step, GOAWAY on the
 * build), no step failed on its own: the build's error is the failure. A cancelled job keeps the
 * step it stopped.
 */
export function failingStep(trace: BuildTrace): Step | undefined {
  const failed = trace.steps.filter(fatalError);
  return (
    failed.find((s) => !s.internal && !CANCELED.test(s.error!)) ??
    failed.find((s) => !CANCELED.test(s.error!)) ??
    (trace.error && !CANCELED.test(trace.error) ? undefined : failed[0])
  );
}

/**
 * The text a failure is classified on: the failing step's header and last log lines, then buildx's
 * own closing text (the excerpt, panics), then the final error as `ERROR: …` (the failing step's
 * error when the log has no final line), or any stderr the parser did not read.
 */
export function failureText(trace: BuildTrace, stderrTail = ''): string {
  const step = failingStep(trace);
  const parts = step
    ? [`#${step.number} ${step.name}`, ...step.logTail.map((l) => `#${step.number} ${l}`)]
    : [];
  parts.push(...trace.tail.filter((l) => !/^(?:ERROR|Error|error): /.test(l)));
  const error = trace.error ?? step?.error;
  if (error) parts.push(`ERROR: ${error}`);
  else if (trace.check?.warnings)
    parts.push(`ERROR: Check complete, ${trace.check.warnings} warnings have been found!`);
  if (!error && !step && stderrTail) parts.push(stderrTail);
  return parts.join('\n');
}

/**
 * What the trace knows of the failure beyond its text, for the diagnosis core's reading
 * (diagnosis/reading.ts): the failing vertex's name and its own error, or, when no vertex failed,
 * the last vertex the build ran (an error after every vertex is done belongs to the last: an
 * export). Clipped: names and errors are bounded like every line the classifier reads.
 */
export function failureHints(trace: BuildTrace): {
  vertex?: string;
  vertexError?: string;
  lastVertex?: string;
} {
  const step = failingStep(trace);
  if (step) return { vertex: step.name.slice(0, 300), ...(step.error ? { vertexError: step.error } : {}) };
  const last = trace.steps.at(-1);
  return last ? { lastVertex: last.name.slice(0, 300) } : {};
}
