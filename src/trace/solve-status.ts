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

export function readSolveStatus(v: Record<string, unknown>, sink: SolveStatusSink): void {
  for (const raw of (v.vertexes as RawVertex[] | undefined) ?? []) {
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
  for (const st of (v.statuses as RawStatus[] | undefined) ?? []) {
    if (st.id?.startsWith('transferring context') && typeof st.current === 'number')
      sink.contextBytes(st.current);
  }
  for (const log of (v.logs as RawLog[] | undefined) ?? []) {
    if (!log.vertex) continue;
    const s = sink.step(log.vertex);
    for (const l of decode(log.data).split('\n')) if (l !== '') sink.log(s, l);
  }
  for (const w of (v.warnings as RawWarning[] | undefined) ?? []) {
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
