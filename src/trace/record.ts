// The build record: what `docker buildx history inspect <ref> --format json` says of a build
// (buildx ≥ 0.21). Pure: the JSON text in, a bounded `BuildRecord` out, and the trace a record
// completes. The record carries the error as BuildKit saw it (its message, the failing vertex, that
// vertex's last log lines, the Dockerfile snippet in `Error.Sources`, base64) and step counts. Its
// `Error.Stack` (Go stack traces with the daemon's command line) is never read.
import { clip } from './closing.js';
import { describeStepName } from './names.js';
import type { BuildTrace, Excerpt, Step } from './types.js';

/** The most log lines kept from a record (BuildKit keeps about as many). */
const RECORD_LOG_LINES = 30;
const EXCERPT_LINES = 40;
/** A record's text longer than this is not read (a build's record is a few KiB). */
export const MAX_RECORD_CHARS = 1 << 20;

/** BuildKit's mark where it stopped keeping a step's output: by size (`2MiB`) or by speed (`200KiB/s`). */
const CLIPPED = /^\[output clipped, log limit (\S+) reached\]$/;

/** The limit named by BuildKit's clipping mark (`2MiB`, `200KiB/s`), or undefined for any other line. */
export function clippedLimit(line: string): string | undefined {
  return line.startsWith('[output clipped') ? CLIPPED.exec(line.trim())?.[1] : undefined;
}

export interface RecordError {
  message: string;
  /** The failing vertex as the log names it: `[3/3] RUN make`. */
  vertex?: string;
  /** The failing vertex's last log lines. */
  logs: string[];
  /** Where the error is in the Dockerfile: the snippet buildx prints under a failure. */
  source?: Excerpt;
}

export interface BuildRecord {
  /** The record's id (the ref's last part). */
  ref: string;
  /** `completed`, `failed`, `canceled`, `running`. */
  status: string;
  error?: RecordError;
  steps?: { total: number; completed: number; cached: number };
  /** The limit of BuildKit's clipping mark in the failing vertex's logs (`2MiB`), when there is one. */
  clipped?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;

/** A record from `history inspect --format json`; undefined for text that is not one. */
export function parseRecord(text: string): BuildRecord | undefined {
  if (text.length > MAX_RECORD_CHARS) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const ref = str(r.Ref);
  const status = str(r.Status);
  if (!ref || !status) return undefined;
  const record: BuildRecord = { ref, status };
  const total = num(r.NumTotalSteps);
  if (total !== undefined)
    record.steps = { total, completed: num(r.NumCompletedSteps) ?? 0, cached: num(r.NumCachedSteps) ?? 0 };
  const e = r.Error;
  if (e && typeof e === 'object' && !Array.isArray(e)) {
    const error = readError(e as Record<string, unknown>);
    if (error) {
      record.error = error;
      const limit = error.logs.map(clippedLimit).find((l) => l !== undefined);
      if (limit) record.clipped = limit;
    }
  }
  return record;
}

function readError(e: Record<string, unknown>): RecordError | undefined {
  const message = str(e.Message)?.trim();
  if (!message) return undefined;
  const logs = Array.isArray(e.Logs) ? e.Logs.filter((l): l is string => typeof l === 'string') : [];
  const vertex = str(e.Name)?.trim();
  const sources = str(e.Sources);
  const source = sources ? readSources(sources) : undefined;
  return {
    message: clip(message),
    ...(vertex ? { vertex: clip(vertex) } : {}),
    logs: logs.slice(-RECORD_LOG_LINES).map(clip),
    ...(source ? { source } : {}),
  };
}

const SOURCE_HEADER = /^(\S+):(\d+)(?:-\d+)?$/;

/**
 * `Error.Sources`: base64 of the snippet buildx prints (`Dockerfile:4`, dashes, numbered lines with
 * `>>>` on the failing ones, dashes). Undefined when it is not that.
 */
export function readSources(base64: string): Excerpt | undefined {
  let text: string;
  try {
    text = Buffer.from(base64, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const header = SOURCE_HEADER.exec(lines[0]?.trim() ?? '');
  if (!header) return undefined;
  const body: string[] = [];
  let dashes = 0;
  for (const line of lines.slice(1)) {
    if (/^-{10,}$/.test(line.trim())) {
      if (++dashes === 2) break;
      continue;
    }
    if (dashes === 1 && body.length < EXCERPT_LINES) body.push(clip(line));
  }
  // The first marked line is the failure's line: the header names the first of a range.
  const marked = body.map((l) => /^\s*(\d+) \| >>>/.exec(l)?.[1]).find((n) => n !== undefined);
  return { file: header[1], line: Number(marked ?? header[2]), lines: body };
}

/**
 * The trace with the record's reading of the failure: the error text and the Dockerfile location
 * from the record (BuildKit's own, not a reading of the printed log), the failing vertex's error and
 * last lines where the log did not carry them, the clipping mark. A record without an error leaves
 * the trace as it is.
 */
export function withRecord(trace: BuildTrace, record: BuildRecord): BuildTrace {
  const error = record.error;
  if (!error) return trace;
  const steps = error.vertex
    ? trace.steps.map((s) => (s.name === error.vertex ? fromRecord(s, record) : s))
    : trace.steps;
  if (error.vertex && !trace.steps.some((s) => s.name === error.vertex)) {
    // The log never named the vertex (a log lost or cut short): the record's vertex is the step.
    steps.push(fromRecord(recordStep(error.vertex, steps.length + 1, trace.targets), record));
  }
  return {
    ...trace,
    steps,
    // The log's spelling when it is the same error (buildx prefixes `failed to solve: …`).
    error: trace.error?.endsWith(error.message) ? trace.error : error.message,
    ...(error.source ? { excerpt: error.source } : {}),
    recordUse: { ref: record.ref, error: true, line: !!error.source },
  };
}

function fromRecord(s: Step, record: BuildRecord): Step {
  const error = record.error!;
  const logs = s.logLines === 0 ? error.logs : s.logTail;
  return {
    ...s,
    error: s.error ?? error.message,
    done: true,
    logTail: logs,
    logLines: s.logLines || logs.length,
    ...((s.clipped ?? record.clipped) ? { clipped: s.clipped ?? record.clipped } : {}),
  };
}

function recordStep(name: string, number: number, targets?: readonly string[]): Step {
  return {
    number,
    id: `record:${name}`,
    name,
    ...describeStepName(name, targets ? new Set(targets) : undefined),
    cached: false,
    logTail: [],
    logLines: 0,
  };
}
