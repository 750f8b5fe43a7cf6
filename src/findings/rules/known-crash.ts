import { crashIn, KNOWN_CRASHES } from '../../diagnosis/patterns.js';
import { code, gfm, text as prose } from '../markdown-escape.js';
import type { Finding, Rule } from '../types.js';

export const knownCrash: Rule = {
  id: 'known-crash',
  description: 'A known buildx or BuildKit crash, with the release that fixed it or the workaround.',
  check(ctx) {
    const text = [
      ctx.trace.error ?? '',
      ...ctx.trace.tail,
      ...ctx.attempts.map((a) => a.errorText ?? ''),
    ].join('\n');
    const out: Finding[] = [];
    for (const k of KNOWN_CRASHES) {
      if (!crashIn(k, text)) continue;
      out.push({
        rule: 'known-crash',
        severity: ctx.failure?.category === 'crash' ? 'error' : 'warning',
        title: `Known crash: ${k.id}`,
        message: gfm`${prose(k.what)}. Matched ${code(k.pattern.source)}.`,
        hint: k.fix,
        url: k.url,
      });
    }
    return out;
  },
};
