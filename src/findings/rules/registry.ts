import { mentions } from '../../diagnosis/classify.js';
import { errorPattern } from '../../diagnosis/patterns.js';
import { code, gfm } from '../markdown-escape.js';
import type { Finding, FindingContext, Rule } from '../types.js';

const RATE_LIMIT = errorPattern('registry-rate-limit');
const AUTH = errorPattern('registry-auth');

function texts(ctx: FindingContext): string[] {
  return [ctx.trace.error ?? '', ...ctx.attempts.map((a) => a.errorText ?? '')];
}

export const registryRateLimit: Rule = {
  id: 'registry-rate-limit',
  description: 'A registry rate-limited the build (HTTP 429, toomanyrequests).',
  check(ctx) {
    const hit = texts(ctx).find((t) => mentions('registry-rate-limit', t));
    if (!hit) return [];
    const line = hit.split('\n').find((l) => RATE_LIMIT.pattern.test(l)) ?? hit;
    const failed = ctx.failure?.category === 'registry';
    const f: Finding = {
      rule: 'registry-rate-limit',
      severity: failed ? 'error' : 'warning',
      title: 'Registry rate limit (429)',
      message: gfm`A registry refused requests with a rate limit: ${code(line.slice(0, 300))}.`,
      hint: `${capital(RATE_LIMIT.remedy!)}.`,
    };
    return [f];
  },
};

export const registryAuth: Rule = {
  id: 'registry-auth',
  description: 'A registry refused the credentials (401/403, failed to fetch oauth token, denied).',
  check(ctx) {
    if (ctx.failure?.category !== 'auth') return [];
    const error = ctx.trace.error ?? ctx.attempts.at(-1)?.errorText ?? '';
    return [
      {
        rule: 'registry-auth',
        severity: 'error',
        title: 'Registry authentication failed',
        message: gfm`The registry refused the credentials: ${code(error.split('\n').pop()!.slice(0, 300))}.`,
        hint: `${capital(AUTH.remedy!)}.`,
      },
    ];
  },
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
