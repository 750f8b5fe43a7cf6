import { code, gfm } from '../markdown-escape.js';
import type { Rule } from '../types.js';

export const hostLimits: Rule = {
  id: 'host-limits',
  description:
    'A limit of the host running the nodes is near: the open-file limit, inotify instances (BuildKit before 0.20.1 crashes without one) or free disk of Docker’s data root, with the fix.',
  check(ctx) {
    return ctx.host
      .filter((c) => !c.ok)
      .map((c) => ({
        rule: 'host-limits',
        severity: 'warning' as const,
        title: `Host near a limit: ${c.check}`,
        message: gfm`${code(c.reading)}.`,
        ...(c.fix ? { hint: c.fix } : {}),
      }));
  },
};
