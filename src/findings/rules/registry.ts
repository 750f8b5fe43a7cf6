import { code } from '../md.js';
import type { Finding, FindingContext, Rule } from '../types.js';

const RATE_LIMIT = /\b429\b|toomanyrequests|Too Many Requests/i;

function texts(ctx: FindingContext): string[] {
  return [ctx.trace.error ?? '', ...ctx.attempts.map((a) => a.errorText ?? '')];
}

export const registryRateLimit: Rule = {
  id: 'registry-rate-limit',
  description: 'A registry rate-limited the build (HTTP 429, toomanyrequests).',
  check(ctx) {
    const hit = texts(ctx).find((t) => RATE_LIMIT.test(t));
    if (!hit) return [];
    const line = hit.split('\n').find((l) => RATE_LIMIT.test(l)) ?? hit;
    const failed = ctx.failure?.category === 'registry';
    const f: Finding = {
      rule: 'registry-rate-limit',
      severity: failed ? 'error' : 'warning',
      title: 'Registry rate limit (429)',
      message: `A registry refused requests with a rate limit: ${code(line.slice(0, 300))}.`,
      hint: 'Log in to the registry before the build (docker/login-action) for a higher limit, pull base images through a mirror or cache, and avoid --pull / no-cache on every run.',
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
        message: `The registry refused the credentials: ${code(error.split('\n').pop()!.slice(0, 300))}.`,
        hint: 'Log in before the build (docker/login-action) with a token that can pull and push this repository; on pull requests from forks, secrets are not available.',
      },
    ];
  },
};
