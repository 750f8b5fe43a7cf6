// One rawjson SolveStatus value (vertexes, statuses, logs, warnings) applied to the trace's steps.
import { clip } from './closing.js';
import type { BuildWarning, Step } from './types.js';

interface RawVertex {
  digest?: string;
  name?: string;
  started?: string;
  completed?: string;
  cached?: boolean;
  error?: string;
  inputs?: string[];
}
interface RawStatus {
  id?: string;
  current?: number;
}
interface RawLog {
  vertex?: string;
  data?: string;
}
interface RawWarning {
  level?: number;
  short?: string;
  detail?: string[];
  url?: string;
  sourceInfo?: { filename?: string };
  range?: { start?: { line?: number }; end?: { line?: number } }[];
}

export interface SolveStatusSink {
  step(id: string, name?: string): Step;
  changed(s: Step, wasStarted: boolean, wasDone: boolean): void;
  log(s: Step, line: string): void;
  contextBytes(n: number): void;
  warning(w: BuildWarning): void;
  /** The vertexes a vertex is built from (a step's platform is its inputs' when its name omits it). */
  inputs?(id: string, inputs: string[]): void;
}

function decode(b64: string | undefined): string {
  return b64 ? Buffer.from(b64, 'base64').toString('utf8') : '';
}

// A log file given to `analyze` is anyone's JSON: each field is read only when it has the type
// buildx writes, so a number, object or nested array where a string belongs is skipped, not a crash.
type Obj = Record<string, unknown>;
const objects = (v: unknown): Obj[] =>
  Array.isArray(v) ? v.filter((x): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x)) : [];
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

function vertex(o: Obj): RawVertex {
  return {
    digest: str(o.digest),
    name: str(o.name),
    started: str(o.started),
    completed: str(o.completed),
    cached: o.cached === true,
    error: str(o.error),
    inputs: strings(o.inputs),
  };
}

function warningOf(o: Obj): RawWarning {
  const source = objects([o.sourceInfo])[0];
  const line = (p: unknown) => num(objects([p])[0]?.line);
  return {
    level: num(o.level),
    short: str(o.short),
    detail: strings(o.detail),
    url: str(o.url),
    sourceInfo: source ? { filename: str(source.filename) } : undefined,
    range: objects(o.range).map((r) => ({ start: { line: line(r.start) }, end: { line: line(r.end) } })),
  };
}

export function readSolveStatus(v: Record<string, unknown>, sink: SolveStatusSink): void {
  for (const raw of objects(v.vertexes).map(vertex)) {
    if (!raw.digest) continue;
    const s = sink.step(raw.digest, raw.name);
    if (raw.inputs?.length) sink.inputs?.(raw.digest, raw.inputs);
    const wasStarted = s.startedMs !== undefined;
    const wasDone = s.completedMs !== undefined;
    if (raw.cached) s.cached = true;
    if (raw.started) s.startedMs = Date.parse(raw.started);
    if (raw.completed) {
      s.completedMs = Date.parse(raw.completed);
      s.done = true;
    }
    if (raw.error) s.error = clip(raw.error);
    if (s.startedMs !== undefined && s.completedMs !== undefined)
      s.durationMs = Math.max(0, s.completedMs - s.startedMs);
    sink.changed(s, wasStarted, wasDone);
  }
  for (const st of objects(v.statuses) as RawStatus[]) {
    const current = num(st.current);
    if (str(st.id)?.startsWith('transferring context') && current !== undefined) sink.contextBytes(current);
  }
  for (const log of objects(v.logs) as RawLog[]) {
    const id = str(log.vertex);
    if (!id) continue;
    const s = sink.step(id);
    for (const l of decode(str(log.data)).split('\n')) if (l !== '') sink.log(s, l);
  }
  for (const w of objects(v.warnings).map(warningOf)) {
    const short = decode(w.short);
    const r = w.range?.[0];
    sink.warning({
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
