import { code, joinMd, gfm, text } from '../markdown-escape.js';
import type { Rule } from '../types.js';

export const transientFailure: Rule = {
  id: 'transient-failure',
  description: 'An attempt failed for a transient reason (transport, registry, crash) and was retried.',
  check(ctx) {
    const retried = ctx.attempts.filter(
      (a) => a.classification?.retryable && a.decision?.startsWith('retried'),
    );
    if (!retried.length) return [];
    const total = ctx.attempts.length;
    const ok = !ctx.failure;
    const lines = retried.map(
      (a) =>
        gfm`- attempt ${a.number}: ${code(a.classification!.category)}, ${text(a.classification!.reason)}; ${text(a.decision ?? '')}`,
    );
    return [
      {
        rule: 'transient-failure',
        severity: ok ? 'notice' : 'warning',
        title: `${retried.length} transient failure${retried.length === 1 ? '' : 's'}, ${ok ? `succeeded on attempt ${total}` : `still failing after ${total} attempts`}`,
        message: joinMd(lines),
        hint: 'Repeated transport failures point at the network between the runner and the BuildKit nodes, or at nodes restarting under load.',
      },
    ];
  },
};
