// The runner the real-log corpora share (wild-logs-2.test.ts, wild-logs-3.test.ts): read a folder's
// verdicts.jsonl, check each verdict is well-formed, run every log through `analyze` exactly as
// `buildx-guard analyze --log <file>` does, and measure the agreement per field with every
// disagreement listed. Each test keeps its own floors and its own list of known misses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import { analyze, type Analysis } from '../../src/findings/analyze.js';
import { readTrace } from '../../src/trace/read.js';
import { CATEGORIES as CATEGORY_LIST } from '../../src/diagnosis/categories.js';
import { repoRoot } from './paths.js';

export interface Verdict {
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
  /** A corpus collected in rounds: which round (wild-logs-3's batch 2 came after its fixes). */
  batch?: number;
  /** The log file's absolute path. */
  path: string;
}

/** What was running when the build failed: the corpus's own words, judged from the thread. */
export const OPERATIONS = new Set([
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
// A verdict's category is one of the contract's.
const CATEGORIES = new Set<string>(CATEGORY_LIST);

export const corpusDir = (name: string): string => join(repoRoot, '__fixtures__', 'corpus', name);

export const readCorpus = (dir: string): Verdict[] =>
  readFileSync(join(dir, 'verdicts.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const v = JSON.parse(l) as Omit<Verdict, 'path'>;
      return { ...v, path: join(dir, v.log) };
    });

/** Every verdict of a collected corpus is complete and well-formed (the shared 17 predate the fields). */
export function expectWellFormed(verdicts: readonly Verdict[]): void {
  expect(verdicts.length).toBeGreaterThanOrEqual(1);
  const ids = new Set<string>();
  for (const v of verdicts) {
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
    if (v.batch !== undefined) expect(Number.isInteger(v.batch)).toBe(true);
    expect(readFileSync(v.path, 'utf8').length).toBeGreaterThan(0);
  }
}

export async function analyzeAll(
  cases: readonly Verdict[],
): Promise<{ results: Map<string, Analysis>; elapsedMs: number }> {
  const results = new Map<string, Analysis>();
  const start = performance.now();
  for (const v of cases) results.set(v.id, analyze({ trace: await readTrace(v.path) }));
  return { results, elapsedMs: performance.now() - start };
}

export interface Field {
  n: number;
  ok: number;
}
export const pct = (f: Field): number => (f.n === 0 ? 100 : (100 * f.ok) / f.n);

export interface Agreement {
  fields: { status: Field; retryable: Field; category: Field; line: Field };
  /** One line per case that disagrees on any field. */
  misses: string[];
  /** Failed builds the analyzer reports `success`. */
  reportedSuccess: string[];
  /** The table, the misses and the counts, ready to print. */
  text: string;
}

export function agreement(
  title: string,
  cases: readonly Verdict[],
  results: Map<string, Analysis>,
): Agreement {
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
  const count = (key: (v: Verdict) => string) => {
    const m = new Map<string, number>();
    for (const v of cases) m.set(key(v), (m.get(key(v)) ?? 0) + 1);
    return [...m].map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const text = [
    title,
    '| field | agree | of | % |',
    '| --- | --- | --- | --- |',
    ...Object.entries(fields).map(([k, f]) => `| ${k} | ${f.ok} | ${f.n} | ${pct(f).toFixed(1)} |`),
    `by category: ${count((v) => v.category ?? 'success')}`,
    `by operation: ${count((v) => v.operation ?? '?')}`,
    `by buildx: ${count((v) => v.buildx ?? 'unstated')}`,
    `disagreements (${misses.length}):`,
    ...misses,
    '',
  ].join('\n');
  const reportedSuccess = failed.filter((v) => a(v).status === 'success').map((v) => v.id);
  return { fields, misses, reportedSuccess, text };
}
