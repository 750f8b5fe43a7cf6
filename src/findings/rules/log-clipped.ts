import { failingStep } from '../../trace/query.js';
import { anchor, stepLabel } from '../anchor.js';
import { code, gfm, joinMd } from '../markdown-escape.js';
import type { Finding, Rule } from '../types.js';

export const logClipped: Rule = {
  id: 'log-clipped',
  description:
    "BuildKit clipped a step's output (`[output clipped, log limit 2MiB reached]`, or its rate limit): the lines after the mark are missing from the log.",
  check(ctx) {
    const failing = ctx.failure ? failingStep(ctx.trace) : undefined;
    const out: Finding[] = [];
    for (const s of ctx.trace.steps) {
      if (!s.clipped) continue;
      const failed = s === failing;
      out.push({
        rule: 'log-clipped',
        severity: failed ? 'error' : 'warning',
        title: `Output of ${stepLabel(s)} clipped by BuildKit`.slice(0, 200),
        message: joinMd(
          [
            gfm`BuildKit clipped the output of ${code(stepLabel(s))} (log limit ${code(s.clipped)} reached; ${s.logLines} line${s.logLines === 1 ? gfm`` : gfm`s`} read): what it printed past the limit is not in the log${failed ? gfm`, so the failing step's last lines, where its error usually is, may be missing` : gfm``}.`,
            gfm`To keep a step's whole output, raise BuildKit's limits in the builder's driver options (docker-container, kubernetes): ${code('driver-opts: env.BUILDKIT_STEP_LOG_MAX_SIZE=-1')} (the size, 2 MiB by default) and ${code('env.BUILDKIT_STEP_LOG_MAX_SPEED=-1')} (the rate, 200 KiB/s by default); -1 is no limit.`,
          ],
          '\n\n',
        ),
        hint: "Raise BuildKit's step log limits (BUILDKIT_STEP_LOG_MAX_SIZE, BUILDKIT_STEP_LOG_MAX_SPEED) in the builder's driver options.",
        ...anchor(ctx, s, failed),
      });
    }
    return out;
  },
};
