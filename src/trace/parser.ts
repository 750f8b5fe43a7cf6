// A streaming reader of buildx progress into a BuildTrace, whatever shape the log has: rawjson
// (one SolveStatus per line, or pretty-printed by buildx 0.13), plain (`#N …`), the interactive
// display (tty.ts), the legacy builder (legacy.ts), `--call=check` output, and the closing text
// (closing.ts). Lines may carry GitHub timestamps, quotes, indentation and CRLF (lines.ts). Memory
// is bounded by the number of steps, never by the size of the log; garbage lines are counted.
import { ClosingText, clip } from './closing.js';
import { clippedLimit } from './record.js';
import { readFinalLine } from './final-line.js';
import { JsonAssembler } from './json.js';
import { readLegacyLine } from './legacy.js';
import { normalizeLine, stripAnsi } from './lines.js';
import { announcedTarget, describeStepName, parseSize } from './names.js';
import { readSolveStatus } from './solve-status.js';
import { readTtyLine } from './tty.js';
import type { BuildTrace, Step } from './types.js';

export { stripAnsi };

const LOG_TAIL_LINES = 30;

/** What happened, for a live view of the build (the job log). */
export type TraceEvent =
  | { kind: 'started'; step: Step }
  | { kind: 'log'; step: Step; line: string }
  | { kind: 'completed'; step: Step }
  | { kind: 'text'; line: string };

/** The error of a step the interactive display marks `ERROR`, until the summary says more. */
export const TTY_STEP_ERROR = 'the step failed';

export class TraceParser {
  private steps = new Map<string, Step>();
  private byName = new Map<string, Step>();
  contextBytes = 0;
  /** rawjson: each vertex's inputs, by digest. */
  private inputs = new Map<string, string[]>();
  private format: BuildTrace['format'] = 'unknown';
  private unread = 0;
  private binary = false;
  private started?: number;
  private completed?: number;
  private json = new JsonAssembler();
  private closing = new ClosingText((name, line) => this.summaryLog(name, line));
  /** The step later lines belong to: the display's running step, the legacy builder's current one. */
  private current?: Step;

  /** Bake targets: given by the caller (the resolved bake file) or announced by the log. */
  private targets: Set<string>;

  constructor(
    private readonly listener?: (e: TraceEvent) => void,
    opts: { targets?: readonly string[] } = {},
  ) {
    this.targets = new Set(opts.targets ?? []);
  }

  push(rawLine: string): void {
    // The hot path: a one-line JSON value (JSON escapes control characters, so no ANSI codes inside).
    if (
      !this.json.active &&
      rawLine.charCodeAt(0) === 123 /* { */ &&
      rawLine.charCodeAt(rawLine.length - 1) === 125 /* } */ &&
      this.jsonValue(rawLine)
    ) {
      return;
    }
    if (this.json.active) {
      const raw = stripAnsi(rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine);
      if (this.json.continues(raw)) {
        const r = this.json.push(raw);
        if (r.kind === 'value') this.solveStatus(r.value);
        else if (r.kind === 'dropped') this.unread += r.lines;
        return;
      }
      // The value was cut off: the line is read on its own.
      this.unread += this.json.abandon();
    }
    // buildx never writes NUL: this is a binary file, and what reads like an error in it is not one.
    if (rawLine.includes('\0')) {
      this.binary = true;
      this.unread++;
      return;
    }
    const line = normalizeLine(rawLine);
    if (line === '{') {
      this.json.start();
      this.json.push(line);
      return;
    }
    if (line.startsWith('{') && line.endsWith('}') && this.jsonValue(line)) return;
    if (!this.closing.holds(line) && (this.plain(line) || this.tty(line) || this.legacy(line))) return;
    this.text(line);
  }

  /** Reads one JSON SolveStatus; false when the text is not a JSON object. */
  private jsonValue(text: string): boolean {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    if (!value || typeof value !== 'object') return false;
    this.solveStatus(value);
    return true;
  }

  private solveStatus(value: unknown): void {
    this.format = 'rawjson';
    readSolveStatus(value as Record<string, unknown>, {
      step: (id, name) => this.step(id, name),
      changed: (s, wasStarted, wasDone) => {
        this.span(s);
        if (!wasStarted && (s.startedMs !== undefined || s.cached))
          this.listener?.({ kind: 'started', step: s });
        if (!wasDone && s.completedMs !== undefined) this.listener?.({ kind: 'completed', step: s });
      },
      log: (s, l) => this.log(s, l),
      contextBytes: (n) => (this.contextBytes = Math.max(this.contextBytes, n)),
      warning: (w) => this.closing.addWarning(w),
      inputs: (id, inputs) => this.inputs.set(id, inputs),
    });
  }

  private step(id: string, name?: string): Step {
    let s = this.steps.get(id);
    if (!s) {
      s = {
        number: this.steps.size + 1,
        id,
        name: name ?? '',
        cached: false,
        logTail: [],
        logLines: 0,
        internal: true,
      };
      if (name) this.describe(s, name);
      this.steps.set(id, s);
    } else if (name && !s.name) {
      s.name = name;
      this.describe(s, name);
    }
    if (s.name && !this.byName.has(s.name)) this.byName.set(s.name, s);
    return s;
  }

  private describe(s: Step, name: string): void {
    const target = announcedTarget(name);
    if (target) this.targets.add(target);
    Object.assign(s, describeStepName(name, this.targets));
  }

  private log(s: Step, text: string): void {
    s.logLines++;
    if (!s.clipped) {
      const limit = clippedLimit(text);
      if (limit) s.clipped = limit;
    }
    s.logTail.push(clip(text));
    if (s.logTail.length > LOG_TAIL_LINES) s.logTail.shift();
    this.listener?.({ kind: 'log', step: s, line: text });
  }

  /** A line the failure summary shows: kept when the step's own log did not reach the trace. */
  private summaryLog(name: string, line: string): void {
    const s =
      this.byName.get(name) ??
      [...this.byName.values()].find((x) => name.startsWith(x.name.replace(/\.\.\.$/, '')));
    if (s && (s.logLines === 0 || s.summaryOnly)) {
      s.summaryOnly = true;
      this.log(s, line);
    }
  }

  private span(s: Step): void {
    if (s.startedMs !== undefined && (this.started === undefined || s.startedMs < this.started))
      this.started = s.startedMs;
    if (s.completedMs !== undefined && (this.completed === undefined || s.completedMs > this.completed))
      this.completed = s.completedMs;
  }

  private setFormat(f: BuildTrace['format']): void {
    if (this.format === 'unknown') this.format = f;
  }

  /** Plain progress: `#N name`, `#N CACHED`, `#N DONE 1.2s`, `#N ERROR: …`, `#N 0.114 log`. */
  private plain(line: string): boolean {
    const m = line.match(/^#(\d+) (.*)$/s);
    if (!m) return false;
    this.setFormat('plain');
    const id = `#${m[1]}`;
    const rest = m[2];
    const known = this.steps.get(id);
    if (!known) {
      const s = this.step(id, rest);
      this.listener?.({ kind: 'started', step: s });
      return true;
    }
    if (rest === 'CACHED') {
      known.cached = true;
      known.durationMs = 0;
      known.done = true;
      this.listener?.({ kind: 'completed', step: known });
    } else if (/^DONE [\d.]+s$/.test(rest)) {
      known.durationMs = Math.round(parseFloat(rest.slice(5)) * 1000);
      known.done = true;
      this.listener?.({ kind: 'completed', step: known });
    } else if (rest.startsWith('ERROR: ')) {
      known.error = clip(rest.slice(7));
      known.done = true;
      this.listener?.({ kind: 'completed', step: known });
    } else if (rest === 'CANCELED') {
      known.canceled = true;
      known.done = true;
    } else if (rest !== '...' && rest !== known.name && !rest.startsWith('WARN: ')) {
      const ctx = rest.match(/^transferring context: ([\d.]+\s*[kMGT]?i?B)/);
      if (ctx) this.contextBytes = Math.max(this.contextBytes, parseSize(ctx[1]) ?? 0);
      const log = rest.match(/^\d+\.\d+ (.*)$/s);
      if (log) this.log(known, log[1]);
    }
    return true;
  }

  /** The interactive display (tty.ts): steps keyed by name, since the display redraws them. */
  private tty(line: string): boolean {
    const t = readTtyLine(line);
    if (!t) return false;
    this.setFormat('tty');
    if (t.kind === 'step') {
      const s = this.step(`tty:${t.name}`, t.name);
      this.current = s;
      if (t.status === 'cached') s.cached = true;
      if (t.status === 'error') s.error ??= TTY_STEP_ERROR;
      if (t.status === 'canceled') s.canceled = true;
      if (t.status !== 'running') s.done = true;
      if (t.durationMs !== undefined) s.durationMs = t.durationMs;
    } else if (t.kind === 'log' && this.current) this.log(this.current, t.text);
    else if (t.kind === 'detail') {
      const ctx = t.text.match(/^transferring context: ([\d.]+\s*[kMGT]?i?B)/);
      if (ctx) this.contextBytes = Math.max(this.contextBytes, parseSize(ctx[1]) ?? 0);
    }
    return true;
  }

  /** The legacy builder (legacy.ts): a step's output follows its `Step i/n :` line unprefixed. */
  private legacy(line: string): boolean {
    const l = readLegacyLine(line);
    if (!l) {
      if (this.format !== 'legacy' || !this.current || this.closing.error) return false;
      // Output of the running step; a failure line (`The command … returned …`) ends it.
      if (readFinalLine(line)) {
        this.current.error = clip(line);
        return false;
      }
      if (line.trim()) this.log(this.current, line);
      return true;
    }
    this.setFormat('legacy');
    if (l.kind === 'step') {
      if (this.current && !this.current.error) this.current.done = true;
      const s = this.step(`step:${l.index}`, l.instruction);
      Object.assign(s, { internal: false, instruction: l.instruction, legacyIndex: l.index });
      this.current = s;
    } else if (l.kind === 'context') this.contextBytes = Math.max(this.contextBytes, parseSize(l.size) ?? 0);
    return true;
  }

  private text(line: string): void {
    this.listener?.({ kind: 'text', line });
    if (!this.closing.push(line) && line.trim() !== '') this.unread++;
    if (this.closing.check && this.format === 'unknown') this.format = 'check';
  }

  finish(): BuildTrace {
    if (this.current && this.format === 'legacy' && !this.current.error && !this.closing.error)
      this.current.done = true;
    const steps = [...this.steps.values()];
    const c = this.closing;
    if (c.error?.target) this.targets.add(c.error.target);
    // A target announced after a step of it was named (rawjson may order vertexes so).
    if (this.targets.size) {
      for (const s of steps)
        if (!s.target && s.name) Object.assign(s, describeStepName(s.name, this.targets));
    }
    // BuildKit names a platform only on some of a multi-platform build's steps (`[linux/386 base
    // 1/2] COPY …` then `[base 2/2] RUN …`): the others are built on their inputs' platform.
    const platformOf = (id: string, seen = new Set<string>()): string | undefined => {
      const s = this.steps.get(id);
      if (s?.platform) return s.platform;
      if (seen.has(id)) return undefined;
      seen.add(id);
      for (const i of this.inputs.get(id) ?? []) {
        const p = platformOf(i, seen);
        if (p) return p;
      }
      return undefined;
    };
    for (const s of steps)
      if (!s.platform && !s.internal && this.inputs.has(s.id)) s.platform = platformOf(s.id);
    const platforms = [...new Set(steps.map((s) => s.platform).filter((p): p is string => !!p))];
    const durationMs =
      this.started !== undefined && this.completed !== undefined
        ? this.completed - this.started
        : steps.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
    return {
      format: this.format,
      steps,
      warnings: c.warnings,
      contextBytes: this.contextBytes,
      platforms,
      startedMs: this.started,
      completedMs: this.completed,
      durationMs,
      error: c.error?.text,
      ...(c.error?.target ? { errorTarget: c.error.target } : {}),
      ...(this.targets.size ? { targets: [...this.targets] } : {}),
      crashed: c.crashed,
      ...(this.binary ? { binary: true } : {}),
      ...(c.check ? { check: c.check } : {}),
      excerpt: c.excerpt,
      unreadLines: this.unread,
      tail: c.tail,
    };
  }
}

/** Parses a whole log held in memory (tests, small inputs); files go through `readTrace`. */
export function parseTrace(text: string): BuildTrace {
  const p = new TraceParser();
  for (const line of text.split('\n')) p.push(line);
  return p.finish();
}
