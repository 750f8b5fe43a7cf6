import { code, gfm, text } from '../markdown-escape.js';
import type { Rule } from '../types.js';

export const nodeUnavailable: Rule = {
  id: 'node-unavailable',
  description: 'A builder node was not running after bootstrap (from the strict verification).',
  check(ctx) {
    return ctx.nodes.map((n) => ({
      rule: 'node-unavailable',
      severity: 'error' as const,
      title: `Node ${n.name} is not running (${n.status || 'unknown'})`,
      message: gfm`Node ${code(n.name)} (${text(n.driver)}, ${code(n.endpoint || 'default endpoint')}) is ${code(n.status || 'unknown')}: ${code(n.reason)}.`,
      hint: n.hint,
    }));
  },
};
