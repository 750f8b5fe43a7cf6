// The wider corpus of real build logs (issue 24, item 4): the 17 shared samples plus
// __fixtures__/corpus/wild-logs-2 (logs pasted into public issues, each with a human verdict made from
// the whole thread, see its README). Every case runs through `analyze` exactly as wild-logs.test.ts
// does (as `buildx-guard analyze --log <file>`, the runner in __tests__/support/corpus.ts). The test
// prints the agreement per field and every disagreement, and holds two lines: no failed build is
// reported `success`, and the agreement never falls below the floor measured when the corpus was
// collected (raise FLOOR as the classifier improves; the targets are 97/97/92/92 %).
// These logs were used to build the classifier; wild-logs-3.test.ts is the held-out measure.
import type { Analysis } from '../../../src/findings/analyze.js';
import { agreement, analyzeAll, corpusDir, expectWellFormed, pct, readCorpus } from '../../support/corpus.js';

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

const shared = readCorpus(corpusDir('wild-logs'));
const own = readCorpus(corpusDir('wild-logs-2'));
const cases = [...shared, ...own];

let results = new Map<string, Analysis>();
let elapsedMs = 0;
beforeAll(async () => {
  ({ results, elapsedMs } = await analyzeAll(cases));
});

test('every verdict of the new corpus is complete and well-formed', () => {
  expectWellFormed(own);
});

test('no failed build is reported success beyond the known list, and agreement stays at or above the floor', () => {
  const { fields, reportedSuccess, text } = agreement(
    `wild-logs + wild-logs-2: ${cases.length} cases (${shared.length} shared, ${own.length} new), read and analyzed in ${elapsedMs.toFixed(0)} ms`,
    cases,
    results,
  );
  process.stdout.write(text);
  expect(reportedSuccess).toEqual(KNOWN_REPORTED_SUCCESS);
  expect(pct(fields.status)).toBeGreaterThanOrEqual(FLOOR.status);
  expect(pct(fields.retryable)).toBeGreaterThanOrEqual(FLOOR.retryable);
  expect(pct(fields.category)).toBeGreaterThanOrEqual(FLOOR.category);
  expect(pct(fields.line)).toBeGreaterThanOrEqual(FLOOR.line);
});
