// Each cause's needles (patterns.ts) are a literal prefilter: matchCause runs a cause's regex only
// when one of them is in the text. They must never skip a match: on every corpus text, every wild
// log (raw, and as the failure text the trace gives) and every view the reading makes of them, the
// regex with the prefilter (character pairs, then a literal search) finds exactly what the regex
// alone finds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crashIn, ERROR_PATTERNS, KNOWN_CRASHES, matchCause } from '../../../src/diagnosis/patterns.js';
import { errorLines, rejoin } from '../../../src/diagnosis/reading.js';
import { verdictText } from '../../../src/diagnosis/verdict-text.js';
import { failureText } from '../../../src/trace/query.js';
import { readTrace } from '../../../src/trace/read.js';
import { repoRoot } from '../../support/paths.js';

const corpus = join(repoRoot, '__fixtures__', 'corpus');
const logs = ['wild-logs', 'wild-logs-2', 'wild-logs-3'].flatMap((d) =>
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

test('a known crash’s needles never skip a match of its regex', () => {
  let matched = 0;
  for (const k of KNOWN_CRASHES)
    for (const t of texts) {
      const alone = k.pattern.test(t);
      if (alone) matched++;
      expect([k.id, crashIn(k, t)]).toEqual([k.id, alone]);
    }
  expect(matched).toBeGreaterThan(0);
});

test('every needle is words of its own regex, in lower case when the regex ignores case', () => {
  for (const p of [...ERROR_PATTERNS, ...KNOWN_CRASHES]) {
    expect([p.id, p.needles.length > 0]).toEqual([p.id, true]);
    const source = p.pattern.source.replace(/\\(.)/g, '$1');
    for (const n of p.needles) {
      // ASCII: the pairs fold ASCII letters only, as a regex ignoring case does outside Unicode mode.
      expect([p.id, n, n.length >= 3 && /^[\x20-\x7e]+$/.test(n)]).toEqual([p.id, n, true]);
      if (p.pattern.flags.includes('i')) {
        expect([p.id, n]).toEqual([p.id, n.toLowerCase()]);
        expect([p.id, n, source.toLowerCase().includes(n)]).toEqual([p.id, n, true]);
      } else expect([p.id, n, source.includes(n)]).toEqual([p.id, n, true]);
    }
  }
});

// By construction, not only on the corpus: every way a cause's regex can match must contain one of its
// needles. A regex is read as its top-level branches; a branch is covered when a needle is in one of
// its required literal runs (outside groups, classes and optional parts), or when a required group of
// it (a lookahead, or a group that is not optional) has every branch covered.
function branches(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cls = false;
  let cur = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      cur += c + src[i + 1];
      i++;
    } else if (cls) {
      if (c === ']') cls = false;
      cur += c;
    } else if (c === '[') {
      cls = true;
      cur += c;
    } else if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else {
      if (c === '(') depth++;
      if (c === ')') depth--;
      cur += c;
    }
  }
  return [...out, cur];
}

const optionalAt = (s: string, i: number) => s[i] === '?' || s[i] === '*' || s.startsWith('{0', i);

function covered(branch: string, needles: readonly string[], fold: boolean): boolean {
  const runs: string[] = [];
  const groups: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur) runs.push(fold ? cur.toLowerCase() : cur);
    cur = '';
  };
  for (let i = 0; i < branch.length;) {
    const c = branch[i];
    if (c === '(') {
      let d = 1;
      let j = i + 1;
      for (; j < branch.length && d; j++) {
        if (branch[j] === '\\') j++;
        else if (branch[j] === '(') d++;
        else if (branch[j] === ')') d--;
      }
      flush();
      const body = branch.slice(i + 1, j - 1);
      const negative = body.startsWith('?!') || body.startsWith('?<!');
      if (!optionalAt(branch, j) && !negative) groups.push(body.replace(/^\?(?:[:=]|<=)/, ''));
      i = j;
    } else if (c === '[') {
      let j = i + 1;
      while (j < branch.length && branch[j] !== ']') j += branch[j] === '\\' ? 2 : 1;
      flush();
      i = j + 1;
      if (optionalAt(branch, i)) i++;
    } else if (c === '\\' && /[a-zA-Z]/.test(branch[i + 1])) {
      flush();
      i += 2;
    } else if ('^$.+'.includes(c)) {
      flush();
      i++;
    } else if (c === '{') {
      flush();
      i = branch.indexOf('}', i) + 1;
    } else if (optionalAt(branch, i)) {
      cur = cur.slice(0, -1);
      flush();
      i++;
    } else {
      cur += c === '\\' ? branch[i + 1] : c;
      i += c === '\\' ? 2 : 1;
    }
  }
  flush();
  return (
    needles.some((n) => runs.some((r) => r.includes(n))) ||
    groups.some((g) => branches(g).every((b) => covered(b, needles, fold)))
  );
}

test.each([...ERROR_PATTERNS, ...KNOWN_CRASHES].map((p) => [p.id, p] as const))(
  'every branch of %s holds one of its needles',
  (_id, p) => {
    const fold = p.pattern.flags.includes('i');
    const uncovered = branches(p.pattern.source).filter((b) => !covered(b, p.needles, fold));
    expect(uncovered).toEqual([]);
  },
);

test('the branch check refuses a needle that only an optional or alternative part holds', () => {
  expect(covered('exit code: \\d+', ['exit code'], false)).toBe(true);
  expect(covered('(?:foo|bar)baz', ['foo'], false)).toBe(false);
  expect(covered('(?:foo|barfoo) x', ['foo'], false)).toBe(true);
  expect(covered('x(?:foo)? y', ['foo'], false)).toBe(false);
  expect(covered('fooo?', ['fooo'], false)).toBe(false);
  expect(covered('(?=[\\s\\S]*Killed)', ['Killed'], false)).toBe(true);
  expect(covered('(?!Killed)x', ['Killed'], false)).toBe(false);
});
