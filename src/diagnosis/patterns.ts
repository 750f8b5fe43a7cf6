// Every error pattern the project knows, defined once: its category (hence retryability), the reason
// in words and the remedy. The classifier walks ERROR_PATTERNS in order (first match wins), the
// findings rules and the retry backoff look patterns up by id, and docs/retry.md lists them.
import type { Category } from './categories.js';

/** The categories a failing step's own output may decide: what made it fail. Never retried. */
export type StepCause = Extract<Category, 'resource' | 'platform'>;

interface PatternBase {
  id: string;
  pattern: RegExp;
  reason: string;
  remedy?: string;
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
 * In order of precedence. The order is the design: a resource limit wins over the message it hides
 * in (`no space left on device` inside `failed to read dockerfile`), the platform wins over the step
 * that exposed it, a step's own failure wins over anything its output says, and the broad transport
 * and registry families come last.
 */
export const ERROR_PATTERNS: readonly ErrorPattern[] = [
  {
    id: 'status-stream-lost',
    category: 'transport',
    scope: 'error',
    reason: 'the status stream from BuildKit broke (failed to receive status)',
    pattern:
      /failed to (?:receive|get) status: rpc error: code = (?:Unavailable|Canceled|DeadlineExceeded|Internal)/,
    remedy: 'retried automatically; if it repeats, check the network between the runner and the nodes',
  },
  {
    id: 'cancelled',
    category: 'cancelled',
    scope: 'error',
    reason: 'the build was cancelled (the job was cancelled or timed out)',
    pattern:
      /\bCanceled: (?:context canceled|grpc: the client connection is closing)|\boperation was canceled\b/,
    remedy: 'raise the job timeout (timeout-minutes) if the build needs longer',
  },
  {
    id: 'disk-full',
    category: 'resource',
    scope: 'error',
    reason: 'the disk of the builder is full (no space left on device)',
    pattern: /no space left on device|disk quota exceeded/i,
    remedy:
      'free disk space on the runner or node (docker builder prune, remove unused images), or use a larger disk',
  },
  {
    id: 'out-of-memory',
    category: 'resource',
    scope: 'step',
    reason: 'a step ran out of memory (killed, exit code 137)',
    pattern:
      /^(?=[\s\S]*\bexit code:? 137\b)(?=[\s\S]*\bKilled\b)|\bOOMKilled\b|cannot allocate memory|fatal error: runtime: out of memory/,
    remedy: 'give the build more memory (a larger runner or node), or lower the step’s parallelism',
  },
  {
    id: 'exec-format',
    category: 'platform',
    scope: 'step',
    reason: 'a binary for another architecture was run (exec format error)',
    pattern: EXEC_FORMAT,
    remedy:
      'install QEMU (docker/setup-qemu-action), add a native node for that platform (nodes input), or fetch the binary for TARGETARCH',
  },
  {
    id: 'platform-not-in-manifest',
    category: 'platform',
    scope: 'error',
    reason: 'the base image has no variant for the requested platform',
    pattern: /no match for platform in manifest|no matching manifest for/,
    remedy: 'pick a base image published for every platform in `platforms`, or drop that platform',
  },
  {
    id: 'docker-driver-multi-platform',
    category: 'platform',
    scope: 'error',
    reason: 'the docker driver cannot build several platforms at once',
    pattern: /multiple platforms feature is currently not supported for docker driver/i,
    remedy: 'use the docker-container or remote driver (driver input), or the containerd image store',
  },
  {
    id: 'step-failed',
    category: 'step',
    scope: 'error',
    reason: 'a build step exited non-zero',
    pattern:
      /process "…" did not complete successfully|executor failed running \[|did not complete successfully: exit code: \d+|returned a non-zero code: \d+/,
  },
  {
    id: 'dockerfile',
    category: 'dockerfile',
    scope: 'error',
    reason: 'the Dockerfile does not parse or fails a build check',
    pattern:
      /dockerfile parse error|unknown instruction|unterminated heredoc|failed to create LLB definition: (?:dockerfile|syntax)|lint violation|Dockerfile:\d+\D.{0,300}(?:syntax|parse)|base name \(.*\) should not be blank|failed to process ".*": unexpected end of statement|Check complete, \d+ warnings? ha(?:ve|s) been found/i,
    remedy: 'fix the Dockerfile at the line shown',
  },
  {
    // A trap: this reads like a missing file, but it is a context transfer cut short.
    id: 'context-transfer-cut',
    category: 'transport',
    scope: 'error',
    reason: 'the build context transfer to BuildKit was cut short',
    pattern:
      /failed to compute cache key: failed to read expected number of bytes|failed to compute cache key: .*unexpected EOF/,
  },
  {
    id: 'missing-file',
    category: 'missing-file',
    scope: 'error',
    reason: 'a file the build needs is not in the build context',
    pattern:
      /failed to read dockerfile|failed to compute cache key: .*not found|failed to calculate checksum of ref .*not found|lstat .*: no such file or directory|open Dockerfile: no such file or directory|COPY failed: (?:file not found|stat |no source files)|unable to prepare context|Cannot locate specified Dockerfile/,
    remedy: 'check the path against the build context and .dockerignore',
  },
  {
    id: 'message-too-large',
    category: 'resource',
    scope: 'error',
    reason: 'a resource limit of BuildKit was hit (gRPC message size or similar)',
    pattern: /ResourceExhausted|larger than max/,
  },
  {
    id: 'registry-auth',
    category: 'auth',
    scope: 'error',
    reason: 'the registry refused the credentials',
    pattern:
      /failed to authorize|failed to fetch (?:oauth|anonymous) token|\b401 Unauthorized|\b403 Forbidden|unauthorized: |denied: |requested access to the resource is denied|authentication required|insufficient_scope/i,
    remedy:
      'log in before the build (docker/login-action) with a token that can pull and push this repository; pull requests from forks get no secrets',
  },
  {
    // After auth: a registry that hides a private image as "not found" answered 401 first.
    id: 'image-not-found',
    category: 'image-not-found',
    scope: 'error',
    reason: 'an image the build or merge names does not exist (a base image, a merge source)',
    pattern:
      /failed to resolve source metadata for \S+: (?:.*: )?(?:not found|manifest unknown)|\bmanifest unknown\b|^(?:ERROR: )?[\w.-]+(?::\d+)?\/[\w./-]+(?::[\w.-]+|@sha256:[0-9a-f]+)?: not found$|pull access denied|repository does not exist/m,
    remedy: 'check the image name and tag (or digest), and that the job pushed it before this step',
  },
  {
    // After auth: an export the registry refuses is not retried.
    id: 'cache-export',
    category: 'cache-export',
    scope: 'all',
    reason: 'exporting the build cache failed',
    pattern:
      /failed to export cache|error writing (?:layer|manifest) blob|^#\d+ exporting cache\b|cache export.{0,200}(?:timeout|deadline exceeded)/im,
    remedy:
      'add ignore-error=true to cache-to (e.g. type=registry,ref=…,ignore-error=true) so a cache backend hiccup cannot fail the build',
  },
  {
    id: 'crash',
    category: 'crash',
    scope: 'all',
    reason: 'buildx or BuildKit crashed',
    pattern: /^panic: |^fatal error: |^goroutine \d+ \[(?:running|syscall)/m,
    remedy: 'retried once (max-crash-retries); see the known-crash finding for a fixed release',
  },
  {
    id: 'connection-lost',
    category: 'transport',
    scope: 'error',
    reason: 'the connection between buildx and BuildKit was lost',
    pattern:
      /code = Unavailable|\bUnavailable: |error reading from server|transport is closing|graceful_stop|GOAWAY|timed out waiting for server handshake|DeadlineExceeded|connection error: desc|failed to dial gRPC|listing workers.*(?:EOF|closed)|closing transport|remote error: tls: internal error/,
  },
  {
    // A registry on filesystem storage writes its link files in place: while the same content is
    // being pushed elsewhere (a merge into two repositories, parallel pushes), a manifest PUT can
    // meet an empty link and is refused. Measured on the test bed: 13 of 120 concurrent merges; every
    // retry succeeded. Any 400 on a manifest PUT whose error list names an unknown blob is retried:
    // the retry also uploads a blob that is really missing. buildx prints the list after the line.
    id: 'registry-manifest-blob-unknown',
    category: 'registry',
    scope: 'all',
    reason: 'the registry refused a manifest because a blob it references was not (yet) there',
    pattern:
      /^(?=[\s\S]*?PUT request to \S+\/manifests\/\S+: 400 Bad Request)(?=[\s\S]*?(?:blob unknown to registry|MANIFEST_BLOB_UNKNOWN))|(?:^|\n)(?:errors:\s*)?manifest blob unknown: /,
    remedy:
      'retried; if it recurs, push to this registry one job at a time (a self-hosted registry on filesystem storage can answer a manifest before a blob pushed at the same moment is linked: distribution/distribution#4489)',
  },
  {
    id: 'registry-rate-limit',
    category: 'registry',
    scope: 'error',
    reason: 'the registry rate-limited the build (429)',
    pattern: REGISTRY_RATE_LIMIT,
    remedy:
      'log in to the registry before the build (docker/login-action) for a higher limit, pull base images through a mirror or cache, and avoid pull/no-cache on every run',
  },
  {
    id: 'registry-io',
    category: 'registry',
    scope: 'error',
    reason: 'registry or network I/O failed (5xx, timeout, reset, cut transfer)',
    pattern:
      /\b50[0234]\b (?:Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)|unexpected status(?: code)?.*\b5\d\d\b|TLS handshake timeout|i\/o timeout|connection reset by peer|connection refused|broken pipe|unexpected EOF|failed to read expected number of bytes|read\/write on closed pipe|cannot reuse body|failed to do request|dial tcp|no such host|server misbehaving|net\/http: request canceled/,
  },
];

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
  what: string;
  fix: string;
  url: string;
}

export const KNOWN_CRASHES: readonly KnownCrash[] = [
  {
    id: 'otel-clienttracer',
    pattern: /otelhttptrace\.\(\*clientTracer\)\.end/,
    what: 'buildx crashed in the OpenTelemetry HTTP tracer (clientTracer.end nil dereference), typically during `imagetools create` or a push',
    fix: 'upgrade buildx to 0.13 or later (docker/setup-buildx-action with version: latest)',
    url: 'https://github.com/docker/buildx/issues/2232',
  },
  {
    id: 'containerd-pushwriter',
    pattern: /pushWriter|remotes\/docker\.\(\*pushWriter\)/,
    what: 'BuildKit crashed in containerd’s pushWriter while pushing',
    fix: 'upgrade BuildKit and buildx to 0.14 or later',
    url: 'https://github.com/moby/buildkit/issues',
  },
  {
    id: 'cdi-fsnotify',
    pattern:
      /fsnotify.*isClosed|container-device-interface\/pkg\/cdi|too many open files.*inotify|inotify.*too many/i,
    what: 'BuildKit crashed in the CDI device watcher (fsnotify) at start-up',
    fix: 'upgrade BuildKit to 0.20.1 or later, or raise the open-file limit (ulimit -n) and fs.inotify.max_user_instances on the host',
    url: 'https://github.com/moby/buildkit/issues/5767',
  },
];
