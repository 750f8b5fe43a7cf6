// The text buildx writes around and after the progress: the failure summary (`------` blocks), the
// Dockerfile excerpt under a failure, build-check warnings (the plain list and `--call=check`
// blocks), panics, and the final error line in every spelling (final-line.ts). Bounded: a tail of
// lines, one excerpt, a capped warning list.
import { readFinalLine, type FinalLine } from './final-line.js';
import type { BuildWarning, Excerpt } from './types.js';

const MAX_LINE = 4000;
const MAX_WARNINGS = 500;
const TAIL_LINES = 40;
const EXCERPT_LINES = 40;

/**
 * A line clipped from the middle: the head (which operation) and the tail survive, since the tail
 * decides a category (`… did not complete successfully: exit code: 1` after a long command).
 */
export function clip(s: string): string {
  if (s.length <= MAX_LINE) return s;
  const head = MAX_LINE / 2;
  return `${s.slice(0, head)}…${s.slice(s.length - (MAX_LINE - head - 1))}`;
}

const MAX_JOIN = 8;
/** A line that starts a record of its own: never the continuation of an error line. */
const CONTINUATION_STOP =
  /^(?:#\d|ERROR|Error|error|WARN|INFO|DEBUG|-{3}|\d{1,7} \||\d{1,6}\.\d{1,6} |>|=>|\[|\S{0,200}Dockerfile|panic|fatal error|goroutine|View build details|errors:|\w{1,40}:$)/;

const EXCERPT_HEADER = /^(\S*(?:Dockerfile|Containerfile)\S*|\S+\.[Dd]ockerfile):(\d+)$/;

export class ClosingText {
  tail: string[] = [];
  excerpt?: Excerpt;
  error?: FinalLine;
  crashed = false;
  warnings: BuildWarning[] = [];
  /** `--call=check`'s verdict: how many warnings it reported. */
  check?: { warnings: number };
  /** Inside a `------` failure summary: its step's name once the ` > name:` line was read. */
  inSummary = false;
  private summaryStep?: string;
  /** 0: no excerpt, 1: header seen, 2: inside the dashes. */
  private inExcerpt = 0;
  /** The excerpt being read belongs to a warning (`--call=check`), not to the failure. */
  private excerptOf?: BuildWarning;
  private inWarningList = false;
  private checkWarning?: BuildWarning;

  /** `onSummaryLog(step, line)`: a log line the failure summary repeats (or only it shows). */
  constructor(private readonly onSummaryLog: (step: string, line: string) => void) {}

  /**
   * Whether `line` belongs to a `------` failure summary. buildx opens one with ` > step:`; a
   * `------` followed by anything else was a poster's or a tool's rule around the log, and the
   * progress after it is read as progress.
   */
  holds(line: string): boolean {
    if (!this.inSummary) return false;
    if (this.summaryStep !== undefined || line === '' || /^-{6}$/.test(line) || /^> .*:$/.test(line))
      return true;
    this.inSummary = false;
    return false;
  }

  /** Reads one normalized line (the tail keeps it for the failure's text); false if it meant nothing. */
  push(line: string): boolean {
    this.tail.push(clip(line));
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    if (this.continues(line)) return true;
    if (this.excerptLine(line)) return true;
    if (/^-{6}$/.test(line)) {
      this.inSummary = !this.inSummary;
      this.summaryStep = undefined;
      return true;
    }
    if (this.inSummary && this.summaryLine(line)) return true;
    if (this.warningLine(line)) return true;
    if (/^(?:panic|fatal error): /.test(line)) {
      this.crashed = true;
      return true;
    }
    const final = readFinalLine(line);
    if (!final) return this.inSummary || /^(?:WARNING|WARN|goroutine) /.test(line);
    if (!this.error || final.rank >= this.error.rank) {
      this.error = { ...final, text: clip(final.text) };
      this.joins = final.text.length >= 40 ? 0 : -1;
    }
    return true;
  }

  /** Continuation lines joined to the final error since it was read; -1: the last line was not it. */
  private joins = -1;

  /**
   * A poster's hand-wrapped final error: the lines right after it that start no record of their
   * own (at most MAX_JOIN) are the rest of its text (the diagnosis core re-joins bare text alike).
   */
  private continues(line: string): boolean {
    if (this.joins < 0 || !this.error) return false;
    if (this.joins >= MAX_JOIN || !line.trim() || CONTINUATION_STOP.test(line) || readFinalLine(line)) {
      this.joins = -1;
      return false;
    }
    this.error = { ...this.error, text: clip(`${this.error.text} ${line}`) };
    this.joins++;
    return true;
  }

  private excerptLine(line: string): boolean {
    const header = line.match(EXCERPT_HEADER);
    if (header) {
      const at = { file: header[1], line: Number(header[2]), lines: [] };
      if (this.checkWarning && this.checkWarning.startLine === undefined) {
        this.excerptOf = this.checkWarning;
        Object.assign(this.excerptOf, { file: at.file, startLine: at.line, endLine: at.line });
      } else {
        this.excerptOf = undefined;
        this.excerpt = at;
      }
      this.inExcerpt = 1;
      return true;
    }
    if (this.inExcerpt && /^-{10,}$/.test(line)) {
      this.inExcerpt = this.inExcerpt === 1 ? 2 : 0;
      if (!this.inExcerpt) this.checkWarning = undefined;
      return true;
    }
    if (this.inExcerpt === 2) {
      if (!this.excerptOf && this.excerpt && this.excerpt.lines.length < EXCERPT_LINES)
        this.excerpt.lines.push(clip(line));
      return true;
    }
    return false;
  }

  /** ` > [test 3/3] RUN …:` names the step; `0.143 text` and `#0 0.143 text` are its log lines. */
  private summaryLine(line: string): boolean {
    const head = line.match(/^> (.*):$/);
    if (head) {
      this.summaryStep = head[1];
      return true;
    }
    const log = line.match(/^(?:#\d+ )?\d+\.\d+ (.*)$/s);
    if (log && this.summaryStep) {
      this.onSummaryLog(this.summaryStep, log[1]);
      return true;
    }
    return false;
  }

  /**
   * Plain warnings after `N warnings found`: ` - FromAsCasing: … (line 3)`. `--call=check`:
   * `WARNING: FromAsCasing - https://…`, the message, then its excerpt.
   */
  private warningLine(line: string): boolean {
    if (/^\d+ warnings? found\b/.test(line)) {
      this.inWarningList = true;
      return true;
    }
    const listed = this.inWarningList ? line.match(/^- ([A-Z]\w*): (.*?)(?: \(line (\d+)\))?$/) : null;
    if (listed) {
      const ln = listed[3] ? Number(listed[3]) : undefined;
      this.addWarning({
        rule: listed[1],
        level: 1,
        message: `${listed[1]}: ${listed[2]}`,
        detail: [],
        startLine: ln,
        endLine: ln,
      });
      return true;
    }
    this.inWarningList = false;
    const check = line.match(
      /^Check complete, (\d+|no) warnings? ha(?:ve|s) been found!?|^Check complete, no warnings found/,
    );
    if (check) {
      this.check = { warnings: check[1] && check[1] !== 'no' ? Number(check[1]) : 0 };
      return true;
    }
    const block = line.match(/^WARNING: ([A-Z]\w*) - (\S+)$/);
    if (block) {
      // Its message comes on the next line: two checks of one rule are told apart only by it.
      this.checkWarning = { rule: block[1], level: 1, message: '', detail: [], url: block[2] };
      if (this.warnings.length < MAX_WARNINGS) this.warnings.push(this.checkWarning);
      return true;
    }
    if (this.checkWarning && !this.checkWarning.message && line.trim()) {
      this.checkWarning.message = clip(`${this.checkWarning.rule}: ${line}`);
      return true;
    }
    return false;
  }

  /** Adds a warning unless the same check (rule, line, message) is there: platforms repeat them. */
  addWarning(w: BuildWarning): void {
    if (this.warnings.length >= MAX_WARNINGS) return;
    if (
      this.warnings.some((x) => x.rule === w.rule && x.startLine === w.startLine && x.message === w.message)
    )
      return;
    this.warnings.push(w);
  }
}
