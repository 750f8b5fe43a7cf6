// markdown-escape's one-pass `text`, `code` and `codeBlock` give, byte for byte, what the escapes
// they replace gave step by step (`visible`, line breaks, the signs, a leading list marker, then
// `unlink`): on every string of up to three characters from an alphabet of every character any
// step treats apart, and on hostile text.
import { code, codeBlock, text } from '../../../src/findings/markdown-escape.js';

const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g;
const visible = (s: string) =>
  s.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
const unlink = (s: string) => s.replace(/([@#])/g, '$1\u200b').replace(/\b(GH\\?-)/gi, '$1\u200b');
const stepByStep = {
  text: (s: string) =>
    unlink(
      visible(s)
        .replace(/\r\n?|\n/g, ' ')
        .replace(/[\\`*_{}[\]()<>#!|~&:.$@]/g, (c) => `\\${c}`)
        .replace(/^(\s*)([-+=])/, '$1\\$2'),
    ),
  code: (s: string) => {
    const oneLine = visible(s).replace(/\s*(\r\n?|\n)\s*/g, ' ');
    const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    const pad = oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${oneLine}${pad}${ticks}`;
  },
  codeBlock: (lines: string[]) => {
    const body = visible(lines.join('\n'));
    const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}sh\n${body}\n${fence}`;
  },
};

// Letters of `GH-` in both cases, a word character and a sign before them, each escaped sign, the
// line breaks, white space (U+FEFF is white space to `\s` but shown as `<U+FEFF>`), invisibles.
const ALPHABET = [
  'G',
  'g',
  'H',
  'h',
  '-',
  '+',
  '=',
  'a',
  '_',
  '1',
  ' ',
  '\t',
  '\r',
  '\n',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u200b',
  '\u202e',
  '\u2066',
  '\u061c',
  '@',
  '#',
  '\\',
  '`',
  '*',
  '[',
  '(',
  '<',
  '>',
  '|',
  '~',
  '&',
  ':',
  '.',
  '$',
  '!',
  '{',
  'é',
  '\u{1f600}',
];

function* strings(): Generator<string> {
  yield '';
  for (const a of ALPHABET) {
    yield a;
    for (const b of ALPHABET) {
      yield a + b;
      for (const c of ALPHABET) yield a + b + c;
    }
  }
  yield* [
    'GH-12 gh-3 xGH-1 _GH-2 #GH-4 @gh-5 .GH-6 \u200bGH-7',
    '  - item',
    '\r\n+ item',
    '\ufeff- item',
    'a@b.c owner/repo#1 https://evil.example/x www.evil.example',
    '<img src=x onerror=alert(1)> ![p](u) [l](u) &commat; ``a```b`',
    'rtl\u202egnp.exe iso\u2066late\u2069 zw\u200bsp bom\ufeff',
    'line one\r\nline two\rline three\n  indented',
  ];
}

test('text, code and codeBlock in one pass: byte for byte what the step-by-step escapes gave', () => {
  const differ: string[] = [];
  let n = 0;
  for (const s of strings()) {
    n++;
    if (text(s) !== stepByStep.text(s)) differ.push(`text ${JSON.stringify(s)}`);
    if (code(s) !== stepByStep.code(s)) differ.push(`code ${JSON.stringify(s)}`);
    const lines = s.split('\n');
    if (codeBlock(lines, 'sh') !== stepByStep.codeBlock(lines)) differ.push(`codeBlock ${JSON.stringify(s)}`);
  }
  expect(n).toBeGreaterThan(ALPHABET.length ** 3);
  expect(differ.slice(0, 20)).toEqual([]);
});
