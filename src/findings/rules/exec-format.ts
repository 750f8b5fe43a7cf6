import { errorPattern } from '../../diagnosis/patterns.js';
import { anchor, stepLabel } from '../anchor.js';
import { code, gfm } from '../markdown-escape.js';
import type { Finding, Rule } from '../types.js';

// The kernel's ENOEXEC as BuildKit reports it, and as bash reports it from a shell-form RUN.
const { pattern: EXEC_FORMAT, remedy } = errorPattern('exec-format');

export const execFormat: Rule = {
  id: 'exec-format',
  description: 'A step ran a binary built for another architecture (exec format error).',
  check(ctx) {
    const out: Finding[] = [];
    for (const s of ctx.trace.steps) {
      if (s.internal || !(EXEC_FORMAT.test(s.error ?? '') || s.logTail.some((l) => EXEC_FORMAT.test(l))))
        continue;
      const platform = s.platform ?? ctx.trace.platforms[0];
      out.push({
        rule: 'exec-format',
        severity: 'error',
        title: `Binary for another architecture in ${stepLabel(s)}`.slice(0, 200),
        message: gfm`${code(stepLabel(s))} failed with ${code('exec format error')}${platform ? gfm` while building for ${code(platform)}` : gfm``}: it ran a program compiled for a different CPU architecture than the node running the step.`,
        hint: `${remedy!.charAt(0).toUpperCase()}${remedy!.slice(1)}.`,
        ...anchor(ctx, s, true),
      });
    }
    return out;
  },
};
