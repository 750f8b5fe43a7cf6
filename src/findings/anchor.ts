import type { Step } from '../trace/types.js';
import { locateStep } from './dockerfile.js';
import type { Finding, FindingContext } from './types.js';

/** The Dockerfile lines of a step; for the failing step, buildx's excerpt line when mapping fails. */
export function anchor(
  ctx: FindingContext,
  step?: Step,
  failing = false,
): Pick<Finding, 'file' | 'line' | 'endLine'> {
  const df = ctx.dockerfile;
  const ref = df && step ? locateStep(df, step) : undefined;
  if (df && ref) return { file: df.path, line: ref.line, endLine: ref.endLine };
  if (failing && ctx.trace.excerpt)
    return {
      file: df?.path ?? ctx.trace.excerpt.file,
      line: ctx.trace.excerpt.line,
      endLine: ctx.trace.excerpt.line,
    };
  return {};
}

/** How a step reads in a message: its instruction, with stage and platform when there are several. */
export function stepLabel(step: Step): string {
  const where = [step.platform, step.stage].filter(Boolean).join(' ');
  return `${where ? `[${where}] ` : ''}${step.instruction ?? step.name}`;
}
