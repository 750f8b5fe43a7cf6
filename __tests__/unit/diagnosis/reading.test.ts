// The structured reading of a failure (issue 24, item 1): the operation × the cause chain, the table
// docs/retry.md prints, and re-joining wrapped lines. Error texts are buildx's and BuildKit's real
// wordings (the chains quoted in public issues), not the corpus samples.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifiedInput } from '../../../src/commands/classify.js';
import { CATEGORIES } from '../../../src/diagnosis/categories.js';
import { classify } from '../../../src/diagnosis/classify.js';
import { catastrophicShape } from '../../../src/config/regex-shape.js';
import { ERROR_PATTERNS } from '../../../src/diagnosis/patterns.js';
import { readFailure, rejoin } from '../../../src/diagnosis/reading.js';
import { reachableCategories, tableMarkdown } from '../../../src/diagnosis/table.js';
import { analyze } from '../../../src/findings/analyze.js';
import { parseTrace } from '../../../src/trace/parser.js';
import { repoRoot } from '../../support/paths.js';

test('docs/retry.md prints the operation × cause table the code uses', () => {
  const doc = readFileSync(join(repoRoot, 'docs', 'retry.md'), 'utf8');
  expect(doc).toContain(tableMarkdown());
});

test('every category but unknown is reachable, and each cause id is unique', () => {
  const ids = ERROR_PATTERNS.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  const reachable = reachableCategories();
  for (const c of CATEGORIES) expect(reachable).toContain(c);
});

test('the causes are listed in tier order (the reading stops at the deciding tier)', () => {
  const tiers = ERROR_PATTERNS.map((p) => p.tier);
  expect(tiers).toEqual([...tiers].sort());
});

test('every cause pattern has a linear shape (the check retry-patterns pass)', () => {
  for (const p of ERROR_PATTERNS)
    expect([p.id, catastrophicShape(p.pattern.source, p.pattern.flags)]).toEqual([p.id, undefined]);
});

// Each of these was misread by the flat first-match list (checked against the previous code).
describe('the operation sets the context, the innermost cause decides', () => {
  test.each([
    [
      'a registry request timing out while an image’s metadata loads is registry, not a lost BuildKit connection',
      'ERROR: failed to solve: DeadlineExceeded: node:18: failed to resolve source metadata for docker.io/library/node:18: failed to do request: Head "https://registry-1.docker.io/v2/library/node/manifests/18": dial tcp 10.0.0.1:443: i/o timeout',
      'resolve-image',
      'registry',
    ],
    [
      'not found while exporting to the GitHub Actions cache is an evicted entry',
      '#16 exporting to GitHub Actions Cache\n#16 sending cache export 14.6s done\nERROR: failed to build: failed to solve: not_found',
      'cache-export',
      'cache-export',
    ],
    [
      'pull access denied while loading metadata is a missing image (Docker Hub answers insufficient_scope)',
      'ERROR: failed to solve: nodd:18: failed to resolve source metadata for docker.io/library/nodd:18: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
      'resolve-image',
      'image-not-found',
    ],
    [
      'a read timing out while computing a COPY’s cache key from a remote cache is registry, not a missing file',
      'ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 1::2: failed to get content: read tcp 10.0.0.2:41000->10.0.0.1:443: read: connection timed out',
      'copy',
      'registry',
    ],
    [
      'newer buildx words the docker driver’s refusal of several platforms differently',
      'ERROR: Multi-platform build is not supported for the docker driver.',
      'none',
      'platform',
    ],
    [
      'a token fetch that times out is the network, not the credentials',
      'ERROR: failed to solve: node:18: failed to authorize: failed to fetch anonymous token: Get "https://auth.docker.io/token?scope=x": dial tcp 10.0.0.1:443: i/o timeout',
      'resolve-image',
      'registry',
    ],
    [
      'a cache export whose vertex error is a time-out is the cache export',
      '#20 exporting to GitHub Actions Cache\n#20 preparing build cache for export 25.2s done\nERROR: failed to build: failed to solve: DeadlineExceeded',
      'cache-export',
      'cache-export',
    ],
    [
      'containerd’s authorization failure on a push is auth',
      '#7 exporting to image\n#7 pushing layers 0.5s done\nERROR: failed to solve: authorization status: 401: authorization failed',
      'push',
      'auth',
    ],
    [
      'the registry refusing the token itself is auth, not a missing image',
      'ERROR: failed to solve: failed to load cache key: pull access denied, repository does not exist or may require authorization: server message: invalid_token: authorization failed',
      'resolve-image',
      'auth',
    ],
    [
      'a builder that does not come up is builder, not transport',
      '#1 [internal] waiting for connection\nERROR: context deadline exceeded',
      'builder',
      'builder',
    ],
    [
      'the legacy builder’s exit code 137 after Killed is out of memory',
      "Killed\nERROR: Service 'x' failed to build: The command '/bin/sh -c make' returned a non-zero code: 137",
      'none',
      'resource',
    ],
  ])('%s', (_name, text, operation, category) => {
    expect({ operation: readFailure(text).operation, category: classify(text).category }).toEqual({
      operation,
      category,
    });
  });

  test('the failing vertex’s own error is the innermost link', () => {
    const text = 'ERROR: failed to solve: DeadlineExceeded';
    expect(classify(text).category).toBe('transport');
    const hints = {
      vertex: 'exporting to GitHub Actions Cache',
      vertexError: 'Post "https://cache.local/twirp/Cache/Get": dial tcp 10.0.0.1:443: i/o timeout',
    };
    const c = classify(text, hints);
    expect(c).toMatchObject({ category: 'cache-export', retryable: true });
    expect(readFailure(text, hints).operation).toBe('cache-export');
    expect(c.remedy).toContain('ignore-error=true');
  });

  test('a specific cause wins over the generic one it holds (both end at the same spot)', () => {
    expect(classify(`ERROR: failed to solve: blob sha256:${'ab'.repeat(32)} not found`)).toMatchObject({
      category: 'cache-export',
      retryable: true,
      pattern: 'blob-missing',
    });
    expect(
      classify('ERROR: failed to evaluate path "/tmp/dist": lstat /tmp/dist: no such file or directory'),
    ).toMatchObject({ category: 'missing-file', pattern: 'missing-path' });
  });

  test('the same cause in two operations: not found', () => {
    const notFound = (op: string) => classify(`${op}\nERROR: failed to solve: not found`).category;
    expect(notFound('#5 [internal] load metadata for docker.io/library/x:1')).toBe('image-not-found');
    expect(notFound('#7 [build 2/3] COPY app /app')).toBe('missing-file');
    expect(notFound('#9 exporting to GitHub Actions Cache')).toBe('cache-export');
    expect(notFound('#9 exporting to image')).toBe('unknown');
  });

  test('a RUN cannot name itself another operation: the vertex patterns are anchored', () => {
    const c = readFailure('ERROR: failed to solve: not found', {
      vertex: '[test 3/3] RUN echo exporting to GitHub Actions Cache failed to push',
    });
    expect(c.operation).toBe('step');
  });
});

describe('re-joining wrapped lines', () => {
  test('tool prefixes come off: timestamps, ##[error], buildx failed with, Python loggers, syslog, gutters', () => {
    expect(
      rejoin(
        [
          '2024-05-01T10:00:00.0000000Z ##[error]buildx failed with: ERROR: failed to solve: x',
          'ERROR:root:ERROR: failed to solve: y',
          '2024-05-01 10:00:00,123 - build - ERROR - ERROR: failed to solve: z',
          'Jun  2 04:51:05 host buildkitd[12]: panic: runtime error',
          '    │ ERROR: failed to build: w',
        ].join('\n'),
      ),
    ).toBe(
      [
        'ERROR: failed to solve: x',
        'ERROR: failed to solve: y',
        'ERROR: failed to solve: z',
        'panic: runtime error',
        'ERROR: failed to build: w',
      ].join('\n'),
    );
  });

  test('a hand-wrapped error line is joined back, and then read whole', () => {
    const text = [
      'ERROR: failed to solve: failed to push ghcr.io/o/x:1: unexpected status from POST request to',
      'https://ghcr.io/v2/o/x/blobs/uploads/: 403',
      'Forbidden',
    ].join('\n');
    expect(rejoin(text).split('\n')).toHaveLength(1);
    expect(classify(text)).toMatchObject({ category: 'auth' });
    expect(readFailure(text).operation).toBe('push');
  });

  test('a record after an error line is not joined to it', () => {
    const text =
      'ERROR: failed to solve: failed to push ghcr.io/o/x:1: some error text\n#5 [2/3] RUN x\n------';
    expect(rejoin(text).split('\n')).toHaveLength(3);
  });

  test('a syslog-wrapped panic of buildkitd is a crash', () => {
    const log = [
      'Jun  2 04:51:05  buildkitd: panic: runtime error: invalid memory address or nil pointer dereference',
      'Jun  2 04:51:05  buildkitd: goroutine 14 [running]:',
    ].join('\n');
    const { text, hints } = classifiedInput(log);
    expect(classify(text, hints)).toMatchObject({ category: 'crash', retryable: true });
  });

  test('a status stream lost under compose (no ERROR prefix) fails the build: never success', () => {
    const log = [
      ' => exporting to image',
      ' => => exporting layers',
      'failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF',
    ].join('\n');
    const a = analyze({ trace: parseTrace(log) });
    expect(a.status).toBe('failed');
    expect(a.failure).toMatchObject({ category: 'transport', retryable: true });
  });
});
