// The operation a failure belongs to: what BuildKit was doing when it failed. The same cause means
// different things in different operations (`not found` while loading an image's metadata is a
// missing image, while computing a COPY's cache key a missing file, while exporting to the GitHub
// Actions cache an evicted entry). Pure, linear: every pattern is anchored or bounded.
//
// Where it comes from, most certain first: the failing vertex's name (a structured hint from the
// trace or the build record, or the `#N <name>` header the failure text starts with), the failure
// summary's `> <name>:` header, the chain's own words (`failed to push`, `failed to resolve source
// metadata`, …, the outermost one), and the image reference BuildKit puts before a resolve error
// (`node:18: failed to …`, `ghcr.io/o/x:1: not found`).

export const OPERATIONS = [
  'builder',
  'session',
  'dockerfile',
  'context',
  'resolve-image',
  'cache-import',
  'step',
  'copy',
  'push',
  'cache-export',
  'none',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** What each operation is, in words (docs/retry.md). */
export const OPERATION_TEXT: Record<Operation, string> = {
  builder: 'the builder coming up: `booting buildkit`, `waiting for connection` (a remote node)',
  session: 'buildx’s connection to BuildKit: the status stream, listing workers',
  dockerfile: 'loading and parsing the Dockerfile (`load build definition`, `failed to read dockerfile`)',
  context: 'sending the build context (`transferring context`, `load .dockerignore`, `error from sender`)',
  'resolve-image':
    'resolving or pulling an image (`load metadata for`, `failed to resolve source metadata`, `FROM`)',
  'cache-import': 'importing a cache (`importing cache manifest`)',
  step: 'a `RUN` step',
  copy: 'a `COPY`/`ADD` step and its cache key (`failed to compute cache key`, `failed to calculate checksum`)',
  push: 'exporting the image: `exporting to image`, `pushing layers`, `failed to push`, a PUT/POST to a registry',
  'cache-export':
    'exporting the cache: `exporting cache`, `exporting to GitHub Actions Cache`, `failed to export cache`',
  none: 'nothing names the operation',
};

/** A vertex name → its operation (anchored: a RUN's command cannot make itself another operation). */
const VERTEX: readonly (readonly [Operation, RegExp])[] = [
  ['step', /^\[[^\]\n]{0,200}\] RUN\b|^RUN\b/],
  ['copy', /^\[[^\]\n]{0,200}\] (?:COPY|ADD)\b|^(?:COPY|ADD)\b/],
  ['resolve-image', /^\[internal\] load metadata for |^resolve image config for |^\[[^\]\n]{0,200}\] FROM /],
  ['dockerfile', /^\[internal\] load build definition\b/],
  ['context', /^\[internal\] load (?:build context|\.dockerignore)\b|^transferring context\b/],
  ['cache-import', /^importing cache manifest\b/],
  [
    'cache-export',
    /^(?:\[[^\]\n]{0,200}\] )?(?:exporting cache\b|exporting to GitHub Actions Cache\b|preparing build cache for export\b|sending cache export\b|writing cache manifest\b)/,
  ],
  [
    'push',
    /^(?:\[[^\]\n]{0,200}\] )?(?:exporting to (?:image|oci image format|docker image format)\b|pushing (?:layers|manifest)\b|exporting (?:layers|manifest|config)\b)/,
  ],
  ['builder', /^(?:\[internal\] )?(?:booting buildkit|waiting for connection)\b/],
];

/** Words of the chain that name an operation; the outermost one that matches wins. */
const CHAIN: readonly (readonly [Operation, RegExp])[] = [
  [
    'session',
    /failed to (?:receive|get) status\b|failed to list workers|listing workers|failed to dial gRPC/,
  ],
  ['dockerfile', /failed to read dockerfile|dockerfile parse error|failed to create LLB definition/i],
  ['context', /\berror from sender\b|\btransferring context\b/],
  [
    'resolve-image',
    /failed to resolve source metadata|pulling from host \S{1,255} failed|failed to load cache key/,
  ],
  ['cache-import', /importing cache manifest|failed to configure \w{1,20} cache importer/],
  ['copy', /failed to compute cache key|failed to calculate checksum of ref/],
  ['cache-export', /failed to export cache|error writing (?:layer|manifest) blob|exporting cache\b/],
  ['push', /failed to push\b|\b(?:PUT|POST|PATCH) request to /],
];

/**
 * The image reference BuildKit puts before an error about that image (the frontend's resolve, and
 * imagetools): `nodee:18: failed to resolve …`, `127.0.0.1:5000/app-src:1: not found`. A tag or a
 * digest is required, so `exit code: 1` and `Canceled: …` are not references.
 */
const IMAGE_PREFIX =
  /(?:^|: )[\w.-]{1,255}(?::\d{1,5})?(?:\/[\w./-]{1,255})?(?::[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64}): /;

/** The operation a vertex name says, if it says one. */
export function vertexOperation(name: string): Operation | undefined {
  const n = name.slice(0, 300);
  return VERTEX.find(([, re]) => re.test(n))?.[0];
}

/** The operation the chain's words say (the outermost), or the image prefix's, if any. */
export function chainOperation(chain: string): Operation | undefined {
  let best: { op: Operation; at: number } | undefined;
  for (const [op, re] of CHAIN) {
    const at = chain.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { op, at };
  }
  if (best) return best.op;
  return IMAGE_PREFIX.test(chain) ? 'resolve-image' : undefined;
}
