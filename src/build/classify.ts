// Error text of a failed build → { category, retryable, reason }. Pure; the categories are a stable
// contract shared by the retry loop, the findings and the CLI (docs/retry.md lists every pattern).
//
// Structure first: the final `ERROR:` line decides what failed (a step, the Dockerfile, the context,
// the connection to BuildKit); the log tail is consulted only for what only it shows (a crash trace,
// an exec format error printed by the step).

export const CATEGORIES = [
  'transport',
  'registry',
  'crash',
  'step',
  'dockerfile',
  'missing-file',
  'platform',
  'auth',
  'resource',
  'cancelled',
  'unknown',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Classification {
  category: Category;
  retryable: boolean;
  reason: string;
}

export const RETRYABLE: ReadonlySet<Category> = new Set(['transport', 'registry', 'crash']);

interface Rule {
  category: Category;
  reason: string;
  /** `error`: the final ERROR line(s); `all`: the whole text given (error plus log tail). */
  scope: 'error' | 'all';
  pattern: RegExp;
}

/** In order; the first match wins. */
export const RULES: readonly Rule[] = [
  {
    category: 'transport',
    scope: 'error',
    reason: 'the status stream from BuildKit broke (failed to receive status)',
    pattern:
      /failed to (?:receive|get) status: rpc error: code = (?:Unavailable|Canceled|DeadlineExceeded|Internal)/,
  },
  {
    category: 'platform',
    scope: 'all',
    reason: 'a binary for another architecture was run (exec format error)',
    pattern: /exec format error|exec user process caused/,
  },
  {
    category: 'platform',
    scope: 'error',
    reason: 'the base image has no variant for the requested platform',
    pattern: /no match for platform in manifest|no matching manifest for/,
  },
  {
    category: 'step',
    scope: 'error',
    reason: 'a build step exited non-zero',
    pattern:
      /process ".*" did not complete successfully|executor failed running \[|did not complete successfully: exit code: \d+/,
  },
  {
    category: 'dockerfile',
    scope: 'error',
    reason: 'the Dockerfile does not parse or fails a build check',
    pattern:
      /dockerfile parse error|unknown instruction|unterminated heredoc|failed to create LLB definition: (?:dockerfile|syntax)|lint violation|Dockerfile:\d+.*(?:syntax|parse)|base name \(.*\) should not be blank|failed to process ".*": unexpected end of statement/i,
  },
  {
    // A trap: this reads like a missing file, but it is a context transfer cut short.
    category: 'transport',
    scope: 'error',
    reason: 'the build context transfer to BuildKit was cut short',
    pattern:
      /failed to compute cache key: failed to read expected number of bytes|failed to compute cache key: .*unexpected EOF/,
  },
  {
    category: 'missing-file',
    scope: 'error',
    reason: 'a file the build needs is not in the build context',
    pattern:
      /failed to read dockerfile|failed to compute cache key: .*not found|failed to calculate checksum of ref .*not found|lstat .*: no such file or directory|open Dockerfile: no such file or directory/,
  },
  {
    category: 'resource',
    scope: 'error',
    reason: 'a resource limit was hit (message size, disk or memory)',
    pattern:
      /ResourceExhausted|larger than max|no space left on device|cannot allocate memory|out of memory|OOMKilled/,
  },
  {
    category: 'auth',
    scope: 'error',
    reason: 'the registry refused the credentials',
    pattern:
      /failed to authorize|failed to fetch (?:oauth|anonymous) token|\b401 Unauthorized|\b403 Forbidden|unauthorized: |denied: |requested access to the resource is denied|authentication required|insufficient_scope/i,
  },
  {
    category: 'crash',
    scope: 'all',
    reason: 'buildx or BuildKit crashed',
    pattern: /^panic: |^fatal error: |^goroutine \d+ \[(?:running|syscall)/m,
  },
  {
    category: 'transport',
    scope: 'error',
    reason: 'the connection between buildx and BuildKit was lost',
    pattern:
      /code = Unavailable|\bUnavailable: |error reading from server|transport is closing|graceful_stop|GOAWAY|timed out waiting for server handshake|DeadlineExceeded|connection error: desc|failed to dial gRPC|listing workers.*(?:EOF|closed)|closing transport/,
  },
  {
    category: 'registry',
    scope: 'error',
    reason: 'the registry rate-limited the build (429)',
    pattern: /\b429\b|toomanyrequests|Too Many Requests|rate limit/i,
  },
  {
    category: 'registry',
    scope: 'error',
    reason: 'registry or network I/O failed (5xx, timeout, reset)',
    pattern:
      /\b50[0234]\b (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)|unexpected status(?: code)?.*\b5\d\d\b|TLS handshake timeout|i\/o timeout|connection reset by peer|connection refused|unexpected EOF|failed to do request|dial tcp|no such host|server misbehaving|net\/http: request canceled/,
  },
];

/** The final `ERROR:` line(s) of a log, without the prefixes buildx and wrappers add. */
export function errorLines(text: string): string {
  const lines = text.split('\n');
  const errors = lines.filter((l) => /^(?:ERROR|Error|error): /.test(l));
  return errors.length ? errors.slice(-3).join('\n') : text;
}

export function classify(
  text: string,
  opts: { exitCode?: number; cancelled?: boolean; timedOut?: boolean; retryPatterns?: RegExp[] } = {},
): Classification {
  if (opts.cancelled || opts.exitCode === 130) {
    return { category: 'cancelled', retryable: false, reason: 'the build was cancelled' };
  }
  if (opts.timedOut) {
    return { category: 'transport', retryable: true, reason: 'the attempt exceeded attempt-timeout-minutes' };
  }
  const error = errorLines(text);
  const rule = RULES.find((r) => r.pattern.test(r.scope === 'error' ? error : text));
  const base: Classification = rule
    ? { category: rule.category, retryable: RETRYABLE.has(rule.category), reason: rule.reason }
    : { category: 'unknown', retryable: false, reason: 'no known pattern matched the error' };
  const custom = opts.retryPatterns?.find((re) => re.test(text));
  if (custom && !base.retryable) {
    return { ...base, retryable: true, reason: `${base.reason}; matches retry-patterns /${custom.source}/` };
  }
  return base;
}
