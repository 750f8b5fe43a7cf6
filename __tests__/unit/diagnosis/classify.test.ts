import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifiedText } from '../../../src/commands/classify.js';
import { CATEGORIES } from '../../../src/diagnosis/categories.js';
import { classify, errorLines } from '../../../src/diagnosis/classify.js';
import { ERROR_PATTERNS } from '../../../src/diagnosis/patterns.js';
import { reachableCategories } from '../../../src/diagnosis/table.js';
import { repoRoot } from '../../support/paths.js';

interface CorpusLine {
  id: string;
  category: string;
  retryable: boolean;
  text: string;
  source: string;
}

// Real buildx error texts from public issues, with their expected category: a copy of the team's
// shared corpus (shared/corpus/buildx-errors.jsonl), kept in the repo so a plain clone can test it.
const corpusPath = join(repoRoot, '__fixtures__', 'corpus', 'buildx-errors.jsonl');
const sharedPath = join(repoRoot, '..', 'shared', 'corpus', 'buildx-errors.jsonl');
const corpus: CorpusLine[] = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

test('the copy of the corpus matches the shared one, where the shared one is beside the repo', () => {
  const shared = existsSync(sharedPath) ? readFileSync(sharedPath, 'utf8') : undefined;
  if (shared !== undefined) expect(readFileSync(corpusPath, 'utf8')).toBe(shared);
  expect(corpus.length).toBeGreaterThan(0);
});

test('the corpus is there and covers every retryable and non-retryable family', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(22);
  expect(new Set(corpus.map((c) => c.category))).toEqual(
    new Set([
      'transport',
      'registry',
      'crash',
      'step',
      'dockerfile',
      'missing-file',
      'platform',
      'auth',
      'resource',
    ]),
  );
});

test.each(corpus.map((c) => [c.id, c] as const))('corpus %s', (_id, c) => {
  const got = classify(c.text);
  expect({ category: got.category, retryable: got.retryable }).toEqual({
    category: c.category,
    retryable: c.retryable,
  });
  expect(got.reason).not.toBe('');
});

describe('structure before substrings', () => {
  test('a truncated context transfer is transport, not a missing file', () => {
    const c = classify(
      'ERROR: failed to solve: failed to compute cache key: failed to read expected number of bytes: unexpected EOF',
    );
    expect(c).toMatchObject({ category: 'transport', retryable: true });
  });

  test('a panic printed by a RUN step is the step failing, not a crash of buildx', () => {
    const log = [
      '#7 0.52 panic: runtime error: index out of range [3] with length 3',
      '#7 0.52 goroutine 1 [running]:',
      'ERROR: failed to build: failed to solve: process "/bin/sh -c go test ./..." did not complete successfully: exit code: 2',
    ].join('\n');
    expect(classify(log)).toMatchObject({ category: 'step', retryable: false });
  });

  test('a step whose log shows exec format error is a platform problem', () => {
    const log = [
      '#6 0.101 /bin/sh: ./tool: exec format error',
      'ERROR: failed to build: failed to solve: process "/bin/sh -c ./tool" did not complete successfully: exit code: 126',
    ].join('\n');
    expect(classify(log)).toMatchObject({ category: 'platform', retryable: false });
  });

  test('a registry 503 "Service Unavailable" is registry, a gRPC Unavailable is transport', () => {
    expect(
      classify('ERROR: failed to solve: unexpected status code https://r/v2/x: 503 Service Unavailable')
        .category,
    ).toBe('registry');
    expect(classify('ERROR: failed to solve: Unavailable: error reading from server: EOF').category).toBe(
      'transport',
    );
  });

  test('the reset fault of the test bed is transport', () => {
    const c = classify(
      'ERROR: failed to build: failed to receive status: rpc error: code = Unavailable desc = error reading from server: connection reset by peer',
    );
    expect(c).toMatchObject({ category: 'transport', retryable: true });
  });

  test('the final ERROR line decides, not earlier vertex errors', () => {
    expect(errorLines('#5 ERROR: x\nsome log\nERROR: failed to solve: y')).toBe('ERROR: failed to solve: y');
  });
});

test('cancellation and timeouts', () => {
  expect(classify('', { exitCode: 130 })).toMatchObject({ category: 'cancelled', retryable: false });
  expect(classify('anything', { timedOut: true })).toMatchObject({ category: 'transport', retryable: true });
});

test('unknown errors are not retried, unless a retry-pattern matches', () => {
  const text = 'ERROR: failed to solve: flaky corporate proxy said no';
  expect(classify(text)).toMatchObject({ category: 'unknown', retryable: false });
  const c = classify(text, { retryPatterns: [/corporate proxy/] });
  expect(c).toMatchObject({ category: 'unknown', retryable: true });
  expect(c.reason).toContain('retry-patterns /corporate proxy/');
});

describe('gaps seen in the wild', () => {
  test.each([
    [
      'ERROR: failed to solve: failed to push ghcr.io/o/r:1: failed to copy: io: read/write on closed pipe',
      'registry',
      true,
    ],
    ['error: failed to solve: failed to copy: cannot reuse body, request must be retried', 'registry', true],
    [
      'ERROR: failed to solve: failed to copy: httpReadSeeker: failed open: failed to read expected number of bytes: unexpected EOF',
      'registry',
      true,
    ],
    ['ERROR: failed to solve: failed to push r/x:1: unexpected EOF', 'registry', true],
    [
      'ERROR: failed to solve: rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: remote error: tls: internal error"',
      'transport',
      true,
    ],
    ['ERROR: failed to list workers: remote error: tls: internal error', 'transport', true],
    ['ERROR: failed to solve: Canceled: context canceled', 'cancelled', false],
    [
      '#5 0.2 /usr/bin/tool: Exec Format Error\nERROR: failed to solve: process "/bin/sh -c /usr/bin/tool" did not complete successfully: exit code: 126',
      'platform',
      false,
    ],
    [
      'ERROR: Multiple platforms feature is currently not supported for docker driver. Please switch to a different driver (eg. "docker buildx create --use")',
      'platform',
      false,
    ],
    ['ERROR: failed to solve: failed to export cache: timeout writing cache', 'cache-export', true],
    ['ERROR: failed to build: failed to solve: error writing layer blob: not_found', 'cache-export', true],
    [
      '#12 exporting cache to registry\nERROR: failed to solve: context deadline exceeded',
      'cache-export',
      true,
    ],
    ['ERROR: failed to solve: rate limit exceeded', 'registry', true],
    // A manifest refused for a blob it names (parallel pushes into one registry, moby/moby#22854).
    [
      'ERROR: failed to solve: failed to push r:5000/x:1: failed commit on ref "manifest-sha256:ab": unexpected status from PUT request to https://r:5000/v2/x/manifests/sha256:ab: 400 Bad Request\nerrors:\nunknown: blob unknown to registry',
      'registry',
      true,
    ],
    ['17a992d2fac2: Pushed\nerrors:\nmanifest blob unknown: blob unknown to registry', 'registry', true],
    // A manifest the registry cannot take (an OCI index on an old registry) is not retried.
    [
      'ERROR: failed commit on ref "index-sha256:ab": unexpected status from PUT request to https://r/v2/x/manifests/1: 400 Bad Request\nerrors:\nmanifest invalid: manifest invalid',
      'unknown',
      false,
    ],
    ['ERROR: 127.0.0.1:5000/app-src:1: not found', 'image-not-found', false],
    [
      'ERROR: failed to solve: nodee:18: failed to resolve source metadata for docker.io/library/nodee:18: docker.io/library/nodee:18: not found',
      'image-not-found',
      false,
    ],
    [
      'ERROR: failed to solve: failed to resolve source metadata for ghcr.io/o/private:1: unexpected status from HEAD request: 401 Unauthorized',
      'auth',
      false,
    ],
  ])('%s', (text, category, retryable) => {
    expect(classify(text)).toMatchObject({ category, retryable });
  });
});

describe('precedence', () => {
  test('no space left on device is resource even inside failed to read dockerfile', () => {
    const c = classify(
      'ERROR: failed to solve: failed to read dockerfile: failed to create temp dir: mkdir /var/lib/docker/tmp/x: no space left on device',
    );
    expect(c).toMatchObject({ category: 'resource', retryable: false, pattern: 'disk-full' });
  });

  // wild3-024 (oracle/crashcart#7): tar in a RUN wrote to the builder's full disk.
  test("a full disk shown only by the failing step's own output is resource, not the step", () => {
    const text =
      '#8 [3/4] RUN tar xf big.tar\n#8 2.1 tar: write error: No space left on device\nERROR: failed to solve: process "/bin/sh -c tar xf big.tar" did not complete successfully: exit code: 2';
    expect(classify(text)).toMatchObject({ category: 'resource', retryable: false, pattern: 'disk-full' });
    expect(classify(text.replace('No space left on device', 'Broken archive'))).toMatchObject({
      category: 'step',
    });
  });

  // wild3-026 (fabiogra/moseca#15): the helper's `executable file not found` is not a missing image.
  test('a credential helper that fails is auth, whatever follows it in the chain', () => {
    const text =
      'ERROR: failed to solve: node:20: failed to resolve source metadata for docker.io/library/node:20: error getting credentials - err: exec: "docker-credential-pass": executable file not found in $PATH, out: ``';
    expect(classify(text)).toMatchObject({
      category: 'auth',
      retryable: false,
      pattern: 'credential-helper',
    });
    expect(classify(text.replace(/error getting credentials - err: exec: /, '')).category).toBe(
      'image-not-found',
    );
  });

  // wild3-021 (docker/buildx#3285), wild3-036 (noahschumacher/weval-nginx-rtmp#1).
  test('a local path buildx was given that is not there, or a Dockerfile path naming a folder, is a missing file', () => {
    expect(
      classify('ERROR: failed to build: failed to stat NPM_TOKEN: stat NPM_TOKEN: no such file or directory'),
    ).toMatchObject({ category: 'missing-file', retryable: false, pattern: 'missing-path' });
    expect(
      classify(
        'failed to solve: failed to read dockerfile: read /var/lib/docker/tmp/buildkit-mount1/app: is a directory',
      ),
    ).toMatchObject({ category: 'missing-file', retryable: false, pattern: 'missing-path' });
  });

  test('exit code 137 with Killed is out of memory, not a failed step', () => {
    const text =
      '#9 [build 4/6] RUN make -j8\n#9 41.3 Killed\nERROR: failed to solve: process "/bin/sh -c make -j8" did not complete successfully: exit code: 137';
    expect(classify(text)).toMatchObject({ category: 'resource', pattern: 'out-of-memory' });
    // Without "Killed", 137 is the step's own exit code.
    expect(classify(text.replace('Killed', 'done'))).toMatchObject({ category: 'step' });
  });

  test('a registry refusing a cache export is auth (not retried), not cache-export', () => {
    expect(
      classify(
        '#12 exporting cache to registry\nERROR: failed to solve: error writing manifest blob: unexpected status from PUT request: 403 Forbidden',
      ).category,
    ).toBe('auth');
  });

  test('connection refused printed by a test step is the step', () => {
    const text =
      '#7 [4/4] RUN npm test\n#7 3.2 Error: connect ECONNREFUSED 127.0.0.1:5432 (connection refused)\nERROR: failed to solve: process "/bin/sh -c npm test" did not complete successfully: exit code: 1';
    expect(classify(text).category).toBe('step');
  });

  test('every category but unknown has a cause or an operation that gives it, and each cause id is unique', () => {
    const ids = ERROR_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    const categories = reachableCategories();
    for (const c of CATEGORIES.filter((x) => x !== 'unknown')) expect(categories).toContain(c);
  });
});

test('the classify command reads a pasted log like analyze does', () => {
  const log = [
    '2023-01-17T12:46:34.0302364Z #27 exporting to image',
    '2023-01-17T12:46:34.0302364Z #27 ERROR: failed to push x: failed to copy: io: read/write on closed pipe',
    '2023-01-17T12:46:35.0000000Z ##[error]buildx failed with: ERROR: failed to solve: failed to push x: failed to copy: io: read/write on closed pipe',
  ].join('\r\n');
  expect(classify(classifiedText(log))).toMatchObject({ category: 'registry', retryable: true });
});
