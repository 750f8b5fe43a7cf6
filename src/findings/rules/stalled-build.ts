import { describeStall } from '../../diagnosis/stall.js';
import { code, joinMd, gfm } from '../markdown-escape.js';
import type { Rule } from '../types.js';

export const stalledBuild: Rule = {
  id: 'stalled-build',
  description:
    'An attempt was stopped by the stall watchdog: no progress for stall-timeout-seconds and a node that did not answer (the node, its endpoint and the step that was running), or every node answering while a push or export waited on a registry (the registry host when known).',
  check(ctx) {
    return ctx.attempts
      .filter((a) => a.stall)
      .map((a) => {
        const s = a.stall!;
        if (s.registry) {
          const reg = s.registry.host ? `the registry ${s.registry.host}` : 'the registry';
          return {
            rule: 'stalled-build',
            severity: 'error' as const,
            title: `Attempt ${a.number} stalled: ${reg} stopped answering`.slice(0, 200),
            message: gfm`Attempt ${a.number}: ${code(describeStall(s))}${s.step ? gfm`; the step running was ${code(s.step)}` : gfm``}.`,
            hint: 'A registry that accepts an upload and never answers holds a push for ever; the attempt was stopped after stall-timeout-seconds of silence and retried as a registry failure.',
            impactMs: s.quietMs,
          };
        }
        const nodes = s.nodes.map((n) =>
          n.endpoint ? gfm`${code(n.name)} (${code(n.endpoint)})` : code(n.name),
        );
        return {
          rule: 'stalled-build',
          severity: 'error' as const,
          title:
            `Attempt ${a.number} stalled: ${s.nodes.map((n) => n.name).join(', ')} stopped answering`.slice(
              0,
              200,
            ),
          message: gfm`Attempt ${a.number}: ${code(describeStall(s))}. Node${s.nodes.length === 1 ? gfm`` : gfm`s`} ${joinMd(nodes, ', ')}${s.step ? gfm`; the step running was ${code(s.step)}` : gfm``}.`,
          hint: 'A BuildKit node that stops answering mid-build is usually overloaded, out of memory or cut off from the runner; stall-timeout-seconds sets how long a silent build is tolerated.',
          impactMs: s.quietMs,
        };
      });
  },
};
