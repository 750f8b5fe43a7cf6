import type { BuildTrace, Step } from './types.js';

const CANCELED = /\bcontext canceled\b|\bcanceled\b/i;

/** The step that failed the build: the first error that is not a consequence (cancellation) of another. */
export function failingStep(trace: BuildTrace): Step | undefined {
  const failed = trace.steps.filter((s) => s.error);
  return (
    failed.find((s) => !s.internal && !CANCELED.test(s.error!)) ??
    failed.find((s) => !CANCELED.test(s.error!)) ??
    failed[0]
  );
}

/**
 * The text a failure is classified on: the failing step's last log lines, then buildx's own closing
 * text (the excerpt, panics, the final ERROR line), then any stderr the parser did not read.
 */
export function failureText(trace: BuildTrace, stderrTail = ''): string {
  const step = failingStep(trace);
  const parts = [...(step?.logTail.map((l) => `#${step.number} ${l}`) ?? []), ...trace.tail];
  if (trace.error && !trace.tail.some((l) => l === `ERROR: ${trace.error}`))
    parts.push(`ERROR: ${trace.error}`);
  if (!trace.error && parts.length === 0) parts.push(stderrTail);
  return parts.join('\n');
}
