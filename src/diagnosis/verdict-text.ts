// The text a verdict is read from: buildx's words, never the failing step's. Pure, linear.
//
// The failure text (trace/query's failureText) quotes the user's own text in four places: the failing
// RUN step's header (`#9 [test 3/3] RUN <command>`), its log lines (`#9 <output>`), the `------`
// failure summary that repeats them (` > [test 3/3] RUN <command>:`, `0.143 <output>`), the
// Dockerfile excerpt (`  11 | >>> RUN <command>`), and the final error, which quotes the command
// (`process "/bin/sh -c <command>" did not complete successfully: exit code: 3`). A pull request
// controls all of it, so a pattern about buildx, BuildKit or a registry must not see it: the command
// is cut out of every line (`process "…"`), and the step's own lines are dropped. Only patterns
// scoped `step` (a step's cause: out of memory, another architecture; never retried) read the step's
// output, from `stepText`.
//
// Both views are bounded: the last MAX_LINES lines, each clipped from the middle to MAX_LINE_CHARS
// (the head says which operation, the tail says how it ended: `exit code: N`), so every pattern runs
// on a bounded input whatever the log holds.

export const MAX_LINE_CHARS = 2000;
export const MAX_LINES = 200;

/** A line clipped from the middle: its head and its tail survive (the tail decides a category). */
export function clipMiddle(line: string, max = MAX_LINE_CHARS): string {
  if (line.length <= max) return line;
  const head = Math.ceil((max - 1) / 2);
  return `${line.slice(0, head)}…${line.slice(line.length - (max - 1 - head))}`;
}

/** Up to this length the text is split whole (linear, and at most this much is copied). */
const SPLIT_MAX = 64 * 1024;

/** The text cut to its last MAX_LINES lines, each clipped: what any pattern may run on. */
export function bounded(text: string): string[] {
  // A short text: one native split (lastIndexOf is a runtime call per line).
  if (text.length <= SPLIT_MAX) {
    const all = text.split('\n');
    const lines = all.length > MAX_LINES ? all.slice(all.length - MAX_LINES) : all;
    for (let i = 0; i < lines.length; i++)
      if (lines[i].length > MAX_LINE_CHARS) lines[i] = clipMiddle(lines[i]);
    return lines;
  }
  const lines: string[] = [];
  let end = text.length;
  while (lines.length < MAX_LINES && end >= 0) {
    // At the text's start there is no line before (lastIndexOf(…, -1) would find a leading newline).
    const start = end > 0 ? text.lastIndexOf('\n', end - 1) : -1;
    lines.push(clipMiddle(text.slice(start + 1, end)));
    if (start < 0) break;
    end = start;
  }
  return lines.reverse();
}

/** The spots where buildx (or the legacy builder) quotes the command, with the words that close them. */
const QUOTES: readonly (readonly [open: string, close: string])[] = [
  ['process "', '" did not complete successfully'],
  ['executor failed running [', ']: '],
  ["The command '", "' returned a non-zero code"],
];

/** The line with the quoted command replaced by `…` (linear: two index searches per quote). */
export function withoutCommand(line: string): string {
  if (!line.includes('"') && !line.includes('[') && !line.includes("'")) return line;
  for (const [open, close] of QUOTES) {
    const i = line.indexOf(open);
    if (i < 0) continue;
    const j = line.lastIndexOf(close);
    if (j >= i + open.length) line = `${line.slice(0, i + open.length)}…${line.slice(j)}`;
  }
  return line;
}

// `#9 [test 3/3] RUN …`, `#9 RUN …` (legacy), `> [test 3/3] RUN …:` (failure summary).
const RUN_HEADER = /^(#\d+ |\s{0,8}> )(\[[^\]\n]{0,200}\] )?RUN\b/;
const STEP_NUMBER = /^#\d+ /;
const EXCERPT_LINE = /^\s{0,8}\d{1,7} \| /;
const SUMMARY_LOG = /^\s{0,8}(?:#\d+ )?\d+\.\d+ /;

export interface VerdictText {
  /** buildx's words: the step's command and output removed. Every pattern that is not `step` reads this. */
  own: string;
  /** With the failing step's output (bounded): only for `step`-scoped patterns. */
  step: string;
}

/** Words without which a text quotes no step (literal searches: linear). */
const STEP_WORDS = ['RUN', 'process "', 'executor failed running [', "The command '", ' | '];

/** Whether a text can quote a step (verdictText's fast path: nothing to take out when not). */
export function quotesStep(text: string): boolean {
  for (const w of STEP_WORDS) if (text.includes(w)) return true;
  return false;
}

export function verdictText(text: string): VerdictText {
  // A short text that quotes no step (most bare errors): nothing to take out or clip.
  if (text.length <= MAX_LINE_CHARS && !quotesStep(text)) return { own: text, step: text };
  const { own, step } = verdictLines(bounded(text));
  return { own, step };
}

/** The final error line(s) of buildx's words: `ERROR: …` (errorLines in reading.ts). */
export const ERROR_LINE = /^(?:ERROR|Error|error): /;

/** verdictText's views, and the final error lines of the own view (the last 3 `ERROR:` lines). */
export interface VerdictViews extends VerdictText {
  /** The own view's last 3 `ERROR: …` lines, or the whole own view when it has none. */
  error: string;
}

/**
 * verdictText of lines already bounded (each at most MAX_LINE_CHARS, at most MAX_LINES of them):
 * one pass, which also collects the own view's error lines, so no view is split again.
 */
export function verdictLines(lines: readonly string[]): VerdictViews {
  const own: string[] = [];
  const step: string[] = [];
  const errors: string[] = [];
  // Whether both views are the lines as given (nothing quoted a step): then one join makes both.
  let same = true;
  // `#9 ` of every RUN step: their lines are the user's output.
  const runSteps = new Set<string>();
  let inSummary = false;
  let summaryRun = false;
  for (const raw of lines) {
    const line = withoutCommand(raw);
    if (line !== raw) same = false;
    const c = line[0];
    if (line === '------') {
      inSummary = !inSummary;
      summaryRun = false;
    }
    // Cheap gates before the regexes: each shape starts with `#`, `>`, a space or a digit.
    const header = c === '#' || c === ' ' || c === '>' ? line.match(RUN_HEADER) : null;
    if (header) {
      if (header[1].startsWith('#')) runSteps.add(header[1]);
      else summaryRun = inSummary;
      own.push(`${header[0]} …`);
      step.push(`${header[0]} …`);
      same = false;
      continue;
    }
    if ((c === ' ' || (c >= '0' && c <= '9')) && EXCERPT_LINE.test(line)) {
      same = false;
      continue;
    }
    step.push(line);
    if (c === '#' && runSteps.size) {
      const number = line.match(STEP_NUMBER);
      if (number && runSteps.has(number[0])) {
        same = false;
        continue;
      }
    }
    if (summaryRun && SUMMARY_LOG.test(line)) {
      same = false;
      continue;
    }
    own.push(line);
    if ((c === 'E' || c === 'e') && ERROR_LINE.test(line)) errors.push(line);
  }
  const ownText = own.join('\n');
  return {
    own: ownText,
    step: same ? ownText : step.join('\n'),
    error: errors.length ? errors.slice(-3).join('\n') : ownText,
  };
}
