import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_PATTERNS } from '../../../src/diagnosis/patterns.js';
import { backoffMs, decide, seededRandom } from '../../../src/attempts/retry.js';
import { parseConfig } from '../../../src/config/config.js';
import { buildCommand } from '../../../src/attempts/args.js';
import { repoRoot } from '../../support/paths.js';

const config = (inputs: Record<string, string> = {}) => parseConfig((n) => inputs[n] ?? '', {});

test('the backoff schedule is deterministic under a seed, exponential and capped', () => {
  const retry = config({ 'retry-wait-seconds': '10', 'retry-max-wait-seconds': '60' }).retry;
  const schedule = (seed: number) => {
    const random = seededRandom(seed);
    return [1, 2, 3, 4, 5].map((n) => backoffMs(n, false, retry, random));
  };
  expect(schedule(42)).toEqual(schedule(42));
  expect(schedule(42)).not.toEqual(schedule(7));
  // Full jitter: each wait lies in [0, min(cap, base * 2^(n-1))].
  const caps = [10_000, 20_000, 40_000, 60_000, 60_000];
  for (const seed of [1, 2, 3, 42])
    schedule(seed).forEach((ms, i) => expect(ms).toBeLessThanOrEqual(caps[i]));
  // The upper bounds are reached by a random source at its top.
  expect([1, 2, 3, 4].map((n) => backoffMs(n, false, retry, () => 1))).toEqual([
    10_000, 20_000, 40_000, 60_000,
  ]);
});

test('a registry rate limit waits longer and never retries at once', () => {
  const retry = config({ 'retry-wait-seconds': '10', 'retry-max-wait-seconds': '120' }).retry;
  expect(backoffMs(1, true, retry, () => 0)).toBe(20_000);
  expect(backoffMs(1, true, retry, () => 1)).toBe(40_000);
  expect(backoffMs(3, true, retry, () => 0)).toBe(60_000);
});

test('retry decisions: deterministic never, transient until max-attempts, crash once by default', () => {
  const retry = config().retry;
  const step = { category: 'step' as const, retryable: false, reason: 'a build step exited non-zero' };
  const transport = { category: 'transport' as const, retryable: true, reason: 'lost' };
  const crash = { category: 'crash' as const, retryable: true, reason: 'panic' };
  expect(decide(step, 1, 0, retry).retry).toBe(false);
  expect(decide(transport, 1, 0, retry).retry).toBe(true);
  expect(decide(transport, 3, 0, retry)).toEqual({ retry: false, why: 'no attempts left (max-attempts 3)' });
  expect(decide(crash, 1, 1, retry).retry).toBe(true);
  expect(decide(crash, 2, 2, retry).retry).toBe(false);
  expect(decide(crash, 2, 2, config({ 'max-crash-retries': '2' }).retry).retry).toBe(true);
});

test('build argv maps build-push-action inputs flag for flag, with no shell string', () => {
  const c = config({
    context: 'app',
    file: 'app/Dockerfile.ci',
    tags: 'r/app:1,r/app:latest',
    'build-args': 'A=1,2\nB=x y',
    platforms: 'linux/amd64,linux/arm64',
    push: 'true',
    'cache-from': 'type=gha',
    'cache-to': 'type=gha,mode=max',
    'no-cache-filters': 'base',
    provenance: 'mode=max',
    allow: 'network.host',
  });
  const { args, env } = buildCommand(
    c.build,
    {
      builder: 'b',
      metadataFile: '/m.json',
      iidFile: '/iid',
      secretSpecs: ['id=s,src=/f'],
    },
    {
      ACTIONS_RUNTIME_TOKEN: 'rt',
      ACTIONS_CACHE_URL: 'http://127.0.0.1:1/',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id',
    },
  );
  // Build-arg values go through the environment; the type=gha cache gets the cache grant, nothing else.
  expect(env).toEqual({
    A: '1,2',
    B: 'x y',
    ACTIONS_RUNTIME_TOKEN: 'rt',
    ACTIONS_CACHE_URL: 'http://127.0.0.1:1/',
  });
  expect(args).toEqual([
    'build',
    '--builder',
    'b',
    '--progress=rawjson',
    '--metadata-file',
    '/m.json',
    '--iidfile',
    '/iid',
    '--file',
    'app/Dockerfile.ci',
    '--tag',
    'r/app:1',
    '--tag',
    'r/app:latest',
    '--platform',
    'linux/amd64,linux/arm64',
    '--push',
    '--build-arg',
    'A',
    '--build-arg',
    'B',
    '--secret',
    'id=s,src=/f',
    '--cache-from',
    'type=gha',
    '--cache-to',
    'type=gha,mode=max',
    '--no-cache-filter',
    'base',
    '--allow',
    'network.host',
    '--provenance=mode=max',
    'app',
  ]);
});

test('bad retry and build inputs are one sentence each', () => {
  expect(() => config({ 'retry-patterns': '(' })).toThrow(
    /^Input 'retry-patterns' has an invalid regular expression '\('/,
  );
  // Catastrophic shapes are refused when the inputs are read (issue 27, item 8), in one sentence.
  for (const bad of ['(a+)+$', '(x|xy)*z', '\\s*.*\\s*$', '(\\w)\\1'])
    expect(() => config({ 'retry-patterns': bad })).toThrow(
      /^Input 'retry-patterns' has a regular expression whose matching can take exponential or polynomial time, '.*' \([a-z ]+\): rewrite it [^\n]*\.$/,
    );
  expect(config({ 'retry-patterns': 'corporate proxy\nETIMEDOUT.*registry' }).retry.patterns).toHaveLength(2);
  expect(() => config({ 'retry-wait-seconds': '30', 'retry-max-wait-seconds': '10' })).toThrow(
    "Input 'retry-max-wait-seconds' (10) must not be below 'retry-wait-seconds' (30).",
  );
  expect(() => config({ secrets: 'novalue' })).toThrow(
    "Each line of input 'secrets' must be KEY=value; got line 1.",
  );
  expect(() => config({ call: 'explode' })).toThrow(
    /^Input 'call' must be one of build, check, outline, targets/,
  );
});

test('docs/retry.md publishes every classifier pattern', () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'retry.md'), 'utf8');
  for (const rule of ERROR_PATTERNS) expect(doc).toContain(rule.pattern.source.replace(/\|/g, '\\|'));
});

test('--iidfile only with exporters that accept it', async () => {
  const { takesImageIdFile } = await import('../../../src/attempts/args.js');
  expect(takesImageIdFile([])).toBe(true);
  expect(takesImageIdFile(['type=image,name=r/x:1,push=true'])).toBe(true);
  expect(takesImageIdFile(['type=docker'])).toBe(true);
  expect(takesImageIdFile(['type=local,dest=out'])).toBe(false);
  expect(takesImageIdFile(['dest=out.tar,type=tar'])).toBe(false);
  expect(takesImageIdFile(['./out'])).toBe(false);
  expect(takesImageIdFile(['-'])).toBe(false);
});

test("a registry's Retry-After (on its 429/503 line) is honoured, capped by retry-max-wait-seconds", async () => {
  const { retryAfterSeconds, waitBeforeRetry, seededRandom } = await import('../../../src/attempts/retry.js');
  expect(retryAfterSeconds('429 Too Many Requests (Retry-After: 30)')).toBe(30);
  expect(retryAfterSeconds('toomanyrequests: retry after 7s')).toBe(7);
  expect(retryAfterSeconds('429 Too Many Requests')).toBeUndefined();
  const cfg = {
    maxAttempts: 3,
    waitSeconds: 1,
    maxWaitSeconds: 20,
    attemptTimeoutMinutes: 0,
    stallTimeoutSeconds: 0,
    patterns: [],
    maxCrashRetries: 1,
  };
  expect(waitBeforeRetry(1, '429 Too Many Requests (Retry-After: 12)', true, cfg, seededRandom(1))).toBe(
    12_000,
  );
  expect(waitBeforeRetry(1, '429 Too Many Requests (Retry-After: 600)', true, cfg, seededRandom(1))).toBe(
    20_000,
  );
  expect(waitBeforeRetry(1, '503 Service Unavailable', false, cfg, seededRandom(1))).toBeLessThanOrEqual(
    1_000,
  );
});
