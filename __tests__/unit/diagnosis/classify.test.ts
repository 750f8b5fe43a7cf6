import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classify, errorLines } from '../../../src/build/classify.js';
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
