import type { BuildTrace, Step } from '../trace/types.js';
import { locateStep, type DockerfileModel } from './dockerfile.js';
import type { Finding, FindingContext } from './types.js';

/**
 * Where the log itself places the failure: buildx's excerpt (`Dockerfile:12`, `test.Dockerfile:4`),
 * a `dockerfile parse error on line N`, or — when a build check fails the build (`check=error=true`:
 * "lint violation found for rules: X") — the line of that rule's warning.
 */
export function failureLocation(trace: BuildTrace): { file?: string; line: number } | undefined {
  if (trace.excerpt) return { file: trace.excerpt.file, line: trace.excerpt.line };
  const parse = trace.error?.match(/dockerfile parse error (?:on )?line (\d+)/i);
  if (parse) return { line: Number(parse[1]) };
  const lint = trace.error?.match(/lint violations? found for rules?: ([\w, ]+)/);
  if (lint) {
    // The first violation in the file, of the rules the error names.
    const rules = lint[1].split(/,\s*/);
    const hits = trace.warnings.filter((x) => rules.includes(x.rule) && x.startLine);
    const w = hits.sort((a, b) => a.startLine! - b.startLine!)[0];
    if (w) return { file: w.file, line: w.startLine! };
  }
  return undefined;
}

/**
 * The Dockerfile a step comes from: in a bake with each target's Dockerfile known, its target's
 * (none for a target whose Dockerfile is not known); otherwise the build's.
 */
export function dockerfileOf(
  ctx: Pick<FindingContext, 'dockerfile' | 'dockerfiles'>,
  target: string | undefined,
): DockerfileModel | undefined {
  if (ctx.dockerfiles && target) return ctx.dockerfiles[target];
  return ctx.dockerfile;
}

/**
 * The Dockerfile lines of a step (and its bake target); for the failing step, where the log places
 * the failure when mapping fails.
 */
export function anchor(
  ctx: FindingContext,
  step?: Step,
  failing = false,
): Pick<Finding, 'file' | 'line' | 'endLine' | 'target'> {
  const target = step?.target ?? (failing ? ctx.trace.errorTarget : undefined);
  const named = target ? { target } : {};
  const df = dockerfileOf(ctx, target);
  const ref = df && step ? locateStep(df, step) : undefined;
  const at = failing ? failureLocation(ctx.trace) : undefined;
  // BuildKit's own location of the failure (the build record's) over a mapping of the step's name.
  const recorded = at && ctx.trace.recordUse?.line;
  if (df && ref && !recorded) return { file: df.path, line: ref.line, endLine: ref.endLine, ...named };
  if (at) {
    const endLine = ref?.line === at.line ? ref.endLine : at.line;
    return { file: df?.path ?? at.file ?? 'Dockerfile', line: at.line, endLine, ...named };
  }
  return named;
}

/**
 * How a step reads in a message: its instruction, with its bake target, and stage and platform when
 * there are several (`[test] RUN make`, `[app linux/arm64 build] RUN make`).
 */
export function stepLabel(step: Step): string {
  const where = [step.target, step.platform, step.stage].filter(Boolean).join(' ');
  return `${where ? `[${where}] ` : ''}${step.instruction ?? step.name}`;
}
