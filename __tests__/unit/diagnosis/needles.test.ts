// Each cause's needles (patterns.ts) are a literal prefilter: matchCause runs a cause's regex only
// when one of them is in the text. They must never skip a match: on every corpus text, every wild
// log (raw, and as the failure text the trace gives) and every view the reading makes of them, the
// regex with the prefilter (character pairs, then a literal search) finds exactly what the regex
// alone finds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_PATTERNS, foldsCase, matchCause } from '../../../src/diagnosis/patterns.js';
import { errorLines, rejoin } from '../../../src/diagnosis/reading.js';
import { verdictText } from '../../../src/diagnosis/verdict-text.js';
import { failureText } from '../../../src/trace/query.js';
import { readTrace } from '../../../src/trace/read.js';
import { repoRoot } from '../../support/paths.js';

const corpus = join(repoRoot, '__fixtures__', 'corpus');
const logs = ['wild-logs', 'wild-logs-2'].flatMap((d) =>
  readdirSync(join(corpus, d))
    .filter((f) => f.endsWith('.log'))
    .map((f) => join(corpus, d, f)),
);
const bare = readFileSync(join(corpus, 'buildx-errors.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

/** Every text a cause can be looked for in: the text, re-joined, its verdict views, its error lines. */
function views(text: string): string[] {
  const v = verdictText(rejoin(text));
  return [text, rejoin(text), v.own, v.step, errorLines(v.own)];
}

let texts: string[] = [];
beforeAll(async () => {
  const traced: string[] = [];
  for (const f of logs) traced.push(failureText(await readTrace(f)));
  texts = [...bare, ...logs.map((f) => readFileSync(f, 'utf8')), ...traced].flatMap(views);
});

test('the corpus is there (a prefilter checked on nothing proves nothing)', () => {
  expect(bare.length).toBeGreaterThanOrEqual(20);
  expect(logs.length).toBeGreaterThanOrEqual(100);
});

test('a cause’s needles never skip a match of its regex', () => {
  let matched = 0;
  for (const p of ERROR_PATTERNS)
    for (const t of texts) {
      const alone = p.pattern.exec(t);
      if (alone) matched++;
      expect([p.id, matchCause(p, t)?.index]).toEqual([p.id, alone?.index]);
    }
  // Enough of the texts match some cause for the check to mean something.
  expect(matched).toBeGreaterThan(texts.length / 2);
});

test('every needle is words of its own regex, in lower case when the regex ignores case', () => {
  for (const p of ERROR_PATTERNS) {
    expect([p.id, p.needles.length > 0]).toEqual([p.id, true]);
    const source = p.pattern.source.replace(/\\(.)/g, '$1');
    for (const n of p.needles) {
      // ASCII: the pairs fold ASCII letters only, as a regex ignoring case does outside Unicode mode.
      expect([p.id, n, n.length >= 3 && /^[\x20-\x7e]+$/.test(n)]).toEqual([p.id, n, true]);
      if (foldsCase(p)) {
        expect([p.id, n]).toEqual([p.id, n.toLowerCase()]);
        expect([p.id, n, source.toLowerCase().includes(n)]).toEqual([p.id, n, true]);
      } else expect([p.id, n, source.includes(n)]).toEqual([p.id, n, true]);
    }
  }
});
