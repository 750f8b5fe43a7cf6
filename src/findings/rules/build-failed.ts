import { failingStep } from '../../trace/query.js';
import { anchor, stepLabel } from '../anchor.js';
import { code, codeBlock, joinMd, gfm, text } from '../markdown-escape.js';
import type { Rule } from '../types.js';

export const buildFailed: Rule = {
  id: 'build-failed',
  description:
    'The build failed: the failing step at its Dockerfile line, the error, and the last lines the step printed.',
  check(ctx) {
    const { trace, failure } = ctx;
    if (!trace.error && !failure) return [];
    const step = failingStep(trace);
    const error = trace.error ?? step?.error ?? 'the build failed';
    const log = step?.logTail.slice(-ctx.options.logLines) ?? [];
    const what = step ? gfm`Step ${code(stepLabel(step))} failed` : gfm`The build failed`;
    const why = failure
      ? gfm` (${text(failure.category)}, ${text(retried(ctx.attempts.length, failure.retryable))})`
      : gfm``;
    const parts = [gfm`${what}${why}:`, codeBlock([error])];
    if (log.length)
      parts.push(
        gfm`Last ${log.length} line${log.length === 1 ? gfm`` : gfm`s`} of its output:`,
        codeBlock(log),
      );
    if (step?.clipped)
      parts.push(
        gfm`BuildKit clipped this step's output (log limit ${code(step.clipped)} reached): its last lines may be missing (see ${code('log-clipped')}).`,
      );
    const from = trace.recordUse;
    if (from)
      parts.push(
        gfm`The error${from.line ? gfm` and its Dockerfile line` : gfm``} from the build record: ${code(`docker buildx history inspect ${from.ref.split('/').pop()}`)}.`,
      );
    return [
      {
        rule: 'build-failed',
        severity: 'error',
        title: step
          ? `Build failed at ${stepLabel(step)}`.slice(0, 200)
          : `Build failed${trace.errorTarget ? ` (target ${trace.errorTarget})` : ''}`,
        message: joinMd(parts, '\n\n'),
        ...anchor(ctx, step, true),
        ...(failure?.remedy ? { hint: failure.remedy } : {}),
      },
    ];
  },
};

/** Whether the failure was retried, or could be: every report format says so. */
function retried(attempts: number, retryable: boolean): string {
  if (attempts > 1) return `after ${attempts} attempts`;
  return retryable ? 'transient: retryable' : 'not retryable';
}
