// A conservative static check for regular expressions whose backtracking can explode: the one
// checker behind the audit of every regex literal in src/ (a unit test) and the `retry-patterns`
// input. Pure. It refuses three shapes (the ones safe-regex and recheck report as exponential or
// polynomial in practice):
//   - a backreference (`\1`, `\k<name>`): no linear-time engine can run it;
//   - a quantified group (`*`, `+`, `{2,}`) that holds a quantifier or an alternation: `(a+)+`,
//     `(a|ab)*`, `(.*x)*` (nested quantifiers, exponential);
//   - two unbounded quantifiers in a row whose characters overlap, with nothing required between
//     them: `\s*.*\s*`, `.*.*`, `\d+\d*` (polynomial); for `retry-patterns` also with only items
//     between them that the first could take too: `.*x.*y`, `a.*b.*c`.
// Conservative: a group counts as every character it could hold. It does not prove a pattern fast on
// every input (`.*x` scanned from every start is quadratic on one line): the input bound in
// verdict-text.ts covers that.

export interface ShapeProblem {
  /** What is wrong, in words, for the error sentence. */
  problem: string;
}

interface Item {
  /** The characters this item can consume (sample over the alphabet below); empty for assertions. */
  chars: Set<number>;
  min: number;
  max: number;
  /** A group: it holds a quantifier with max > 1, or an alternation. */
  complex?: boolean;
  /** Characters an unbounded loop at the item's start can take (before anything required). */
  head: Set<number>;
  /** Characters an unbounded loop at the item's end can take (after anything required). */
  tail: Set<number>;
}

const NONE = new Set<number>();
const simple = (chars: Set<number>): Item => ({ chars, min: 1, max: 1, head: NONE, tail: NONE });
const zeroWidth = (): Item => ({ chars: NONE, min: 0, max: 0, head: NONE, tail: NONE });

/** The union of the loops at one end of each alternative (`end`: which end). */
function loops(alts: Item[][], end: 'head' | 'tail'): Set<number> {
  const out = new Set<number>();
  for (const seq of alts) {
    const items = end === 'head' ? seq : [...seq].reverse();
    for (const it of items) {
      for (const c of it[end]) out.add(c);
      if (it.min > 0) break;
    }
  }
  return out;
}

// Sample alphabet: ASCII plus a few code points beyond it, enough to tell classes apart.
const ALPHABET = [...Array.from({ length: 128 }, (_, i) => i), 0xa0, 0xe9, 0x2028, 0x4e00, 0x1f600];

function setOf(test: (ch: string) => boolean): Set<number> {
  return new Set(ALPHABET.filter((c) => test(String.fromCodePoint(c))));
}

const ESCAPE_CLASS: Record<string, RegExp> = {
  d: /\d/,
  D: /\D/,
  w: /\w/,
  W: /\W/,
  s: /\s/,
  S: /\S/,
};

class Parser {
  i = 0;
  problem?: string;
  constructor(
    private readonly src: string,
    private readonly flags: string,
    private readonly polynomial = false,
  ) {}

  fail(problem: string): never {
    this.problem ??= problem;
    throw new Error(problem);
  }

  /** Alternatives of a sequence, up to `)` or the end. Returns items per alternative. */
  alternatives(): Item[][] {
    const alts: Item[][] = [[]];
    while (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === ')') break;
      if (c === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      const item = this.atom();
      if (item) {
        this.quantifier(item);
        alts[alts.length - 1].push(item);
      }
    }
    for (const seq of alts) this.checkSequence(seq);
    return alts;
  }

  /** One atom; undefined for a zero-width assertion that takes no quantifier here. */
  atom(): Item | undefined {
    const c = this.src[this.i++];
    const dotAll = this.flags.includes('s');
    if (c === '^' || c === '$') return zeroWidth();
    if (c === '.') return simple(setOf((ch) => dotAll || !/[\n\r\u2028\u2029]/.test(ch)));
    if (c === '[') return simple(this.charClass());
    if (c === '(') return this.group();
    if (c === '\\') return this.escape(false);
    return simple(new Set([c.codePointAt(0)!]));
  }

  group(): Item {
    let lookaround = false;
    if (this.src.startsWith('?:', this.i)) this.i += 2;
    else if (/^\?<?[=!]/.test(this.src.slice(this.i, this.i + 3))) {
      lookaround = true;
      this.i += this.src[this.i + 1] === '<' ? 3 : 2;
    } else if (this.src.startsWith('?<', this.i)) this.i = this.src.indexOf('>', this.i) + 1;
    const start = this.i;
    const alts = this.alternatives();
    if (this.src[this.i] !== ')') this.fail('an unbalanced parenthesis');
    const body = this.src.slice(start, this.i);
    this.i++;
    const items = alts.flat();
    const chars = new Set<number>();
    for (const it of items) for (const ch of it.chars) chars.add(ch);
    const complex = alts.length > 1 || items.some((it) => it.max > 1 || it.complex);
    if (lookaround) return { ...zeroWidth(), complex: complex || body === '' };
    return {
      head: loops(alts, 'head'),
      tail: loops(alts, 'tail'),
      chars,
      min: Math.min(...alts.map((a) => a.reduce((s, it) => s + it.min, 0))),
      max: alts.some((a) => a.some((it) => it.max === Infinity))
        ? Infinity
        : Math.max(...alts.map((a) => a.reduce((s, it) => s + it.max, 0))),
      complex,
    };
  }

  escape(inClass: boolean): Item {
    const c = this.src[this.i++];
    if (c === undefined) this.fail('a trailing backslash');
    if (!inClass && (/[1-9]/.test(c) || c === 'k')) this.fail('a backreference');
    if (!inClass && (c === 'b' || c === 'B')) return zeroWidth();
    if (ESCAPE_CLASS[c]) return simple(setOf((ch) => ESCAPE_CLASS[c].test(ch)));
    const control: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    if (control[c]) return simple(new Set([control[c].codePointAt(0)!]));
    if (c === 'x' || c === 'u') {
      const m = this.src
        .slice(this.i)
        .match(c === 'x' ? /^[0-9a-fA-F]{2}/ : /^\{[0-9a-fA-F]+\}|^[0-9a-fA-F]{4}/);
      if (m) {
        this.i += m[0].length;
        return simple(new Set([parseInt(m[0].replace(/[{}]/g, ''), 16)]));
      }
    }
    if (c === 'p' || c === 'P') {
      // A Unicode property: conservatively any character.
      if (this.src[this.i] === '{') this.i = this.src.indexOf('}', this.i) + 1;
      return simple(new Set(ALPHABET));
    }
    return simple(new Set([c.codePointAt(0)!]));
  }

  charClass(): Set<number> {
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    const chars = new Set<number>();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let from: Set<number>;
      if (this.src[this.i] === '\\') {
        this.i++;
        from = this.escape(true).chars;
      } else from = new Set([this.src.codePointAt(this.i++)!]);
      // A range a-z.
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && from.size === 1) {
        this.i++;
        let to: number;
        if (this.src[this.i] === '\\') {
          this.i++;
          to = [...this.escape(true).chars][0] ?? 0;
        } else to = this.src.codePointAt(this.i++)!;
        const lo = [...from][0];
        for (const c of ALPHABET) if (c >= lo && c <= to) chars.add(c);
        continue;
      }
      for (const c of from) chars.add(c);
    }
    if (this.src[this.i] !== ']') this.fail('an unterminated character class');
    this.i++;
    return negated ? new Set(ALPHABET.filter((c) => !chars.has(c))) : chars;
  }

  quantifier(item: Item): void {
    const rest = this.src.slice(this.i, this.i + 24);
    const m = rest.match(/^(?:([*+?])|\{(\d+)(,(\d*))?\})(\??)/);
    if (!m) return;
    this.i += m[0].length;
    let min: number;
    let max: number;
    if (m[1]) [min, max] = m[1] === '*' ? [0, Infinity] : m[1] === '+' ? [1, Infinity] : [0, 1];
    else {
      min = Number(m[2]);
      max = m[3] === undefined ? min : m[4] ? Number(m[4]) : Infinity;
    }
    if (item.complex && max > 1) this.fail('a quantified group that holds a quantifier or an alternation');
    item.min *= min;
    // A loop over the item: both its ends can take any of its characters.
    if (max === Infinity && item.max > 0) item.head = item.tail = item.chars;
    item.max = item.max === 0 ? 0 : max === Infinity || item.max === Infinity ? Infinity : item.max * max;
  }

  /**
   * A loop at the end of one item and a loop at the start of a later one over overlapping
   * characters, with only optional items between them (`\s*:?\s*`).
   */
  checkSequence(seq: Item[]): void {
    for (let a = 0; a < seq.length; a++) {
      const tail = seq[a].tail;
      if (!tail.size) continue;
      for (let b = a + 1; b < seq.length; b++) {
        const it = seq[b];
        if ([...it.head].some((c) => tail.has(c)))
          this.fail('two unbounded quantifiers in a row over the same characters');
        // With `polynomial`, a required item the first loop could take too (`.*x.*y`: the `x`) does
        // not end the run: the split between the loops stays open, polynomial in a line's length.
        if (it.min > 0 && !(this.polynomial && [...it.chars].some((c) => tail.has(c)))) break;
      }
    }
  }
}

/**
 * The first catastrophic shape found in a regular expression's source, or undefined if none.
 * `polynomial` (for `retry-patterns`, which read a pull request's step output unbounded by any
 * pattern's author): also two unbounded loops over the same characters with only items between
 * them that the first loop could take too (`.*x.*y`, `a.*b.*c`: cubic on one 2,000-character line).
 */
export function catastrophicShape(
  source: string,
  flags = '',
  opts: { polynomial?: boolean } = {},
): ShapeProblem | undefined {
  const p = new Parser(source, flags, opts.polynomial);
  try {
    p.alternatives();
    if (p.i < source.length) p.fail('an unbalanced parenthesis');
  } catch {
    return { problem: p.problem ?? 'a shape this check cannot read' };
  }
  return undefined;
}
