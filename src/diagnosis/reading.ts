// The structured reading of a failure: the operation it belongs to × the chain of causes buildx
// wraps it in. Pure, linear: the one reading behind `classify` (the retry loop, merge, the `classify`
// command), `analyze` and the findings.
//
// 1. Re-join: tools and posters wrap the log (GitHub timestamps and `##[error]`, build-push-action's
//    `Error: buildx failed with:`, Python loggers, `> ` quotes) and hand-wrap long error lines; the
//    wrappers are taken off and an error line's continuation lines are joined back to it.
// 2. The verdict text (verdict-text.ts): buildx's words only, the step's command and output cut.
// 3. The operation (operation.ts) and every cause (patterns.ts) found in the chain. The cause that
//    decides is the innermost of the highest tier: a full disk or a step's exit anywhere; else what
//    the registry or BuildKit answered (401, 404, 429, a lost gRPC connection); else how a request
//    ended (a time-out, a reset). `failed to solve: DeadlineExceeded: x: failed to resolve source
//    metadata for x: … dial tcp …: i/o timeout` is a registry request timing out while an image's
//    metadata loads: operation `resolve-image`, cause `registry-io` (innermost of tier 3).
// 4. The category: table.ts, a function of the two.
import type { Category } from './categories.js';
import { chainOperation, vertexOperation, type Operation } from './operation.js';
import { CauseText, ERROR_PATTERNS, matchCauseAt, type ErrorPattern } from './patterns.js';
import { categoryOf, dependsOnOperation, NO_CAUSE } from './table.js';
import {
  bounded,
  clipMiddle,
  ERROR_LINE,
  MAX_LINE_CHARS,
  verdictLines,
  verdictText,
  withoutCommand,
  type VerdictViews,
} from './verdict-text.js';

export interface FailureHints {
  /** The failing vertex's name (from the trace or the build record). */
  vertex?: string;
  /** The failing vertex's own error, when the final error only summarises it (`DeadlineExceeded`). */
  vertexError?: string;
  /**
   * When no vertex failed: the last one the build ran. An error after every vertex is done belongs
   * to it (an export); weaker than the chain's own words.
   */
  lastVertex?: string;
}

export interface CauseMatch {
  id: string;
  tier: 1 | 2 | 3;
  /** Where the match ends in the chain: the larger, the further in (the innermost). */
  at: number;
}

export interface Reading {
  /** Read when first asked (or when the cause's meaning depends on it). */
  readonly operation: Operation;
  /** Where the operation was read. */
  readonly operationFrom: 'vertex' | 'summary' | 'chain' | 'last-vertex' | 'none';
  /** The causes found, down to the tier that decides (lower tiers are not looked for). */
  causes: CauseMatch[];
  /** The cause that decides, if any. */
  cause?: ErrorPattern;
  category: Category;
}

/**
 * Tool prefixes, taken off the start of a line (repeatedly: a timestamp before `##[error]`…), in one
 * anchored alternation: GitHub timestamps, `[date time] `, `##[error]`, build-push-action's
 * `Error: buildx failed with: `, Python's logging (`ERROR:root:…`, `2024-01-01 12:00:00,123 - name -
 * ERROR - …`), syslog and journald (`Jun  2 04:51:05 host buildkitd[12]: …`), a log viewer's gutter
 * (`│ `), and a paster's quote before an error or a vertex line (buildx's own `> [step]` stays).
 */
const WRAPPER =
  /^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z ?|\[\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,9})?\] ?|##\[error\]|(?:Error: )?buildx(?: bake)? failed with: |(?:CRITICAL|ERROR|WARNING|INFO|DEBUG):[\w.]{1,100}:|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - (?:[\w.]{1,100} - )?(?:CRITICAL|ERROR|WARNING|INFO|DEBUG) - |[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d {1,2}(?:[\w.-]{1,64} )?[\w.-]{1,64}(?:\[\d{1,10}\])?: |\s{0,16}[│┃] |> ?(?=ERROR|Error|error|failed to |#\d))/;

/** A line that starts an error message, once unwrapped. */
const ERROR_START = /^(?:ERROR|Error|error): |^failed to (?:solve|build)\b/;
/** A line that starts a record of its own: never the continuation of an error line. */
const RECORD =
  /^(?:#\d|ERROR|Error|error|WARN|INFO|DEBUG|failed to (?:solve|build)|-{3}|\s{0,8}\d{1,7} \||\d{1,6}\.\d{1,6} |>|=>|\[|Dockerfile|\S{0,200}Dockerfile:\d|panic|fatal error|goroutine|View build details|errors:|\w{1,40}:$)/;
/** Hand-wrapped error lines: at most this many continuation lines are joined to one error line. */
const MAX_JOIN = 8;

/**
 * Whether WRAPPER can match at the line's start (a gate before the regex): no wrapper starts with a
 * lower-case letter but `buildx … failed with:`, and `#9 …` is buildx's own (only `##[error]` wraps).
 */
function mayWrap(l: string): boolean {
  const c = l.charCodeAt(0);
  if (c >= 97 && c <= 122) return c === 98;
  if (c === 35) return l.charCodeAt(1) === 35;
  return l.length > 0;
}

function unwrap(line: string): string {
  let l = line.endsWith('\r') ? line.slice(0, -1) : line;
  for (let pass = 0; pass < 4 && mayWrap(l); pass++) {
    const m = WRAPPER.exec(l);
    if (!m || !m[0]) break;
    l = l.slice(m[0].length);
  }
  return l;
}

/**
 * The text's lines (bounded) with tool wrappers taken off and each error line's hand-wrapped
 * continuation lines joined back to it (at most MAX_JOIN joins a line).
 */
function rejoinLines(text: string): string[] {
  const out: string[] = [];
  let joins = -1;
  for (const raw of bounded(text)) {
    const line = unwrap(raw);
    if (joins >= 0 && joins < MAX_JOIN && line.trim() && !/^\s/.test(line) && !RECORD.test(line)) {
      const prev = out[out.length - 1];
      if (prev.length >= 40) {
        out[out.length - 1] = `${prev} ${line}`;
        joins++;
        continue;
      }
    }
    const c = line[0];
    joins = (c === 'E' || c === 'e' || c === 'f') && ERROR_START.test(line) ? 0 : -1;
    out.push(line);
  }
  return out;
}

/**
 * The text with tool wrappers taken off every line and each error line's hand-wrapped continuation
 * lines joined back to it (bounded: the last lines, each clipped, at most MAX_JOIN joins a line).
 */
export function rejoin(text: string): string {
  // One short line (most bare errors): only its wrappers to take off.
  if (text.length <= MAX_LINE_CHARS && !text.includes('\n')) return unwrap(text);
  return rejoinLines(text).join('\n');
}

/** The final `ERROR:` line(s) of a text; the whole text when it has none (a bare error message). */
export function errorLines(text: string): string {
  // One line (most bare errors): itself either way.
  if (!text.includes('\n')) return text;
  const errors = text.split('\n').filter((l) => ERROR_LINE.test(l));
  return errors.length ? errors.slice(-3).join('\n') : text;
}

/**
 * verdictText(rejoin(text)) with errorLines of its own view, each line split once: the rejoined
 * lines are clipped as verdictText's bounded would clip them (joined lines can be longer).
 */
function views(text: string): VerdictViews {
  if (text.length <= MAX_LINE_CHARS && !text.includes('\n')) {
    const own = verdictText(unwrap(text)).own;
    return { own, step: own, error: own };
  }
  // verdictLines of lines that quote no step gives both views as the text itself (what verdictText's
  // short-text shortcut gives), so no shortcut is needed here: one pass either way.
  const lines = rejoinLines(text);
  for (let i = 0; i < lines.length; i++)
    if (lines[i].length > MAX_LINE_CHARS) lines[i] = clipMiddle(lines[i]);
  return verdictLines(lines);
}

const CHAIN_SPLIT = /\n|: (?=\S)|\bdesc = /;

interface OperationRead {
  operation: Operation;
  operationFrom: Reading['operationFrom'];
}

/** The operation: the vertex, the summary header, the chain's words, in that order. */
function operationOf(own: string, error: string, hints: FailureHints): OperationRead {
  const hinted = hints.vertex !== undefined ? vertexOperation(hints.vertex) : undefined;
  if (hinted) return { operation: hinted, operationFrom: 'vertex' };
  // failureText starts with the failing vertex: `#9 [test 3/3] RUN …`, `#12 exporting cache`.
  const first = own.slice(0, own.indexOf('\n') + 1 || own.length).match(/^#\d{1,6} (.{1,300})/);
  const fromFirst = first ? vertexOperation(first[1]) : undefined;
  if (fromFirst) return { operation: fromFirst, operationFrom: 'vertex' };
  // The failure summary names the failing vertex: ` > [build 2/6] RUN …:`, ` > exporting to image:`.
  let summary: Operation | undefined;
  for (const line of own.includes('> ') ? own.split('\n') : []) {
    const m = line.match(/^\s{0,8}> (.{1,300})/);
    const op = m ? vertexOperation(m[1]) : undefined;
    if (op) summary = op;
  }
  if (summary) return { operation: summary, operationFrom: 'summary' };
  const chained = chainOperation(error);
  if (chained) return { operation: chained, operationFrom: 'chain' };
  const last = hints.lastVertex !== undefined ? vertexOperation(hints.lastVertex) : undefined;
  return last
    ? { operation: last, operationFrom: 'last-vertex' }
    : { operation: 'none', operationFrom: 'none' };
}

/** A reading whose operation is read when first asked (no closure or object per call otherwise). */
class FailureReading implements Reading {
  #read: OperationRead | undefined;
  declare readonly cause?: ErrorPattern;
  readonly category: Category;
  constructor(
    private readonly own: string,
    private readonly error: string,
    private readonly hints: FailureHints,
    readonly causes: CauseMatch[],
    cause: ErrorPattern | undefined,
  ) {
    if (cause) this.cause = cause;
    const id = cause ? cause.id : NO_CAUSE;
    // The operation is read only when the cause's meaning depends on it (or for whoever asks).
    this.category = categoryOf(dependsOnOperation(id) ? this.operation : 'none', id);
  }
  #operationRead(): OperationRead {
    return (this.#read ??= operationOf(this.own, this.error, this.hints));
  }
  get operation(): Operation {
    return this.#operationRead().operation;
  }
  get operationFrom(): Reading['operationFrom'] {
    return this.#operationRead().operationFrom;
  }
}

/** The structured reading of a failure text (trace/query's failureText, or a bare error). */
export function readFailure(text: string, hints: FailureHints = {}): Reading {
  const v = views(text);
  let error = v.error;
  // The vertex's own error is the innermost link when the final error only summarises it.
  const inner = hints.vertexError ? withoutCommand(clipMiddle(unwrap(hints.vertexError))) : '';
  if (inner && !error.includes(inner)) error = `${error}\n${inner}`;
  // Positions on one scale: the error lines are the end of buildx's words, the step's output is
  // inside the step (innermost of all).
  const base = Math.max(0, v.own.length - error.length);
  const causes: CauseMatch[] = [];
  let best: ErrorPattern | undefined;
  let bestAt = 0;
  // One CauseText per distinct view (a bare error is all three): its prefilter data is made once.
  // The step view holds every line of the own view in the same order, and the error lines are own
  // lines in order: the step view's character pairs are a superset of the other two's (the vertex's
  // own error, when added, is not in it).
  const stepText = new CauseText(v.step);
  const own = v.own === v.step ? stepText : new CauseText(v.own, stepText);
  const errorText = error === v.own ? own : new CauseText(error, error === v.error ? stepText : undefined);
  for (let i = 0; i < ERROR_PATTERNS.length; i++) {
    const p = ERROR_PATTERNS[i];
    // The list is in tier order: once a cause of a higher tier is found, a lower tier cannot decide.
    if (best && p.tier > best.tier) break;
    const m = matchCauseAt(i, p.scope === 'error' ? errorText : p.scope === 'all' ? own : stepText);
    if (!m) continue;
    // Where the match ends: a specific cause that holds a generic one (`blob sha256:… not found`
    // holds `not found`) ends where it does, and comes first in the list.
    const at =
      p.scope === 'step' ? Number.MAX_SAFE_INTEGER : (p.scope === 'error' ? base : 0) + m.index + m[0].length;
    causes.push({ id: p.id, tier: p.tier, at });
    if (!best || p.tier < best.tier || (p.tier === best.tier && at > bestAt)) {
      best = p;
      bestAt = at;
    }
  }
  return new FailureReading(v.own, error, hints, causes, best);
}

/** A final error split into its links, outermost first (for debug output and tests). */
export function splitChain(error: string): string[] {
  return error
    .replace(/^(?:ERROR|Error|error): /gm, '')
    .split(CHAIN_SPLIT)
    .slice(0, 40);
}
