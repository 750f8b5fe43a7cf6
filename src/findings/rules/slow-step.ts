import type { Step } from '../../trace/types.js';
import { anchor, stepLabel } from '../anchor.js';
import { code, gfm, seconds, text } from '../markdown-escape.js';
import type { Rule } from '../types.js';

export const slowStep: Rule = {
  id: 'slow-step',
  description:
    'The steps that dominate the build time (by default at least 20% of it and at least 1 s; at most 3).',
  check(ctx) {
    const total = ctx.trace.durationMs;
    if (total <= 0) return [];
    const { slowStepShare, slowStepMinMs, slowStepMax } = ctx.options;
    const seen = new Set<string>();
    // A multi-platform build runs each line once per platform: keep the slowest run of a line.
    const once = (s: Step) => {
      const at = anchor(ctx, s);
      const key = at.line ? `${at.file}:${at.line}` : `${s.target}|${s.stage}|${s.instruction}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    return ctx.trace.steps
      .filter(
        (s) =>
          !s.internal &&
          !s.cached &&
          (s.durationMs ?? 0) >= slowStepMinMs &&
          (s.durationMs ?? 0) / total >= slowStepShare,
      )
      .sort((a, b) => (b.durationMs ?? 0) - (a.durationMs ?? 0))
      .filter(once)
      .slice(0, slowStepMax)
      .map((s) => {
        const share = Math.round(((s.durationMs ?? 0) / total) * 100);
        return {
          rule: 'slow-step',
          severity: 'notice' as const,
          title: `Slow step (${share}% of the build): ${stepLabel(s)}`.slice(0, 200),
          message: gfm`${code(stepLabel(s))} took ${text(seconds(s.durationMs ?? 0))}, ${share}% of the ${text(seconds(total))} build.`,
          impactMs: s.durationMs,
          ...anchor(ctx, s),
        };
      });
  },
};
