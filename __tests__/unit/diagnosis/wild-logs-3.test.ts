// The held-out corpus (issue 24): __fixtures__/corpus/wild-logs-3, real build logs from public
// issues that were not used to build the classifier (its README says how each was collected and
// judged). It runs through the same runner as wild-logs-2.test.ts and prints its own tables, the
// generalisation figures: batch 1 (49 logs) measured before any fix made for it (in the README and
// docs/findings.md), then fixed where a rule explains a miss; batch 2 (9 logs) collected and judged
// after those fixes and never used to change the code. FLOOR holds what the classifier reaches now.
import type { Analysis } from '../../../src/findings/analyze.js';
import { agreement, analyzeAll, corpusDir, expectWellFormed, pct, readCorpus } from '../../support/corpus.js';

/**
 * Agreement floors in percent (rounded down). Measured before any fix for this corpus: status 47/49,
 * retryable 46/47, category 41/47, line 4/4, one failed build reported `success` (wild3-048); after
 * the rules these logs led to: status 48/49 (wild3-041 stays `unknown`), retryable 47/47, category
 * 47/47, line 4/4, none reported `success`. Batch 2, before the bare `failed to compute cache key`
 * line was read: status 9/9, retryable 8/8, category 7/8, line 3/3; after: 8/8. All 58 now: status
 * 57/58, retryable 55/55, category 55/55, line 7/7.
 */
const FLOOR = { status: 97, retryable: 100, category: 100, line: 100 };

/** Failed builds reported `success`, each a bug (compared exactly, as in wild-logs-2.test.ts). */
const KNOWN_REPORTED_SUCCESS: string[] = [];

const heldOut = readCorpus(corpusDir('wild-logs-3'));
const batch2 = heldOut.filter((v) => v.batch === 2);

let results = new Map<string, Analysis>();
let elapsedMs = 0;
beforeAll(async () => {
  ({ results, elapsedMs } = await analyzeAll(heldOut));
});

test('every verdict of the held-out corpus is complete and well-formed', () => {
  expectWellFormed(heldOut);
  expect(heldOut.length - batch2.length).toBeGreaterThanOrEqual(45);
});

test('held-out agreement: no failed build reported success beyond the known list, and at or above the floor', () => {
  const { fields, reportedSuccess, text } = agreement(
    `wild-logs-3 (held out): ${heldOut.length} cases, read and analyzed in ${elapsedMs.toFixed(0)} ms`,
    heldOut,
    results,
  );
  process.stdout.write(text);
  process.stdout.write(
    agreement(`wild-logs-3 batch 2 (collected after the fixes): ${batch2.length} cases`, batch2, results)
      .text,
  );
  expect(reportedSuccess).toEqual(KNOWN_REPORTED_SUCCESS);
  expect(pct(fields.status)).toBeGreaterThanOrEqual(FLOOR.status);
  expect(pct(fields.retryable)).toBeGreaterThanOrEqual(FLOOR.retryable);
  expect(pct(fields.category)).toBeGreaterThanOrEqual(FLOOR.category);
  expect(pct(fields.line)).toBeGreaterThanOrEqual(FLOOR.line);
});
