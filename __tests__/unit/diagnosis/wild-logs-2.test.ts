// The wider corpus of real build logs (issue 24, item 4): the 17 shared samples plus
// __fixtures__/corpus/wild-logs-2 (logs pasted into public issues, each with a human verdict made from
// the whole thread, see its README). Every case runs through `analyze` exactly as wild-logs.test.ts
// does (as `buildx-guard analyze --log <file>`). The test prints the agreement per field and every
// disagreement, and holds two lines: no failed build is reported `success`, and the agreement never
// falls below the floor measured when the corpus was collected (raise FLOOR as the classifier improves;
// the targets are 97/97/92/92 %).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../../../src/findings/analyze.js';
import { readTrace } from '../../../src/trace/read.js';
import { repoRoot } from '../../support/paths.js';
import { CATEGORIES as CATEGORY_LIST } from '../../../src/diagnosis/categories.js';

interface Verdict {
  id: string;
  source: string;
  log: string;
  status: 'failed' | 'success';
  category: string | null;
  retryable: boolean;
  line?: number;
  buildx?: string | null;
  operation?: string;
  evidence?: string;
}

/**
 * Agreement floors in percent, measured when the corpus was committed (103 cases: status 99/103,
 * retryable 90/99, category 69/99, line 6/6), raised with the operation × cause reading (h-diag:
 * status 101/103, retryable 98/99, category 98/99, line 6/6), and a `------` rule around pasted
 * progress read as progress (status 102/103, retryable 99/99, category 99/99), rounded down.
 */
const FLOOR = { status: 99, retryable: 100, category: 100, line: 100 };

/**
 * Failed builds that today's analyzer reports as `success`, each a bug to fix (then remove it here: the
 * list is compared exactly, so a new one fails the test and so does a fixed one left in the list).
 * wild2-077 (compose's bare `failed to receive status: …` as its last line) is read as the final
 * error since h-diag (trace/final-line.ts).
 */
const KNOWN_REPORTED_SUCCESS: string[] = [];

const OPERATIONS = new Set([
  'resolve-image',
  'step',
  'push',
  'cache-export',
  'cache-import',
  'dockerfile-parse',
  'context-transfer',
  'builder-boot',
  'merge',
  'unknown',
]);
// A verdict's category is one of the contract's (the operations above are the corpus's own words,
// judged from the thread, not the reading's).
const CATEGORIES = new Set<string>(CATEGORY_LIST);

const corpus = join(repoRoot, '__fixtures__', 'corpus');
const read = (dir: string): (Verdict & { path: string })[] =>
  readFileSync(join(dir, 'verdicts.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const v = JSON.parse(l) as Verdict;
      return { ...v, path: join(dir, v.log) };
    });
const shared = read(join(corpus, 'wild-logs'));
const own = read(join(corpus, 'wild-logs-2'));
const cases = [...shared, ...own];

const results = new Map<string, Analysis>();
let elapsedMs = 0;
beforeAll(async () => {
  const start = performance.now();
  for (const v of cases) results.set(v.id, analyze({ trace: await readTrace(v.path) }));
  elapsedMs = performance.now() - start;
});

test('every verdict of the new corpus is complete and well-formed', () => {
  expect(own.length).toBeGreaterThanOrEqual(1);
  const ids = new Set<string>();
  for (const v of own) {
    expect(ids.has(v.id)).toBe(false);
    ids.add(v.id);
    expect(['failed', 'success']).toContain(v.status);
    // A failed build has a category; a successful one has none (and is not retried).
    if (v.status === 'failed') expect(CATEGORIES.has(v.category ?? '')).toBe(true);
    else expect([v.category, v.retryable]).toEqual([null, false]);
    expect(typeof v.retryable).toBe('boolean');
    expect(OPERATIONS.has(v.operation ?? '')).toBe(true);
    expect(v.source).toMatch(/^[\w.-]+\/[\w.-]+#\d+$/);
    expect((v.evidence ?? '').length).toBeGreaterThan(20);
    expect('buildx' in v).toBe(true);
    expect(readFileSync(v.path, 'utf8').length).toBeGreaterThan(0);
  }
});

test('no failed build is reported success beyond the known list, and agreement stays at or above the floor', () => {
  const failed = cases.filter((v) => v.status === 'failed');
  const withLine = cases.filter((v) => v.line !== undefined);
  const a = (v: Verdict) => results.get(v.id)!;
  const fields = {
    status: { n: cases.length, ok: cases.filter((v) => a(v).status === v.status).length },
    retryable: {
      n: failed.length,
      ok: failed.filter((v) => a(v).failure?.retryable === v.retryable).length,
    },
    category: { n: failed.length, ok: failed.filter((v) => a(v).failure?.category === v.category).length },
    line: { n: withLine.length, ok: withLine.filter((v) => a(v).failure?.line === v.line).length },
  };
  const pct = (f: { n: number; ok: number }) => (f.n === 0 ? 100 : (100 * f.ok) / f.n);

  const misses: string[] = [];
  for (const v of cases) {
    const got = a(v);
    const diff: string[] = [];
    if (got.status !== v.status) diff.push(`status ${v.status} got ${got.status}`);
    if (v.status === 'failed') {
      if (got.failure?.category !== v.category)
        diff.push(`category ${v.category} got ${got.failure?.category}`);
      if (got.failure?.retryable !== v.retryable)
        diff.push(`retryable ${v.retryable} got ${got.failure?.retryable}`);
    }
    if (v.line !== undefined && got.failure?.line !== v.line)
      diff.push(`line ${v.line} got ${got.failure?.line}`);
    if (diff.length) misses.push(`  ${v.id} (${v.source}): ${diff.join('; ')}`);
  }
  process.stdout.write(
    [
      `wild-logs + wild-logs-2: ${cases.length} cases (${shared.length} shared, ${own.length} new), read and analyzed in ${elapsedMs.toFixed(0)} ms`,
      '| field | agree | of | % |',
      '| --- | --- | --- | --- |',
      ...Object.entries(fields).map(([k, f]) => `| ${k} | ${f.ok} | ${f.n} | ${pct(f).toFixed(1)} |`),
      `disagreements (${misses.length}):`,
      ...misses,
      '',
    ].join('\n'),
  );

  const reportedSuccess = failed.filter((v) => a(v).status === 'success').map((v) => v.id);
  expect(reportedSuccess).toEqual(KNOWN_REPORTED_SUCCESS);
  expect(pct(fields.status)).toBeGreaterThanOrEqual(FLOOR.status);
  expect(pct(fields.retryable)).toBeGreaterThanOrEqual(FLOOR.retryable);
  expect(pct(fields.category)).toBeGreaterThanOrEqual(FLOOR.category);
  expect(pct(fields.line)).toBeGreaterThanOrEqual(FLOOR.line);
});
