// A streaming reader of buildx progress: `--progress=rawjson` (SolveStatus JSON values, one per line)
// and `--progress=plain`, plus the text buildx writes after either (the Dockerfile excerpt, warnings,
// the final `ERROR:` line). Fed one line at a time; memory is bounded by the number of steps, never
// by the size of the log. Garbage lines are counted, never fatal.
import type { BuildTrace, BuildWarning, Step } from './types.js';

const LOG_TAIL_LINES = 30;
/** A JSON value spread over lines (buildx 0.13 pretty-prints rawjson) is dropped past this size. */
const MAX_PENDING_BYTES = 32 * 1024 * 1024;
const MAX_LINE = 4000;
const MAX_WARNINGS = 500;
const TAIL_LINES = 40;

/** What happened, for a live view of the build (the job log). */
export type TraceEvent =
  | { kind: 'started'; step: Step }
  | { kind: 'log'; step: Step; line: string }
  | { kind: 'completed'; step: Step }
  | { kind: 'text'; line: string };

interface RawVertex {
  digest?: string;
  name?: string;
  started?: string;
  completed?: string;
  cached?: boolean;
  error?: string;
}
interface RawStatus {
  id?: string;
  vertex?: string;
  current?: number;
}
interface RawLog {
  vertex?: string;
  data?: string;
  timestamp?: string;
}
interface RawWarning {
  vertex?: string;
  level?: number;
  short?: string;
  detail?: string[];
  url?: string;
  sourceInfo?: { filename?: string };
  range?: { start?: { line?: number }; end?: { line?: number } }[];
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
// `[linux/amd64 base 2/4] RUN …`; BuildKit pads the index when a stage has ten steps or more (`[ 1/12]`).
const STEP_NAME =
  /^\[(?:([a-z0-9]+\/[a-z0-9._/-]+) )?(?:([^\s\]\d][^\s\]]*|stage-\d+) +)?\s*(\d+)\/(\d+)\] (.*)$/s;

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

function decode(b64: string | undefined): string {
  return b64 ? Buffer.from(b64, 'base64').toString('utf8') : '';
}

function clip(s: string): string {
  return s.length > MAX_LINE ? `${s.slice(0, MAX_LINE)}…` : s;
}

/** `1.98MB`, `512B`, `3.2kB`, `1.1GB` (buildx prints decimal SI units) → bytes. */
export function parseSize(text: string): number | undefined {
  const m = text.match(/^([\d.]+)\s*([kMGT]?i?B)$/);
  if (!m) return undefined;
  const mult: Record<string, number> = {
    B: 1,
    kB: 1e3,
    MB: 1e6,
    GB: 1e9,
    TB: 1e12,
    KiB: 1024,
    MiB: 1024 ** 2,
    GiB: 1024 ** 3,
    TiB: 1024 ** 4,
  };
  const f = mult[m[2]];
  return f === undefined ? undefined : Math.round(Number(m[1]) * f);
}

export function describeStepName(
  name: string,
): Pick<Step, 'internal' | 'stage' | 'platform' | 'index' | 'total' | 'instruction'> {
  const m = name.match(STEP_NAME);
  if (m) {
    return {
      internal: false,
      platform: m[1],
      stage: m[2],
      index: Number(m[3]),
      total: Number(m[4]),
      instruction: m[5].trim(),
    };
  }
  // `[internal] load …`, `[auth] …`, `exporting to image`, `[linux/amd64 internal] load metadata …`
  const plat = name.match(/^\[([a-z0-9]+\/[a-z0-9._/-]+) /);
  return { internal: true, platform: plat?.[1] };
}

export class TraceParser {
  private steps = new Map<string, Step>();
  private warnings: BuildWarning[] = [];
  private contextBytes = 0;
  private format: BuildTrace['format'] = 'unknown';
  private error?: string;
  private excerpt?: { file: string; line: number; lines: string[] };
  private inExcerpt = 0; // 0: no, 1: header seen, 2: inside the dashes
  private inSummary = false;
  private unread = 0;
  private tail: string[] = [];
  private started?: number;
  private completed?: number;
  /** An unfinished multi-line JSON value: its lines so far, brace depth and string state. */
  private pending?: { lines: string[]; bytes: number; depth: number; inString: boolean; escaped: boolean };

  constructor(private readonly listener?: (e: TraceEvent) => void) {}

  push(rawLine: string): void {
    // The hot path: a one-line JSON value (JSON escapes control characters, so no ANSI codes inside).
    if (
      !this.pending &&
      rawLine.charCodeAt(0) === 123 /* { */ &&
      rawLine.charCodeAt(rawLine.length - 1) === 125 /* } */ &&
      this.json(rawLine)
    ) {
      return;
    }
    const trimmed = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const line = trimmed.includes('\x1b') ? stripAnsi(trimmed) : trimmed;
    if (this.pending) {
      // Inside a pretty-printed value every line is indented or closes a bracket; anything else
      // means the value was cut off, and the line is read on its own.
      if (/^(?:\s|[}\]])/.test(line)) {
        this.continueJson(line);
        return;
      }
      this.unread += this.pending.lines.length;
      this.pending = undefined;
    }
    if (line === '{') {
      this.pending = { lines: [], bytes: 0, depth: 0, inString: false, escaped: false };
      this.continueJson(line);
      return;
    }
    if (line.startsWith('{') && this.json(line)) return;
    if (this.plain(line)) return;
    this.text(line);
  }

  /** Reads one JSON SolveStatus; false when the text is not a JSON object. */
  private json(text: string): boolean {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false;
    }
    if (!value || typeof value !== 'object') return false;
    this.format = 'rawjson';
    this.solveStatus(value as Record<string, unknown>);
    return true;
  }

  /** Accumulates a pretty-printed JSON value until its braces balance, then reads it. */
  private continueJson(line: string): void {
    const p = this.pending!;
    p.lines.push(line);
    p.bytes += line.length + 1;
    for (const ch of line) {
      if (p.inString) {
        if (p.escaped) p.escaped = false;
        else if (ch === '\\') p.escaped = true;
        else if (ch === '"') p.inString = false;
      } else if (ch === '"') p.inString = true;
      else if (ch === '{' || ch === '[') p.depth++;
      else if (ch === '}' || ch === ']') p.depth--;
    }
    // A JSON string never spans lines: a line that ends inside one is not JSON.
    if (p.depth > 0 && p.bytes <= MAX_PENDING_BYTES && !p.inString) return;
    this.pending = undefined;
    if (p.depth > 0 || p.inString) {
      this.unread += p.lines.length;
      return;
    }
    try {
      const value = JSON.parse(p.lines.join('\n'));
      this.format = 'rawjson';
      this.solveStatus(value as Record<string, unknown>);
    } catch {
      this.unread += p.lines.length;
    }
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
      if (name) Object.assign(s, describeStepName(name));
      this.steps.set(id, s);
    } else if (name && !s.name) {
      s.name = name;
      Object.assign(s, describeStepName(name));
    }
    return s;
  }

  private solveStatus(v: Record<string, unknown>): void {
    for (const raw of (v.vertexes as RawVertex[] | undefined) ?? []) {
      if (!raw.digest) continue;
      const s = this.step(raw.digest, raw.name);
      const wasStarted = s.startedMs !== undefined;
      const wasDone = s.completedMs !== undefined;
      if (raw.cached) s.cached = true;
      if (raw.started) s.startedMs = Date.parse(raw.started);
      if (raw.completed) s.completedMs = Date.parse(raw.completed);
      if (raw.error) s.error = raw.error;
      if (s.startedMs !== undefined && s.completedMs !== undefined)
        s.durationMs = Math.max(0, s.completedMs - s.startedMs);
      this.span(s);
      if (!wasStarted && (s.startedMs !== undefined || s.cached))
        this.listener?.({ kind: 'started', step: s });
      if (!wasDone && s.completedMs !== undefined) this.listener?.({ kind: 'completed', step: s });
    }
    for (const st of (v.statuses as RawStatus[] | undefined) ?? []) {
      if (st.id?.startsWith('transferring context') && typeof st.current === 'number') {
        this.contextBytes = Math.max(this.contextBytes, st.current);
      }
    }
    for (const log of (v.logs as RawLog[] | undefined) ?? []) {
      if (!log.vertex) continue;
      const s = this.step(log.vertex);
      for (const l of decode(log.data).split('\n')) if (l !== '') this.log(s, l);
    }
    for (const w of (v.warnings as RawWarning[] | undefined) ?? []) {
      if (this.warnings.length >= MAX_WARNINGS) break;
      const short = decode(w.short);
      const r = w.range?.[0];
      this.warnings.push({
        rule: short.match(/^(\w+):/)?.[1] ?? '',
        level: w.level ?? 1,
        message: clip(short),
        detail: (w.detail ?? []).map((d) => clip(decode(d))),
        url: w.url,
        file: w.sourceInfo?.filename,
        startLine: r?.start?.line,
        endLine: r?.end?.line ?? r?.start?.line,
      });
    }
  }

  private log(s: Step, text: string): void {
    s.logLines++;
    s.logTail.push(clip(text));
    if (s.logTail.length > LOG_TAIL_LINES) s.logTail.shift();
    this.listener?.({ kind: 'log', step: s, line: text });
  }

  private span(s: Step): void {
    if (s.startedMs !== undefined && (this.started === undefined || s.startedMs < this.started))
      this.started = s.startedMs;
    if (s.completedMs !== undefined && (this.completed === undefined || s.completedMs > this.completed))
      this.completed = s.completedMs;
  }

  /** Plain progress: `#N name`, `#N CACHED`, `#N DONE 1.2s`, `#N ERROR: …`, `#N 0.114 log`. */
  private plain(line: string): boolean {
    const m = line.match(/^#(\d+) (.*)$/s);
    if (!m) return false;
    if (this.format === 'unknown') this.format = 'plain';
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
      this.listener?.({ kind: 'completed', step: known });
    } else if (/^DONE [\d.]+s$/.test(rest)) {
      known.durationMs = Math.round(parseFloat(rest.slice(5)) * 1000);
      this.listener?.({ kind: 'completed', step: known });
    } else if (rest.startsWith('ERROR: ')) {
      known.error = rest.slice(7);
      this.listener?.({ kind: 'completed', step: known });
    } else if (rest === 'CANCELED' || rest === '...' || rest === known.name) {
      // A repeated header after interleaving, or a cancelled step.
    } else {
      const ctx = rest.match(/^transferring context: ([\d.]+\s*[kMGT]?i?B)/);
      if (ctx) this.contextBytes = Math.max(this.contextBytes, parseSize(ctx[1]) ?? 0);
      const log = rest.match(/^\d+\.\d+ (.*)$/s);
      if (log) this.log(known, log[1]);
    }
    return true;
  }

  /** Text around the progress: the excerpt, warnings, the final ERROR line. */
  private text(line: string): void {
    this.tail.push(clip(line));
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    this.listener?.({ kind: 'text', line });
    const header = line.match(/^(\S*(?:Dockerfile|Containerfile)\S*|\S+\.[Dd]ockerfile):(\d+)$/);
    if (header) {
      this.excerpt = { file: header[1], line: Number(header[2]), lines: [] };
      this.inExcerpt = 1;
      return;
    }
    if (this.inExcerpt && /^-{10,}$/.test(line)) {
      this.inExcerpt = this.inExcerpt === 1 ? 2 : 0;
      return;
    }
    if (this.inExcerpt === 2 && this.excerpt) {
      if (this.excerpt.lines.length < 40) this.excerpt.lines.push(clip(line));
      return;
    }
    // The failure summary of plain progress repeats the failing step's last lines between dashes.
    if (/^-{6}$/.test(line)) {
      this.inSummary = !this.inSummary;
      return;
    }
    if (this.inSummary && (/^ > \[/.test(line) || /^\d+\.\d+ /.test(line))) return;
    const err = line.match(/^ERROR: (.*)$/);
    if (err) {
      this.error = clip(err[1]);
      return;
    }
    // Plain warnings: ` - FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 3)`
    const w = line.match(/^ - (\w+): (.*?)(?: \(line (\d+)\))?$/);
    if (w && this.warnings.length < MAX_WARNINGS) {
      const ln = w[3] ? Number(w[3]) : undefined;
      if (!this.warnings.some((x) => x.rule === w[1] && x.startLine === ln)) {
        this.warnings.push({
          rule: w[1],
          level: 1,
          message: `${w[1]}: ${w[2]}`,
          detail: [],
          startLine: ln,
          endLine: ln,
        });
      }
      return;
    }
    if (line.trim() !== '') this.unread++;
  }

  finish(): BuildTrace {
    const steps = [...this.steps.values()];
    const platforms = [...new Set(steps.map((s) => s.platform).filter((p): p is string => !!p))];
    const durationMs =
      this.started !== undefined && this.completed !== undefined
        ? this.completed - this.started
        : steps.reduce((sum, s) => sum + (s.durationMs ?? 0), 0);
    return {
      format: this.format,
      steps,
      warnings: this.warnings,
      contextBytes: this.contextBytes,
      platforms,
      startedMs: this.started,
      completedMs: this.completed,
      durationMs,
      error: this.error,
      excerpt: this.excerpt,
      unreadLines: this.unread,
      tail: this.tail,
    };
  }
}

/** Parses a whole log held in memory (tests, small inputs); files go through `readTrace`. */
export function parseTrace(text: string): BuildTrace {
  const p = new TraceParser();
  for (const line of text.split('\n')) p.push(line);
  return p.finish();
}
