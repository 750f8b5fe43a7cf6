// Every cause the project knows, defined once: the words that show it, its tier, the category it
// means when no operation says otherwise (table.ts gives the category by operation), the reason in
// words and the remedy. The reading (reading.ts) finds every cause in a failure's text, and the
// innermost one of the highest tier decides; the findings rules and the retry backoff look causes up
// by id, and docs/retry.md lists them.
import type { Category } from './categories.js';

/** The categories a failing step's own output may decide: what made it fail. Never retried. */
export type StepCause = Extract<Category, 'resource' | 'platform'>;

interface PatternBase {
  id: string;
  pattern: RegExp;
  reason: string;
  remedy?: string;
  /**
   * 1: decisive wherever it appears (a full disk, a step's exit, a parse error, the status stream
   * lost); 2: what a registry or BuildKit answered (401, 404, 429, a gRPC limit); 3: generic network
   * and time-outs, which only say how a request ended. The highest tier present decides, and among
   * causes of one tier the innermost (the one furthest into the chain).
   */
  tier: 1 | 2 | 3;
  /**
   * Words without which the pattern cannot match: at least one of them is in every text it matches
   * (lower case when the pattern ignores case). matchCause looks for them (a literal search) before
   * it runs the regex, which most texts then never reach; a unit test runs every pattern with and
   * without them on every corpus and wild log and asserts the same result.
   */
  needles: readonly string[];
}

/**
 * Scopes (verdict-text.ts): `error`: the final error line(s) of buildx's words; `all`: all of
 * buildx's words (the closing text, the failing step's header without its command); `step`: also the
 * failing step's own output, for a step's cause only (the type allows nothing retryable there, so a
 * step cannot print its way into a retry).
 */
export type ErrorPattern = PatternBase &
  ({ scope: 'error' | 'all'; category: Category } | { scope: 'step'; category: StepCause });

const REGISTRY_RATE_LIMIT = /\b429\b|toomanyrequests|Too Many Requests|rate limit(?:ed| exceeded)?\b/i;
const EXEC_FORMAT = /exec format error|exec user process caused|cannot execute binary file/i;

/**
 * Every cause, tier 1 first. The order only breaks a tie between two causes that end at the same
 * spot of the text (`fatal error: runtime: out of memory` is out of memory before it is a crash).
 */
export const ERROR_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'status-stream-lost',
    needles: ['status: rpc error'],
    category: 'transport',
    scope: 'error',
    tier: 1,
    reason: 'the status stream from BuildKit broke (failed to receive status)',
    pattern:
      /failed to (?:receive|get) status: rpc error: code = (?:Unavailable|Canceled|DeadlineExceeded|Internal)/,
    remedy: 'retried automatically; if it repeats, check the network between the runner and the nodes',
  },
  {
    id: 'cancelled',
    needles: ['Canceled: ', 'operation was canceled'],
    category: 'cancelled',
    scope: 'error',
    tier: 1,
    reason: 'the build was cancelled (the job was cancelled or timed out)',
    pattern:
      /\bCanceled: (?:context canceled|grpc: the client connection is closing)|\boperation was canceled\b/,
    remedy: 'raise the job timeout (timeout-minutes) if the build needs longer',
  },
  {
    // Also when only the failing step's own output says so (`tar: write error: No space left on
    // device`): a step writes to the builder's disk, so a full one is the builder's, not the step's.
    id: 'disk-full',
    needles: ['no space left', 'quota exceeded'],
    category: 'resource',
    scope: 'step',
    tier: 1,
    reason: 'the disk of the builder is full (no space left on device)',
    pattern: /no space left on device|disk quota exceeded/i,
    remedy:
      'free disk space on the runner or node (docker builder prune, remove unused images), or use a larger disk',
  },
  {
    id: 'out-of-memory',
    needles: ['Killed', 'memory'],
    category: 'resource',
    scope: 'step',
    tier: 1,
    reason: 'a step ran out of memory (killed, exit code 137)',
    pattern:
      /^(?=[\s\S]*\b(?:exit code:?|non-zero code:) 137\b)(?=[\s\S]*\bKilled\b)|\bOOMKilled\b|cannot allocate memory|fatal error: runtime: out of memory/,
    remedy: 'give the build more memory (a larger runner or node), or lower the step’s parallelism',
  },
  {
    id: 'exec-format',
    needles: ['exec'],
    category: 'platform',
    scope: 'step',
    tier: 1,
    reason: 'a binary for another architecture was run (exec format error)',
    pattern: EXEC_FORMAT,
    remedy:
      'install QEMU (docker/setup-qemu-action), add a native node for that platform (nodes input), or fetch the binary for TARGETARCH',
  },
  {
    id: 'platform-not-in-manifest',
    needles: ['no match'],
    category: 'platform',
    scope: 'error',
    tier: 1,
    reason: 'the base image has no variant for the requested platform',
    pattern: /no match for platform in manifest|no matching manifest for/,
    remedy: 'pick a base image published for every platform in `platforms`, or drop that platform',
  },
  {
    // buildx before 0.13 and after it word this differently.
    id: 'docker-driver-multi-platform',
    needles: ['docker driver'],
    category: 'platform',
    scope: 'error',
    tier: 1,
    reason: 'the docker driver cannot build several platforms at once',
    pattern:
      /multiple platforms feature is currently not supported for docker driver|multi-platform build is not supported for the docker driver/i,
    remedy: 'use the docker-container or remote driver (driver input), or the containerd image store',
  },
  {
    id: 'step-failed',
    needles: ['did not complete', 'executor failed', 'non-zero code'],
    category: 'step',
    scope: 'error',
    tier: 1,
    reason: 'a build step exited non-zero',
    pattern:
      /process "…" did not complete successfully|executor failed running \[|did not complete successfully: exit code: \d+|returned a non-zero code: \d+/,
  },
  {
    id: 'dockerfile',
    needles: [
      'dockerfile',
      'instruction',
      'heredoc',
      'llb definition',
      'lint violation',
      'base name',
      'end of statement',
      'check complete',
      'source image',
    ],
    category: 'dockerfile',
    scope: 'error',
    tier: 1,
    reason: 'the Dockerfile does not parse or fails a build check',
    pattern:
      /dockerfile parse error|unknown instruction|unterminated heredoc|failed to create LLB definition: (?:dockerfile|syntax)|lint violation|Dockerfile:\d+\D.{0,300}(?:syntax|parse)|base name \(.*\) should not be blank|failed to process ".*": unexpected end of statement|Check complete, \d+ warnings? ha(?:ve|s) been found|Please provide a source image with `from` prior to commit/i,
    remedy: 'fix the Dockerfile at the line shown',
  },
  {
    // A trap: this reads like a missing file, but it is a context transfer cut short.
    id: 'context-transfer-cut',
    needles: ['failed to compute cache key'],
    category: 'transport',
    scope: 'error',
    tier: 1,
    reason: 'the build context transfer to BuildKit was cut short',
    pattern:
      /failed to compute cache key: failed to read expected number of bytes|failed to compute cache key: .*unexpected EOF/,
  },
  {
    id: 'crash',
    needles: ['panic: ', 'fatal error: ', 'goroutine '],
    category: 'crash',
    scope: 'all',
    tier: 1,
    reason: 'buildx or BuildKit crashed',
    pattern: /^panic: |^fatal error: |^goroutine \d+ \[(?:running|syscall)/m,
    remedy: 'retried once (max-crash-retries); see the known-crash finding for a fixed release',
  },
  {
    // Docker Hub answers a repository that does not exist as if it were private.
    id: 'repository-missing',
    needles: ['pull access denied', 'repository does not exist'],
    category: 'image-not-found',
    scope: 'error',
    tier: 1,
    reason: 'an image the build names does not exist (or is private to another account)',
    pattern: /pull access denied|repository does not exist/,
    remedy: 'check the image name and tag (or digest); log in first if it is private',
  },
  {
    // RFC 6750: the registry refused the token itself (expired, revoked, malformed). Decisive, unlike
    // `insufficient_scope`, which Docker Hub also answers for a repository that does not exist.
    id: 'token-refused',
    needles: ['invalid_token'],
    category: 'auth',
    scope: 'error',
    tier: 1,
    reason: 'the registry refused the token (invalid_token)',
    pattern: /\binvalid_token\b/,
    remedy:
      'log in again before the build (docker/login-action) with a token that has not expired or been revoked',
  },
  {
    // The docker CLI's credential helper failed (not installed, misconfigured in config.json): the
    // registry was never asked, so whatever follows in the chain (`executable file not found`) is the
    // helper's, not the image's.
    id: 'credential-helper',
    needles: ['error getting credentials'],
    category: 'auth',
    scope: 'error',
    tier: 1,
    reason: 'the docker credential helper failed (error getting credentials)',
    pattern: /\berror getting credentials\b/,
    remedy:
      'fix the credsStore / credHelpers entry of ~/.docker/config.json (install that docker-credential-* helper, or remove the entry), then log in again',
  },
  {
    id: 'message-too-large',
    needles: ['ResourceExhausted', 'larger than max'],
    category: 'resource',
    scope: 'error',
    tier: 2,
    reason: 'a resource limit of BuildKit was hit (gRPC message size or similar)',
    pattern: /ResourceExhausted|larger than max/,
  },
  {
    id: 'registry-auth',
    needles: ['auth', 'forbidden', 'denied', 'insufficient_scope'],
    category: 'auth',
    scope: 'error',
    tier: 2,
    reason: 'the registry refused the credentials',
    pattern:
      /\b401 Unauthorized|\b403 Forbidden|\bauthorization status: 40[13]\b|\bauthorization failed\b|\bunauthorized: |\bdenied: |requested access to the resource is denied|authentication required|insufficient_scope/i,
    remedy:
      'log in before the build (docker/login-action) with a token that can pull and push this repository; pull requests from forks get no secrets',
  },
  {
    id: 'manifest-unknown',
    needles: ['manifest unknown'],
    category: 'image-not-found',
    scope: 'error',
    tier: 2,
    reason: 'an image the build or merge names does not exist (a base image, a merge source)',
    pattern: /\bmanifest unknown\b/,
    remedy: 'check the image name and tag (or digest), and that the job pushed it before this step',
  },
  {
    id: 'missing-path',
    // `stat <path>: no such file or directory` is buildx reading a local path it was given (a
    // --secret or --ssh source, a context); `failed to read dockerfile: read <path>: is a directory`
    // is a Dockerfile path that names a folder.
    needles: ['no such file', 'COPY failed', 'prepare context', 'Cannot locate', 'is a directory'],
    category: 'missing-file',
    scope: 'error',
    tier: 2,
    reason: 'a file the build needs is not in the build context',
    pattern:
      /\bl?stat .{0,300}: no such file or directory|open \S{0,300}Dockerfile: no such file or directory|failed to read dockerfile: read \S{0,300}: is a directory|COPY failed: (?:file not found|stat |no source files)|unable to prepare context|Cannot locate specified Dockerfile/,
    remedy: 'check the path against the build context and .dockerignore',
  },
  {
    // BuildKit's content store has no blob a cache record points to: a remote cache entry (the
    // GitHub Actions cache evicts them) went away between the import and its use. A rerun re-fetches.
    id: 'blob-missing',
    needles: ['blob sha256:'],
    category: 'cache-export',
    scope: 'error',
    tier: 2,
    reason: 'a blob the build cache refers to is gone (a cache entry was evicted)',
    pattern: /\bblob sha256:[0-9a-f]{64} not found\b/,
    remedy:
      'retried; add ignore-error=true to cache-to, and keep the cache scope small enough not to be evicted mid-build',
  },
  {
    // What `not found` means depends on what was looked for: the operation says (table.ts).
    id: 'not-found',
    needles: ['found', 'no such file'],
    category: 'unknown',
    scope: 'error',
    tier: 2,
    reason: 'something the build looked for was not found',
    pattern: /\bnot[ _]found\b|\b404 Not Found\b|\bno such file or directory\b/i,
  },
  {
    // A registry on filesystem storage writes its link files in place: while the same content is
    // being pushed elsewhere (a merge into two repositories, parallel pushes), a manifest PUT can
    // meet an empty link and is refused. Measured on the test bed: 13 of 120 concurrent merges; every
    // retry succeeded. Any 400 on a manifest PUT whose error list names an unknown blob is retried:
    // the retry also uploads a blob that is really missing. buildx prints the list after the line.
    id: 'registry-manifest-blob-unknown',
    needles: ['PUT request', 'manifest blob unknown'],
    category: 'registry',
    scope: 'all',
    tier: 2,
    reason: 'the registry refused a manifest because a blob it references was not (yet) there',
    pattern:
      /^(?=[\s\S]*?PUT request to \S+\/manifests\/\S+: 400 Bad Request)(?=[\s\S]*?(?:blob unknown to registry|MANIFEST_BLOB_UNKNOWN))|(?:^|\n)(?:errors:\s*)?manifest blob unknown: /,
    remedy:
      'retried; if it recurs, push to this registry one job at a time (a self-hosted registry on filesystem storage can answer a manifest before a blob pushed at the same moment is linked: distribution/distribution#4489)',
  },
  {
    id: 'registry-rate-limit',
    needles: ['429', 'many', 'rate limit'],
    category: 'registry',
    scope: 'error',
    tier: 2,
    reason: 'the registry rate-limited the build (429)',
    pattern: REGISTRY_RATE_LIMIT,
    remedy:
      'log in to the registry before the build (docker/login-action) for a higher limit, pull base images through a mirror or cache, and avoid pull/no-cache on every run',
  },
  {
    // The gRPC connection between buildx and BuildKit, not a registry's.
    id: 'connection-lost',
    needles: [
      'Unavailable',
      'server',
      'transport',
      'connection error',
      'gRPC',
      'workers',
      'graceful_stop',
      'GOAWAY',
      'internal error',
    ],
    category: 'transport',
    scope: 'error',
    tier: 2,
    reason: 'the connection between buildx and BuildKit was lost',
    pattern:
      /code = Unavailable|\bUnavailable: |error reading from server|transport is closing|graceful_stop|GOAWAY|timed out waiting for server handshake|connection error: desc|failed to dial gRPC|listing workers.*(?:EOF|closed)|closing transport|remote error: tls: internal error/,
  },
  {
    // A time-out says how a request ended, not which: the operation (or an inner cause) says.
    id: 'deadline',
    needles: ['DeadlineExceeded', 'deadline exceeded'],
    category: 'transport',
    scope: 'error',
    tier: 3,
    reason: 'a request to BuildKit or a registry ran out of time (deadline exceeded)',
    pattern: /DeadlineExceeded|context deadline exceeded/,
  },
  {
    id: 'registry-io',
    needles: [
      'Internal Server Error',
      'Gateway',
      'Service Unavailable',
      'unexpected ',
      'timeout',
      'connection ',
      'pipe',
      'failed to read expected',
      'reuse body',
      'failed to do request',
      'dial tcp',
      'no such host',
      'misbehaving',
      'request canceled',
    ],
    category: 'registry',
    scope: 'error',
    tier: 3,
    reason: 'registry or network I/O failed (5xx, timeout, reset, cut transfer)',
    pattern:
      /\b50[0234]\b (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)|unexpected status(?: code)?.*\b5\d\d\b|TLS handshake timeout|i\/o timeout|connection timed out|connection reset by peer|connection refused|broken pipe|unexpected EOF|failed to read expected number of bytes|read\/write on closed pipe|cannot reuse body|failed to do request|dial tcp|no such host|server misbehaving|net\/http: request canceled/,
  },
];

/**
 * A text causes are looked for in, with what the prefilter reads from it, each made once when first
 * needed: the text in lower case, and which pairs of adjacent characters it holds (bit 5 set, so ASCII letters
 * folded to lower case, hashed into 1024 bits: one pass over the text). `within` is a text that holds
 * every pair of adjacent characters this one does (the step view holds the own view's lines): its
 * bits then serve both, a superset that can only let more texts through to the literal search.
 */
export class CauseText {
  #folded: string | undefined;
  #pairs: number[] | undefined;
  constructor(
    readonly text: string,
    private readonly within?: CauseText,
  ) {}
  get folded(): string {
    return (this.#folded ??= this.text.toLowerCase());
  }
  get pairs(): number[] {
    return (this.#pairs ??= this.within ? this.within.pairs : pairsOf(this.text));
  }
}

// Folding: bit 5 set, so ASCII letters pair as lower case (other characters may collide with each
// other: a superset of pairs, which only lets more texts through to the literal search).
const pairHash = (a: number, b: number): number => ((a | 32) * 31 + (b | 32)) & 1023;

/**
 * 1024 bits in 64 words of 16 (small integers: no heap numbers; a literal, so the array is packed
 * from the start). One pass over the text, the hash inline.
 */
function pairsOf(text: string): number[] {
  // prettier-ignore
  const bits = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  ];
  const n = text.length;
  let prev = text.charCodeAt(0) | 32;
  for (let i = 1; i < n; i++) {
    const c = text.charCodeAt(i) | 32;
    const h = (prev * 31 + c) & 1023;
    bits[h >>> 4] |= 1 << (h & 15);
    prev = c;
  }
  return bits;
}

interface Prefilter {
  fold: boolean;
  needles: readonly string[];
  /** Each needle's character pairs, hashed as pairsOf hashes them. */
  pairs: readonly Int32Array[];
}

const PREFILTERS: readonly Prefilter[] = ERROR_PATTERNS.map((p) => ({
  fold: p.pattern.flags.includes('i'),
  needles: p.needles,
  pairs: p.needles.map((n) => {
    const hashes = new Int32Array(n.length - 1);
    for (let i = 1; i < n.length; i++) hashes[i - 1] = pairHash(n.charCodeAt(i - 1), n.charCodeAt(i));
    return hashes;
  }),
}));

/**
 * The match of the i-th cause (ERROR_PATTERNS[i]) in a text, the one way a cause is looked for: none
 * of its needles in the text (first by their character pairs, then by a literal search), no match,
 * without running the regex.
 */
export function matchCauseAt(i: number, t: CauseText): RegExpExecArray | null {
  const f = PREFILTERS[i];
  const bits = t.pairs;
  for (let n = 0; n < f.needles.length; n++) {
    const hashes = f.pairs[n];
    let all = true;
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k];
      if (!(bits[h >>> 4] & (1 << (h & 15)))) {
        all = false;
        break;
      }
    }
    if (all && (f.fold ? t.folded : t.text).includes(f.needles[n]))
      return ERROR_PATTERNS[i].pattern.exec(t.text);
  }
  return null;
}

/** A cause's match in a text (matchCauseAt for one text and one cause). */
export function matchCause(p: ErrorPattern, text: string): RegExpExecArray | null {
  return matchCauseAt(ERROR_PATTERNS.indexOf(p), new CauseText(text));
}

/** Whether the cause's pattern ignores case (its needles are then looked for in the lower-case text). */
export function foldsCase(p: ErrorPattern): boolean {
  return p.pattern.flags.includes('i');
}

/** A pattern by id; throws on a typo so a rule cannot silently look for nothing. */
export function errorPattern(id: string): ErrorPattern {
  const p = ERROR_PATTERNS.find((x) => x.id === id);
  if (!p) throw new Error(`no error pattern '${id}'`);
  return p;
}

/** A crash of buildx or BuildKit seen in the wild, with the release that fixed it or the workaround. */
export interface KnownCrash {
  id: string;
  pattern: RegExp;
  /**
   * Words every match of `pattern` holds (in lower case when it ignores case), checked as a cause's
   * needles are (__tests__/unit/diagnosis/needles.test.ts): crashIn's literal prefilter.
   */
  needles: readonly string[];
  what: string;
  fix: string;
  url: string;
}

export const KNOWN_CRASHES: readonly KnownCrash[] = [
  {
    id: 'otel-clienttracer',
    pattern: /otelhttptrace\.\(\*clientTracer\)\.end/,
    needles: ['otelhttptrace'],
    what: 'buildx crashed in the OpenTelemetry HTTP tracer (clientTracer.end nil dereference), typically during `imagetools create` or a push',
    fix: 'upgrade buildx to 0.13 or later (docker/setup-buildx-action with version: latest)',
    url: 'https://github.com/docker/buildx/issues/2232',
  },
  {
    id: 'containerd-pushwriter',
    pattern: /pushWriter|remotes\/docker\.\(\*pushWriter\)/,
    needles: ['pushWriter'],
    what: 'BuildKit crashed in containerd’s pushWriter while pushing',
    fix: 'upgrade BuildKit and buildx to 0.14 or later',
    url: 'https://github.com/moby/buildkit/issues',
  },
  {
    id: 'cdi-fsnotify',
    pattern:
      /fsnotify.*isClosed|container-device-interface\/pkg\/cdi|too many open files.*inotify|inotify.*too many/i,
    needles: ['fsnotify', 'container-device-interface', 'inotify'],
    what: 'BuildKit crashed in the CDI device watcher (fsnotify) at start-up',
    fix: 'upgrade BuildKit to 0.20.1 or later, or raise the open-file limit (ulimit -n) and fs.inotify.max_user_instances on the host',
    url: 'https://github.com/moby/buildkit/issues/5767',
  },
];

/**
 * Whether a known crash is in a text. A crash whose pattern keeps case looks for its needles first
 * (a literal search); one that ignores case runs its pattern alone (lower-casing the whole text to
 * look for its needles costs more than the regex saves).
 */
export function crashIn(k: KnownCrash, text: string): boolean {
  if (!k.pattern.flags.includes('i') && !k.needles.some((n) => text.includes(n))) return false;
  return k.pattern.test(text);
}
