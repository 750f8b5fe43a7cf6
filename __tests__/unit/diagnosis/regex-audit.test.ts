// Linear classification (issue 27, item 8): every regular expression in src/ passes the same static
// catastrophic-shape check as the user's retry-patterns. The literals are found by TypeScript's own
// parser, so a new pattern anywhere in src/ is checked without being listed here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { catastrophicShape } from '../../../src/config/regex-shape.js';
import { ERROR_PATTERNS, KNOWN_CRASHES } from '../../../src/diagnosis/patterns.js';
import { repoRoot } from '../../support/paths.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every regex literal in src/, and every `new RegExp(…)` (whose source must be a checked value). */
function literals(): { where: string; source: string; flags: string }[] {
  const out: { where: string; source: string; flags: string }[] = [];
  for (const file of sources(join(repoRoot, 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const end = text.lastIndexOf('/');
        const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
        out.push({
          where: `${relative(repoRoot, file)}:${line}`,
          source: text.slice(1, end),
          flags: text.slice(end + 1),
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

const all = literals();

test('the audit finds the literals (the classifier patterns among them)', () => {
  expect(all.length).toBeGreaterThan(100);
  for (const p of ERROR_PATTERNS) expect(all.map((l) => l.source)).toContain(p.pattern.source);
});

test.each(all.map((l) => [l.where, l] as const))('%s has no catastrophic shape', (_where, l) => {
  expect(catastrophicShape(l.source, l.flags)).toBeUndefined();
});

test('every known pattern object passes too (built at run time or not)', () => {
  for (const p of [...ERROR_PATTERNS, ...KNOWN_CRASHES])
    expect([p.id, catastrophicShape(p.pattern.source, p.pattern.flags)]).toEqual([p.id, undefined]);
});

test('new RegExp in src/ builds only from checked input', () => {
  // The only dynamic regular expressions: the retry-patterns, checked in config where they are read,
  // and junit.ts's constant class of characters XML cannot hold (no quantifier).
  const dynamic = sources(join(repoRoot, 'src')).flatMap((f) =>
    readFileSync(f, 'utf8').includes('new RegExp(') ? [relative(repoRoot, f)] : [],
  );
  expect(dynamic.sort()).toEqual(['src/config/config.ts', 'src/report/junit.ts']);
});

describe('the checker', () => {
  test.each([
    ['(a+)+$', 'a quantified group'],
    ['(a|ab)*c', 'a quantified group'],
    ['(.*x)*', 'a quantified group'],
    ['(?:\\s\\S+){2,}', 'a quantified group'],
    ['\\s*.*\\s*$', 'two unbounded quantifiers'],
    ['.*.*=.*', 'two unbounded quantifiers'],
    ['\\d+\\d*x', 'two unbounded quantifiers'],
    ['a[\\s\\S]*?b?\\S+', 'two unbounded quantifiers'],
    ['(\\w)\\1', 'a backreference'],
    ['(?<q>.)\\k<q>', 'a backreference'],
    ['(?=(a+)+)', 'a quantified group'],
  ])('refuses %s', (source, problem) => {
    expect(catastrophicShape(source)?.problem).toContain(problem);
  });

  test.each([
    'failed to receive status: rpc error: code = Unavailable',
    'corporate proxy|ETIMEDOUT',
    '^ERROR: .*timeout$',
    '(?:ab)+c',
    '[a-z]+ \\d+',
    'x\\s*:\\s*y',
    '(?:errors:\\s*)?manifest',
    'a{2,5}b*',
    '[\\]a]+\\[x',
  ])('accepts %s', (source) => {
    expect(catastrophicShape(source)).toBeUndefined();
  });
});
