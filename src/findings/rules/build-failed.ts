import { failingStep } from '../../trace/query.js';
import { anchor, stepLabel } from '../anchor.js';
import { code, codeBlock } from '../markdown-escape.js';
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
    const parts = [
      `${step ? `Step ${code(stepLabel(step))} failed` : 'The build failed'}${failure ? ` (${failure.category}, ${retried(ctx.attempts.length, failure.retryable)})` : ''}:`,
      codeBlock([error]),
    ];
    if (log.length)
      parts.push(`Last ${log.length} line${log.length === 1 ? '' : 's'} of its output:`, codeBlock(log));
    if (step?.clipped)
      parts.push(
        `BuildKit clipped this step's output (log limit ${code(step.clipped)} reached): its last lines may be missing (see \`log-clipped\`).`,
      );
    const from = trace.recordUse;
    if (from)
      parts.push(
        `The error${from.line ? ' and its Dockerfile line' : ''} from the build record: ${code(`docker buildx history inspect ${from.ref.split('/').pop()}`)}.`,
      );
    return [
      {
        rule: 'build-failed',
        severity: 'error',
        title: step
          ? `Build failed at ${stepLabel(step)}`.slice(0, 200)
          : `Build failed${trace.errorTarget ? ` (target ${trace.errorTarget})` : ''}`,
        message: parts.join('\n\n'),
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
